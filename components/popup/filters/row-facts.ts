import type { TalentRow } from '@/utils/export/talent-bank';
import { isOpenStage } from '@/utils/pipelines/stages';
import type { Pipeline } from '@/utils/schema';

const DAY_MS = 86_400_000;

/** The HLC's leading 15 digits are its wall-clock ms. */
function hlcMs(hlc: string): number {
  return Number(hlc.slice(0, 15)) || 0;
}

/** The latest change to the person or any of their pipeline entries, epoch ms. */
export function lastActivityOf(row: TalentRow): number {
  let at = hlcMs(row.person.updatedAt);
  for (const s of row.stages) if (s.activityAt > at) at = s.activityAt;
  return at;
}

/** Who owns the person or any of their entries, each once. */
export function ownersOf(row: TalentRow): string[] {
  const out: string[] = [];
  if (row.person.ownerId) out.push(row.person.ownerId);
  for (const s of row.stages) if (s.ownerId && !out.includes(s.ownerId)) out.push(s.ownerId);
  return out;
}

/** An entry still being worked on (not closed, not lost) with no activity for more than `days` days. */
export function isStageStale(stage: TalentRow['stages'][number], pipeline: Pipeline | undefined, now: number, days: number): boolean {
  if (!pipeline || !(days > 0)) return false;
  return now - stage.activityAt > days * DAY_MS && isOpenStage(pipeline, stage.stageId);
}

export function isRowStale(row: TalentRow, pipelines: ReadonlyMap<string, Pipeline>, now: number, days: number): boolean {
  return row.stages.some((s) => isStageStale(s, pipelines.get(s.pipelineId), now, days));
}
