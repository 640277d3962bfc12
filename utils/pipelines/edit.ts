import Dexie from 'dexie';
import { NotFoundError } from '../db/actions';
import type { StoredEntry, StoredPipeline } from '../db/database';
import { currentUser } from '../db/settings';
import type { Store } from '../db/store';
import type { Stage } from '../schema';
import { applyLocalChange, applyLocalChanges, type LocalChange } from '../db/local-change';
import { appendHistory, stageChange } from './history';
import { newPipelineFields, stageSlug, templateFor, type PipelineKind, type PipelineTemplate } from './templates';

/** An edit that would leave a pipeline invalid: no stages, an unknown stage, a bad order. */
export class PipelineEditError extends Error {}

/** The schema's bounds (utils/schema/pipeline.ts), checked first so the user gets a clear message. */
const MAX_STAGES = 30;
const MAX_STAGE_NAME = 80;
const MAX_PIPELINE_NAME = 120;

function cleanName(name: string, max: number, what: string): string {
  const clean = name.trim();
  if (!clean) throw new PipelineEditError(`${what} cannot be empty`);
  if (clean.length > max) throw new PipelineEditError(`${what} must be at most ${max} characters`);
  return clean;
}

/** Pipeline edits read and write inside one transaction, so two quick edits cannot undo each other. */
function inPipelineTransaction<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const { db } = store;
  return db.transaction('rw', [db.pipelines, db.entries, db.outbox, db.meta], fn);
}

async function livePipeline(store: Store, id: string): Promise<StoredPipeline> {
  const p = await store.db.pipelines.get(id);
  if (!p || p.deleted) throw new NotFoundError('no such pipeline');
  return p;
}

function requireStage(pipeline: StoredPipeline, stageId: string): Stage {
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw new PipelineEditError(`pipeline "${pipeline.name}" has no stage ${stageId}`);
  return stage;
}

function setStages(store: Store, pipelineId: string, stages: Stage[]): Promise<void> {
  return applyLocalChange(store.db, store.clock, 'pipeline', pipelineId, { stages });
}

/** Every entry of a pipeline, deleted ones included. */
export function entriesOfPipeline(store: Store, pipelineId: string): Promise<StoredEntry[]> {
  return store.db.entries.where('[pipelineId+stageId]').between([pipelineId, Dexie.minKey], [pipelineId, Dexie.maxKey]).toArray();
}

/** A new pipeline from a template (by default the one of its kind). Returns its id. */
export async function createPipeline(
  store: Store,
  options: { name?: string; kind?: PipelineKind; template?: PipelineTemplate } = {},
): Promise<string> {
  const template = options.template ?? templateFor(options.kind ?? 'recruiting');
  const name = options.name === undefined ? undefined : cleanName(options.name, MAX_PIPELINE_NAME, 'pipeline name');
  const { id, fields } = newPipelineFields(template, { name, now: store.now() });
  await applyLocalChange(store.db, store.clock, 'pipeline', id, fields);
  return id;
}

export async function renamePipeline(store: Store, pipelineId: string, name: string): Promise<void> {
  const clean = cleanName(name, MAX_PIPELINE_NAME, 'pipeline name');
  await inPipelineTransaction(store, async () => {
    await livePipeline(store, pipelineId);
    await applyLocalChange(store.db, store.clock, 'pipeline', pipelineId, { name: clean });
  });
}

/** Archived pipelines keep their entries; the UI hides them from the board and the card. */
export async function archivePipeline(store: Store, pipelineId: string, archived = true): Promise<void> {
  await inPipelineTransaction(store, async () => {
    await livePipeline(store, pipelineId);
    await applyLocalChange(store.db, store.clock, 'pipeline', pipelineId, { archived });
  });
}

export function unarchivePipeline(store: Store, pipelineId: string): Promise<void> {
  return archivePipeline(store, pipelineId, false);
}

/**
 * Add a stage at `position` (0 = first; default last). Its id is a slug of its name that no stage
 * of the pipeline has, nor had: an entry's history may still name a removed stage, and a new stage
 * must not inherit that past. Returns the new stage's id.
 */
export async function addStage(
  store: Store,
  pipelineId: string,
  name: string,
  position?: number,
  points?: number,
): Promise<string> {
  const clean = cleanName(name, MAX_STAGE_NAME, 'stage name');
  return inPipelineTransaction(store, async () => {
    const pipeline = await livePipeline(store, pipelineId);
    if (pipeline.stages.length >= MAX_STAGES) throw new PipelineEditError(`a pipeline has at most ${MAX_STAGES} stages`);
    const taken = new Set(pipeline.stages.map((s) => s.id));
    for (const e of await entriesOfPipeline(store, pipelineId)) {
      taken.add(e.stageId);
      for (const h of e.history) taken.add(h.stageId);
    }
    const id = stageSlug(clean, taken);
    const stage: Stage = points === undefined ? { id, name: clean } : { id, name: clean, points };
    const stages = [...pipeline.stages];
    const at = position === undefined ? stages.length : Math.max(0, Math.min(stages.length, Math.trunc(position)));
    stages.splice(at, 0, stage);
    await setStages(store, pipelineId, stages);
    return id;
  });
}

