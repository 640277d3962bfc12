import type { StageChange } from '../schema';

/** The schema's bound on an entry's history (utils/schema/entry.ts). */
export const MAX_HISTORY = 500;

/**
 * History with one more stage change. At the schema's bound the oldest changes after the first
 * (when the entry was added) give way, so that a move never fails on a long-lived entry.
 */
export function appendHistory(history: readonly StageChange[], change: StageChange): StageChange[] {
  const next = [...history, change];
  return next.length <= MAX_HISTORY ? next : [next[0]!, ...next.slice(next.length - MAX_HISTORY + 1)];
}

export function stageChange(stageId: string, at: number, by: string | undefined): StageChange {
  return by === undefined ? { stageId, at } : { stageId, at, by };
}
