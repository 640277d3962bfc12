import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHlc } from '@/utils/sync/hlc';
import { dayBounds, dueToday, isStale, lastActivity, nextAlarm, overdue } from '@/utils/pipelines';

const H = 3_600_000;
const D = 24 * H;
const hlc = (ms: number) => formatHlc({ ms, counter: 0, node: 'test' });

function entry(id: string, nextActionAt?: number, more: { deleted?: boolean } = {}) {
  return { id, nextActionAt, history: [{ stageId: 'sourced', at: 0 }], updatedAt: hlc(0), ...more };
}

describe('reminders: day bounds', () => {
  it('finds local midnight in a fixed-offset zone', () => {
    // 2025-03-10 01:30 in Shanghai is 2025-03-09 17:30 UTC.
    const now = Date.UTC(2025, 2, 9, 17, 30);
    expect(dayBounds(now, 'Asia/Shanghai')).toEqual([Date.UTC(2025, 2, 9, 16), Date.UTC(2025, 2, 10, 16)]);
    expect(dayBounds(now, 'UTC')).toEqual([Date.UTC(2025, 2, 9), Date.UTC(2025, 2, 10)]);
  });

  it('handles days of 23 and 25 hours across daylight saving time', () => {
    // New York springs forward on 2025-03-09 and falls back on 2025-11-02.
    const [s1, e1] = dayBounds(Date.UTC(2025, 2, 9, 15), 'America/New_York');
    expect([s1, e1]).toEqual([Date.UTC(2025, 2, 9, 5), Date.UTC(2025, 2, 10, 4)]);
    const [s2, e2] = dayBounds(Date.UTC(2025, 10, 2, 15), 'America/New_York');
    expect(e2 - s2).toBe(25 * H);
  });

  it('always contains now, in any zone (property)', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (now, zone) => {
        const [start, end] = dayBounds(now, zone);
        expect(start).toBeLessThanOrEqual(now);
        expect(end).toBeGreaterThan(now);
        expect(end - start).toBeGreaterThanOrEqual(23 * H);
        expect(end - start).toBeLessThanOrEqual(25 * H);
      }),
      { numRuns: 500 },
    );
  });
});

describe('reminders: due, overdue, next alarm', () => {
  const now = Date.UTC(2025, 5, 15, 6); // 14:00 in Shanghai
  const zone = 'Asia/Shanghai';
  const todayStart = Date.UTC(2025, 5, 14, 16);
  const entries = [
    entry('later-today', now + 3 * H),
    entry('earlier-today', todayStart + H),
    entry('yesterday', todayStart - H),
    entry('last-week', now - 7 * D),
    entry('tomorrow', todayStart + D + 1),
    entry('none'),
    entry('deleted', now + H, { deleted: true }),
  ];

  it('lists today’s actions (passed hours included) and earlier days’ as overdue, earliest first', () => {
    expect(dueToday(entries, now, zone).map((e) => e.id)).toEqual(['earlier-today', 'later-today']);
    expect(overdue(entries, now, zone).map((e) => e.id)).toEqual(['last-week', 'yesterday']);
  });

  it('gives the earliest future action for chrome.alarms', () => {
    expect(nextAlarm(entries, now)).toBe(now + 3 * H);
    expect(nextAlarm([entry('past', now - 1)], now)).toBeUndefined();
    expect(nextAlarm([], now)).toBeUndefined();
  });

  it('reads nextActionAt defensively', () => {
    expect(dueToday([{ nextActionAt: 'soon' } as unknown as { deleted?: boolean }], now, zone)).toEqual([]);
  });
});

describe('reminders: stale entries', () => {
  const now = Date.UTC(2025, 5, 15);
  it('is stale when neither history nor edits moved for more than N days', () => {
    const e = { history: [{ stageId: 'a', at: now - 20 * D }], updatedAt: hlc(now - 15 * D), createdAt: now - 30 * D };
    expect(lastActivity(e)).toBe(now - 15 * D);
    expect(isStale(e, now, 14)).toBe(true);
    expect(isStale(e, now, 15)).toBe(false);
    expect(isStale({ ...e, history: [...e.history, { stageId: 'b', at: now - D }] }, now, 14)).toBe(false);
    expect(isStale({ ...e, deleted: true }, now, 14)).toBe(false);
    expect(isStale(e, now, 0)).toBe(false);
    expect(isStale({ ...e, updatedAt: 'garbage' }, now, 14)).toBe(true);
  });
});
