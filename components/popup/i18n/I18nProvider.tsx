import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { popupTranslator, type PopupTranslate } from '@/utils/i18n/popup';
import type { Language } from '@/utils/i18n/translate';
import { loadLanguageChoice, mirroredChoice, resolveLanguage, saveLanguageChoice, watchLanguageChoice, type LanguageChoice } from './language';

export interface PopupI18n {
  t: PopupTranslate;
  lang: Language;
  /** What the user picked; "auto" follows the browser. */
  choice: LanguageChoice;
  setChoice: (choice: LanguageChoice) => void;
}

const I18nContext = createContext<PopupI18n>({
  t: popupTranslator('en'),
  lang: 'en',
  choice: 'auto',
  setChoice: () => {},
});

export function I18nProvider({ children }: { children: ReactNode }) {
  const [choice, setChoiceState] = useState<LanguageChoice>(mirroredChoice);
  useEffect(() => {
    let live = true;
    loadLanguageChoice()
      .then((stored) => live && setChoiceState(stored))
      .catch((e: unknown) => console.warn('[scoutbook] could not read the language preference:', e));
    const unwatch = watchLanguageChoice(setChoiceState);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const value = useMemo<PopupI18n>(() => {
    const lang = resolveLanguage(choice);
    return {
      t: popupTranslator(lang),
      lang,
      choice,
      setChoice: (next) => {
        setChoiceState(next);
        saveLanguageChoice(next).catch((e: unknown) => console.warn('[scoutbook] could not save the language preference:', e));
      },
    };
  }, [choice]);
  useEffect(() => {
    document.documentElement.lang = value.lang;
  }, [value.lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): PopupI18n {
  return useContext(I18nContext);
}
