import type { Language } from '@/utils/i18n/translate';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "21 Nov 2026, 14:05" in the popup's language. */
export function dateTime(at: number, lang: Language): string {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(lang, f);
  }
  return f.format(at);
}
