import type { PipelineEntry } from '../schema';

/**
 * Fields issue 5 adds to PipelineEntry (`referrer`, `nextActionAt`). Read through these helpers so
 * that this code compiles and behaves the same before and after the schema gains them.
 */
export type EntryLike = Pick<PipelineEntry, 'id' | 'pipelineId' | 'stageId' | 'history' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<PipelineEntry, 'deleted' | 'personId' | 'companyId' | 'ownerId'>> & {
    referrer?: string;
    nextActionAt?: number;
  };

export function referrerOf(entry: object): string | undefined {
  const r = (entry as { referrer?: unknown }).referrer;
  return typeof r === 'string' && r.trim() ? r.trim() : undefined;
}

export function nextActionOf(entry: object): number | undefined {
  const at = (entry as { nextActionAt?: unknown }).nextActionAt;
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}
