import type { Period } from '@/utils/pipelines/funnel';

const DAY_MS = 86_400_000;

export const PERIOD_PRESETS = ['7d', '30d', '90d', 'all', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface PeriodChoice {
  preset: PeriodPreset;
  /** Custom range, as the date inputs give it: `2026-11-01`, both days included. */
  from?: string;
  to?: string;
}

/** Local midnight of a `YYYY-MM-DD` day, or undefined when the text is not a date. */
function localDay(text: string | undefined, plusDays = 0): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!m) return undefined;
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).getTime();
  return Number.isFinite(at) ? at : undefined;
}

/**
 * The period a choice stands for, at `now`. A custom range runs from the start of its first day to
 * the end of its last; an inverted range is an error the view shows (and counts nothing).
 */
export function periodOf(choice: PeriodChoice, now: number): { period: Period } | { error: 'badRange' } {
  switch (choice.preset) {
    case '7d':
      return { period: { from: now - 7 * DAY_MS } };
    case '30d':
      return { period: { from: now - 30 * DAY_MS } };
    case '90d':
      return { period: { from: now - 90 * DAY_MS } };
    case 'all':
      return { period: {} };
    case 'custom': {
      const from = localDay(choice.from);
      const to = localDay(choice.to, 1);
      if (from !== undefined && to !== undefined && from >= to) return { error: 'badRange' };
      return { period: { from, to } };
    }
  }
}
