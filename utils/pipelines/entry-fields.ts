import type { PipelineEntry } from '../schema';

/** What funnels, reminders and bulk actions read of an entry. */
export type EntryLike = Pick<PipelineEntry, 'id' | 'pipelineId' | 'stageId' | 'history' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<PipelineEntry, 'deleted' | 'personId' | 'companyId' | 'ownerId' | 'referrer' | 'nextActionAt'>>;

/** The referrer, a blank one counting as none. */
export function referrerOf(entry: Pick<EntryLike, 'referrer'>): string | undefined {
  return entry.referrer?.trim() || undefined;
}

export function nextActionOf(entry: Pick<EntryLike, 'nextActionAt'>): number | undefined {
  return entry.nextActionAt;
}
