const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** One formatter per locale: building one costs more than the whole rest of a card's note line. */
const formats = new Map<string | undefined, Intl.RelativeTimeFormat>();

/** "3 days ago", "just now": how long ago something happened, in the browser's language. */
export function relativeTime(at: number, locale?: string, now: number = Date.now()): string {
  const diff = at - now;
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'second');
}

/** A calendar date such as "2026-11-21" for intel items and exports. */
export function isoDate(at: number | string): string {
  return new Date(at).toISOString().slice(0, 10);
}
