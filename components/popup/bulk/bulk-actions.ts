import { writeFromPage } from '@/utils/db/page-writes';
import {
  bulkAddTag,
  bulkAddToPipeline,
  bulkDeletePeople,
  bulkMoveStage,
  bulkSetStatus,
  type BulkResult,
  type UndoResult,
} from '@/utils/pipelines/bulk';
import type { PersonStatus } from '@/utils/schema';

export type BulkAction =
  | { kind: 'move'; pipelineId: string; stageId: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'status'; status: PersonStatus }
  | { kind: 'add'; pipelineId: string; stageId: string; referrer?: string }
  | { kind: 'delete' };

/**
 * Run one bulk action on the selected people: one transaction written from this page
 * (utils/db/page-writes.ts), after which the background updates open cards and syncs.
 */
export function runBulkAction(action: BulkAction, personIds: readonly string[]): Promise<BulkResult> {
  return writeFromPage((store) => {
    switch (action.kind) {
      case 'move':
        return bulkMoveStage(store, personIds, action.pipelineId, action.stageId);
      case 'tag':
        return bulkAddTag(store, personIds, action.tag);
      case 'status':
        return bulkSetStatus(store, personIds, action.status);
      case 'add':
        return bulkAddToPipeline(store, personIds, action.pipelineId, action.stageId, action.referrer);
      case 'delete':
        return bulkDeletePeople(store, personIds);
    }
  });
}

/** Undo through the same path, so the tabs and sync hear of it too. */
export function undoBulk(result: BulkResult): Promise<UndoResult> {
  return writeFromPage(() => result.undo());
}
