import type { TalentRow } from '@/utils/export/talent-bank';
import type { Person, PersonStatus, PipelineEntry } from '@/utils/schema';
import { formatHlc } from '@/utils/sync/hlc';

export const NOW = Date.UTC(2026, 10, 21, 12);
export const DAY = 86_400_000;

let n = 0;
/** A talent-bank row as usePopupData builds it, for views tested without a database. */
export function row(p: Partial<Person> & { name: string }, stages: Partial<TalentRow['stages'][number]>[] = [], updatedAt = NOW - DAY): TalentRow {
  n++;
  const id = `01JZ${String(n).padStart(22, '0')}`;
  return {
    person: {
      id,
      createdAt: NOW - 100 * DAY,
      updatedAt: formatHlc({ ms: updatedAt, counter: 0, node: 'test' }),
      deleted: false,
      profileKeys: [],
      emails: [],
      phones: [],
      status: 'active' as PersonStatus,
      tags: [],
      ...p,
    },
    stages: stages.map((s, i) => {
      const stage = { pipeline: 'Recruiting', stage: 'Sourced', entryId: `${id.slice(0, 24)}E${i}`, pipelineId: '0000000000000000000000RECR', stageId: 'sourced', activityAt: updatedAt, ...s };
      const entry: PipelineEntry = {
        id: stage.entryId,
        personId: id,
        pipelineId: stage.pipelineId,
        stageId: stage.stageId,
        ownerId: stage.ownerId,
        history: [{ stageId: stage.stageId, at: stage.activityAt }],
        createdAt: stage.activityAt,
        updatedAt: formatHlc({ ms: stage.activityAt, counter: 0, node: 'test' }),
        deleted: false,
      };
      return { entry, ...stage };
    }),
  };
}