/** The id stays: entries, their history and pitch templates keep pointing at the renamed stage. */
export async function renameStage(store: Store, pipelineId: string, stageId: string, name: string): Promise<void> {
  const clean = cleanName(name, MAX_STAGE_NAME, 'stage name');
  await inPipelineTransaction(store, async () => {
    const pipeline = await livePipeline(store, pipelineId);
    requireStage(pipeline, stageId);
    await setStages(store, pipelineId, pipeline.stages.map((s) => (s.id === stageId ? { ...s, name: clean } : s)));
  });
}

/** Referral points for reaching a stage; undefined removes them. */
export async function setStagePoints(store: Store, pipelineId: string, stageId: string, points: number | undefined): Promise<void> {
  if (points !== undefined && !(Number.isInteger(points) && points >= 0)) throw new PipelineEditError('points must be a whole number, 0 or more');
  await inPipelineTransaction(store, async () => {
    const pipeline = await livePipeline(store, pipelineId);
    requireStage(pipeline, stageId);
    await setStages(
      store,
      pipelineId,
      pipeline.stages.map((s) => {
        if (s.id !== stageId) return s;
        const { points: _old, ...rest } = s;
        return points === undefined ? rest : { ...rest, points };
      }),
    );
  });
}

/** `order` must name every stage once; the stages keep their ids, names and points. */
export async function reorderStages(store: Store, pipelineId: string, order: readonly string[]): Promise<void> {
  await inPipelineTransaction(store, async () => {
    const pipeline = await livePipeline(store, pipelineId);
    const byId = new Map(pipeline.stages.map((s) => [s.id, s]));
    if (order.length !== byId.size || new Set(order).size !== order.length || order.some((id) => !byId.has(id)))
      throw new PipelineEditError('the new order must name every stage of the pipeline exactly once');
    await setStages(store, pipelineId, order.map((id) => byId.get(id)!));
  });
}

/**
 * Move one stage to just before `beforeStageId` (undefined, or a stage gone meanwhile: last). Said
 * by neighbour, not index, and applied to the stages as they are when the write runs, so quick
 * successive moves, or a stage added or removed meanwhile, never fail nor land elsewhere.
 */
export async function moveStage(store: Store, pipelineId: string, stageId: string, beforeStageId: string | undefined): Promise<void> {
  await inPipelineTransaction(store, async () => {
    const pipeline = await livePipeline(store, pipelineId);
    const stage = requireStage(pipeline, stageId);
    const rest = pipeline.stages.filter((s) => s.id !== stageId);
    const at = rest.findIndex((s) => s.id === beforeStageId);
    rest.splice(at < 0 ? rest.length : at, 0, stage);
    if (rest.every((s, i) => s.id === pipeline.stages[i]!.id)) return;
    await setStages(store, pipelineId, rest);
  });
}

/**
 * Remove a stage, moving its entries to `moveEntriesTo` first: each move is appended to the
 * entry's history (who, when), all in the same transaction as the stage's removal, so no entry is
 * ever left on a stage that does not exist. The last stage cannot be removed. Deleted entries are
 * left alone (a tombstone must stay empty). Returns how many entries moved.
 */
export async function removeStage(store: Store, pipelineId: string, stageId: string, moveEntriesTo: string): Promise<number> {
  return inPipelineTransaction(store, async () => {
    const pipeline = await livePipeline(store, pipelineId);
    requireStage(pipeline, stageId);
    if (pipeline.stages.length <= 1) throw new PipelineEditError('a pipeline needs at least one stage');
    if (moveEntriesTo === stageId) throw new PipelineEditError('choose another stage to move the entries to');
    requireStage(pipeline, moveEntriesTo);
    const at = store.now();
    const by = await currentUser(store.db);
    const entries = await store.db.entries.where('[pipelineId+stageId]').equals([pipelineId, stageId]).toArray();
    const moves: LocalChange[] = entries
      .filter((e) => !e.deleted)
      .map((e) => ({
        entity: 'entry',
        id: e.id,
        fields: { stageId: moveEntriesTo, history: appendHistory(e.history, stageChange(moveEntriesTo, at, by)) },
      }));
    // The moves first, then the stage's removal: an entry never points at a stage that is gone.
    await applyLocalChanges(store.db, store.clock, [
      ...moves,
      { entity: 'pipeline', id: pipelineId, fields: { stages: pipeline.stages.filter((s) => s.id !== stageId) } },
    ]);
    return moves.length;
  });
}
