import { browserLanguage, type Language } from '@/utils/i18n/translate';

/** Loaded on demand: prefs are parsed by zod, which the popup's first paint does without (the mirror below is enough for it). */
const prefs = () => import('@/utils/prefs/prefs');

/** What the user picked: a language, or "follow the browser". */
export type LanguageChoice = Language | 'auto';

/**
 * The choice is stored in prefs.language (extension storage, which the card reads too). Reading it
 * is asynchronous; a copy in this extension page's own localStorage lets the first paint already
 * speak the right language instead of flashing the browser's.
 */
const MIRROR_KEY = 'scoutbook.popup.language';

function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'zh-CN';
}

export function mirroredChoice(): LanguageChoice {
  try {
    const value = localStorage.getItem(MIRROR_KEY);
    return isLanguage(value) ? value : 'auto';
  } catch {
    return 'auto';
  }
}

function mirror(choice: LanguageChoice): void {
  try {
    if (choice === 'auto') localStorage.removeItem(MIRROR_KEY);
    else localStorage.setItem(MIRROR_KEY, choice);
  } catch {
    // Storage may be unavailable (private contexts); prefs still hold the choice.
  }
}

export function resolveLanguage(choice: LanguageChoice, languages?: readonly string[]): Language {
  return choice === 'auto' ? browserLanguage(languages) : choice;
}

export async function loadLanguageChoice(): Promise<LanguageChoice> {
  const choice = (await (await prefs()).loadPrefs()).language ?? 'auto';
  mirror(choice);
  return choice;
}

export async function saveLanguageChoice(choice: LanguageChoice): Promise<void> {
  mirror(choice);
  await (await prefs()).updatePrefs({ language: choice === 'auto' ? undefined : choice });
}

/** Changes made elsewhere (Options, another popup) reach this page. */
export function watchLanguageChoice(onChange: (choice: LanguageChoice) => void): () => void {
  let stopped = false;
  let unwatch: (() => void) | undefined;
  void prefs().then(({ parsePrefs, prefsItem }) => {
    if (stopped) return;
    unwatch = prefsItem.watch((raw) => {
      const choice = parsePrefs(raw).language ?? 'auto';
      mirror(choice);
      onChange(choice);
    });
  });
  return () => {
    stopped = true;
    unwatch?.();
  };
}
