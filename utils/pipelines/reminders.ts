import { parseHlc } from '../sync/hlc';
import { nextActionOf } from './entry-fields';

const DAY_MS = 86_400_000;

type Dated = { deleted?: boolean; nextActionAt?: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Building an Intl formatter costs far more than using one; a popup asks for the same zone every time. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(at: number, timeZone: string): { y: number; m: number; d: number; ms: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return { y: year, m: month, d: day, ms: Date.UTC(year, month - 1, day, hour, minute, second) + (at % 1000 + 1000) % 1000 };
}

/** The zone's offset from UTC at an instant, in ms (UTC+8 → 8 h). */
function offsetAt(at: number, timeZone: string): number {
  return wallClock(at, timeZone).ms - at;
}

/** The instant local midnight of that calendar day begins in the zone (DST days included). */
function midnight(y: number, m: number, d: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d);
  let at = guess - offsetAt(guess, timeZone);
  // A second pass settles the days whose offset changes between the guess and midnight.
  at = guess - offsetAt(at, timeZone);
  return at;
}

/** [start, end) of the calendar day containing `now`, in `timeZone` (default: this device's zone). */
export function dayBounds(now: number, timeZone?: string): [number, number] {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { y, m, d } = wallClock(now, zone);
  return [midnight(y, m, d, zone), midnight(y, m, d + 1, zone)];
}

function live<T extends Dated>(entries: readonly T[]): T[] {
  return entries.filter((e) => !e.deleted && nextActionOf(e) !== undefined);
}

function byDue<T extends Dated>(a: T, b: T): number {
  return nextActionOf(a)! - nextActionOf(b)!;
}

/** Entries whose next action falls on today's date (in the zone), earliest first, whether or not its hour has passed. */
export function dueToday<T extends Dated>(entries: readonly T[], now: number, timeZone?: string): T[] {
  const [start, end] = dayBounds(now, timeZone);
  return live(entries)
    .filter((e) => nextActionOf(e)! >= start && nextActionOf(e)! < end)
    .sort(byDue);
}

/** Entries whose next action was due on an earlier day than today, oldest first. */
export function overdue<T extends Dated>(entries: readonly T[], now: number, timeZone?: string): T[] {
  const [start] = dayBounds(now, timeZone);
  return live(entries)
    .filter((e) => nextActionOf(e)! < start)
    .sort(byDue);
}

/**
 * The time of the last activity on an entry: its last stage change, or its last edit (any field,
 * a note of a next action included), whichever is later.
 */
export function lastActivity(entry: { history: readonly { at: number }[]; updatedAt: string; createdAt?: number }): number {
  let last = entry.createdAt ?? 0;
  for (const h of entry.history) if (h.at > last) last = h.at;
  try {
    last = Math.max(last, parseHlc(entry.updatedAt).ms);
  } catch {
    // A malformed clock says nothing about activity; the history still does.
  }
  return last;
}

/**
 * Whether nothing has happened on an entry for more than `staleAfterDays` days. Deleted entries
 * are never stale; nor should closed ones be shown as stale (see isOpenStage), which the caller
 * decides since it holds the pipeline.
 */
export function isStale(
  entry: { history: readonly { at: number }[]; updatedAt: string; createdAt?: number; deleted?: boolean },
  now: number,
  staleAfterDays: number,
): boolean {
  if (entry.deleted || !(staleAfterDays > 0)) return false;
  return now - lastActivity(entry) > staleAfterDays * DAY_MS;
}

/** The earliest next action still in the future, for chrome.alarms; undefined when there is none. */
export function nextAlarm(entries: readonly Dated[], now: number): number | undefined {
  let next: number | undefined;
  for (const e of entries) {
    if (e.deleted) continue;
    const at = nextActionOf(e);
    if (at !== undefined && at > now && (next === undefined || at < next)) next = at;
  }
  return next;
}
