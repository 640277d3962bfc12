import type { Pipeline } from '../schema';
import { isStale } from '../pipelines/reminders';
import { isOpenStage } from '../pipelines/stages';

type EntryActivity = Parameters<typeof isStale>[0] & { stageId: string };

/** Stale: still being worked on (not Hired, Won or Lost) and untouched for more than `days` days. */
export function isStaleEntry(entry: EntryActivity, pipeline: Pick<Pipeline, 'stages'>, now: number, days: number): boolean {
  return isOpenStage(pipeline, entry.stageId) && isStale(entry, now, days);
}
