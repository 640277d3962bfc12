import type { Pipeline, Stage } from '../schema';

/**
 * Stages an entry leaves the main line for (Sales "Lost"): reachable from any stage and not a
 * step after the one before them, so funnels leave them out of the order. Until stages carry a
 * `side` flag of their own (proposed schema change), these ids mark them.
 */
const SIDE_STAGE_IDS = new Set(['lost', 'rejected', 'declined', 'withdrawn', 'disqualified']);

export function isSideStage(stage: Stage): boolean {
  const flag = (stage as Stage & { side?: boolean }).side;
  return flag ?? SIDE_STAGE_IDS.has(stage.id);
}

/** The stages in funnel order: every stage but the side ones. */
export function mainStages(pipeline: Pick<Pipeline, 'stages'>): Stage[] {
  return pipeline.stages.filter((s) => !isSideStage(s));
}

/**
 * Whether an entry at this stage is still being worked on: not at the last main stage (Hired,
 * Passed probation, Won) and not on a side stage (Lost). Closed entries are never stale.
 */
export function isOpenStage(pipeline: Pick<Pipeline, 'stages'>, stageId: string): boolean {
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage || isSideStage(stage)) return false;
  const main = mainStages(pipeline);
  return main[main.length - 1]?.id !== stageId;
}
