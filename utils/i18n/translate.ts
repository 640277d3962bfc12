import { en, zhCN, type MessageKey } from './messages';

export type Language = 'en' | 'zh-CN';
export const LANGUAGES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** The browser's language when we have it (any Chinese variant reads Simplified Chinese), else English. */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  const first = languages[0]?.toLowerCase() ?? 'en';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  const table = LANGUAGES[lang];
  return (key, vars) => table[key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
}
