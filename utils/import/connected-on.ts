/**
 * LinkedIn's "Connected On" column, and the dates people type into sheets, as a timestamp.
 * LinkedIn wrote "1/8/18, 6:14 PM" (US month first) in 2018 and "30 May 2024" since; an XLSX date
 * cell reaches us as ISO text (parse-xlsx.ts); Chinese sheets write 2024年5月30日 or 2024/5/30.
 * A date without a time is the local midnight of that day, so that it exports as the same day.
 */

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};

function local(year: number, month: number, day: number, hours = 0, minutes = 0): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hours > 23 || minutes > 59) return undefined;
  const d = new Date(year, month, day, hours, minutes);
  // 31 Feb rolls over into March: not a date.
  if (d.getMonth() !== month || d.getDate() !== day) return undefined;
  return d.getTime();
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/** "6:14 PM", "18:14" → [hours, minutes]. */
function clock(time: string | undefined, meridiem: string | undefined): [number, number] | undefined {
  if (!time) return [0, 0];
  const [h, m] = time.split(':').map(Number) as [number, number];
  if (!meridiem) return [h, m];
  if (h < 1 || h > 12) return undefined;
  return [(h % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0), m];
}

const DAY_MONTH_YEAR = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-,]+(\d{4})$/i;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+(\d{1,2}:\d{2})(?::\d{2})?\s*([ap]m)?)?$/i;
const YEAR_FIRST = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** A timestamp (ms), or undefined when the text is not a date we can read without guessing. */
export function parseConnectedOn(text: string | undefined): number | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  if (ISO_INSTANT.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? undefined : ms;
  }
  let m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.slice(0, m[2]!.length === 4 ? 4 : 3).toLowerCase()];
    return month === undefined ? undefined : local(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const month = MONTHS[m[1]!.slice(0, 3).toLowerCase()];
    return month === undefined ? undefined : local(Number(m[3]), month, Number(m[2]));
  }
  m = SLASHED.exec(t);
  if (m) {
    const time = clock(m[4], m[5]);
    if (!time) return undefined;
    let [month, day] = [Number(m[1]), Number(m[2])];
    // LinkedIn writes the month first; a first number over 12 can only be a day (a European sheet).
    if (month > 12 && day <= 12) [month, day] = [day, month];
    return local(fullYear(m[3]!), month - 1, day, ...time);
  }
  m = YEAR_FIRST.exec(t);
  if (m) {
    const time = clock(m[4], undefined);
    return time && local(Number(m[1]), Number(m[2]) - 1, Number(m[3]), ...time);
  }
  return undefined;
}
