import { monotonicFactory } from 'ulidx';
import { NotFoundError } from '../db/actions';
import type { StoredEntry, StoredPerson } from '../db/database';
import { currentUser } from '../db/settings';
import type { Store } from '../db/store';
import type { PersonStatus } from '../schema';
import { applyLocalChanges, type LocalChange } from '../db/local-change';
import { PipelineEditError } from './edit';
import { appendHistory, stageChange } from './history';
import { recordsReferrer } from './templates';

type Entity = 'person' | 'entry';

/** One record changed by a bulk operation: the fields written, and what they were before. */
interface Change {
  entity: Entity;
  id: string;
  /** The selected person this change is for. */
  personId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** A record the operation created: undo deletes it, unless it was edited since. */
  created?: boolean;
  /** The clock the operation wrote at: a field whose clock is still this one was not changed since. */
  hlc?: string;
}

export interface UndoResult {
  /** Records put back as they were. */
  restored: number;
  /** Records left alone because someone changed them again after the operation. */
  kept: number;
}

export interface BulkResult {
  /** Records written: people, plus entries for stage moves, additions and deletions. */
  changed: number;
  /** Selected people the operation did not apply to (already so, not in the pipeline, not found). */
  skipped: number;
  /** Put back the previous values, in one transaction, through the outbox like any change. */
  undo: () => Promise<UndoResult>;
}

/** Entry ids for a selection added at once: see utils/db/local-change.ts for why not ulid(). */
const entryId = monotonicFactory();

/** Raised before anything is written: a referral entry records who referred the candidate. */
export class MissingReferrerError extends Error {}

function bulkTransaction<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const { db } = store;
  return db.transaction('rw', [db.people, db.entries, db.pipelines, db.outbox, db.meta], fn);
}

/** One batch (applyLocalChanges): per-record writes cost seconds for 1,000 people in Chromium. */
function write(store: Store, changes: readonly LocalChange[]): Promise<(string | undefined)[]> {
  return applyLocalChanges(store.db, store.clock, changes);
}

/**
 * Undo writes back each field whose value is still the one the operation wrote; a field changed
 * since (by this user or a teammate through sync) is newer information and is kept, and so is a
 * created entry that was edited since. An absent field is restored as null, which unsets it here
 * and on the server. Calling undo again returns the first call's result and writes nothing.
 */
function undoOf(store: Store, changes: Change[]): () => Promise<UndoResult> {
  let pending: Promise<UndoResult> | undefined;
  const run = () =>
    bulkTransaction(store, async () => {
      const result: UndoResult = { restored: 0, kept: 0 };
      const people = await store.db.people.bulkGet(changes.filter((c) => c.entity === 'person').map((c) => c.id));
      const entries = await store.db.entries.bulkGet(changes.filter((c) => c.entity === 'entry').map((c) => c.id));
      const current = new Map<string, { clocks: Record<string, string> }>();
      for (const r of [...people, ...entries]) if (r) current.set(r.id, r);
      const restore: LocalChange[] = [];
      for (const c of [...changes].reverse()) {
        const now = current.get(c.id);
        const untouched = (k: string) => !!now && c.hlc !== undefined && now.clocks[k] === c.hlc;
        const fields: Record<string, unknown> = {};
        if (!c.created || Object.keys(c.after).every(untouched))
          for (const [k, v] of Object.entries(c.before)) if (untouched(k)) fields[k] = v ?? null;
        if (Object.keys(fields).length) {
          restore.push({ entity: c.entity, id: c.id, fields });
          result.restored++;
        }
        if (Object.keys(fields).length < Object.keys(c.before).length) result.kept++;
      }
      await write(store, restore);
      return result;
    });
  return () =>
    (pending ??= run().catch((e: unknown) => {
      pending = undefined;
      throw e;
    }));
}

function beforeOf(record: object, after: Record<string, unknown>): Record<string, unknown> {
  const rec = record as Record<string, unknown>;
  return Object.fromEntries(Object.keys(after).map((k) => [k, structuredClone(rec[k])]));
}

/** Live people among the selection, in the selection's order, each once. */
async function livePeople(store: Store, personIds: readonly string[]): Promise<StoredPerson[]> {
  const unique = [...new Set(personIds)];
  const found = await store.db.people.bulkGet(unique);
  return found.filter((p): p is StoredPerson => !!p && !p.deleted);
}

/** Each selected person's live entry in the pipeline, by person id. */
async function entriesIn(store: Store, personIds: readonly string[], pipelineId: string): Promise<Map<string, StoredEntry>> {
  const entries = await store.db.entries.where('personId').anyOf([...new Set(personIds)]).toArray();
  const out = new Map<string, StoredEntry>();
  for (const e of entries) if (e.pipelineId === pipelineId && !e.deleted && e.personId) out.set(e.personId, e);
  return out;
}

async function runBulk(store: Store, selected: number, plan: () => Promise<Change[]>): Promise<BulkResult> {
  const changes = await bulkTransaction(store, async () => {
    const planned = await plan();
    const clocks = await write(store, planned.map((c) => ({ entity: c.entity, id: c.id, fields: c.after })));
    planned.forEach((c, i) => (c.hlc = clocks[i]));
    return planned;
  });
  const people = new Set(changes.map((c) => c.personId));
  return { changed: changes.length, skipped: Math.max(0, selected - people.size), undo: undoOf(store, changes) };
}

async function requireStageOf(store: Store, pipelineId: string, stageId: string) {
  const pipeline = await store.db.pipelines.get(pipelineId);
  if (!pipeline || pipeline.deleted) throw new NotFoundError('no such pipeline');
  if (!pipeline.stages.some((s) => s.id === stageId)) throw new PipelineEditError(`pipeline "${pipeline.name}" has no stage ${stageId}`);
  return pipeline;
}

function uniqueCount(ids: readonly string[]): number {
  return new Set(ids).size;
}

/** Move the selected people's entries in a pipeline to a stage; people not in the pipeline are skipped. */
export function bulkMoveStage(store: Store, personIds: readonly string[], pipelineId: string, stageId: string): Promise<BulkResult> {
  return runBulk(store, uniqueCount(personIds), async () => {
    await requireStageOf(store, pipelineId, stageId);
    const at = store.now();
    const by = await currentUser(store.db);
    const entries = await entriesIn(store, personIds, pipelineId);
    const changes: Change[] = [];
    for (const person of await livePeople(store, personIds)) {
      const e = entries.get(person.id);
      if (!e || e.stageId === stageId) continue;
      const after = { stageId, history: appendHistory(e.history, stageChange(stageId, at, by)) };
      changes.push({ entity: 'entry', id: e.id, personId: person.id, before: beforeOf(e, after), after });
    }
    return changes;
  });
}

function tagKey(tag: string): string {
  return tag.trim().toLowerCase();
}

/** Add a tag to the selected people who lack it (compared case-insensitively, like setTags). */
export function bulkAddTag(store: Store, personIds: readonly string[], tag: string): Promise<BulkResult> {
  const clean = tag.trim();
  if (!clean) return Promise.reject(new PipelineEditError('a tag cannot be empty'));
  return runBulk(store, uniqueCount(personIds), async () => {
    const changes: Change[] = [];
    for (const p of await livePeople(store, personIds)) {
      if (p.tags.some((t) => tagKey(t) === tagKey(clean))) continue;
      const after = { tags: [...p.tags, clean] };
      changes.push({ entity: 'person', id: p.id, personId: p.id, before: beforeOf(p, after), after });
    }
    return changes;
  });
}

export function bulkRemoveTag(store: Store, personIds: readonly string[], tag: string): Promise<BulkResult> {
  return runBulk(store, uniqueCount(personIds), async () => {
    const changes: Change[] = [];
    for (const p of await livePeople(store, personIds)) {
      const tags = p.tags.filter((t) => tagKey(t) !== tagKey(tag));
      if (tags.length === p.tags.length) continue;
      const after = { tags };
      changes.push({ entity: 'person', id: p.id, personId: p.id, before: beforeOf(p, after), after });
    }
    return changes;
  });
}

export function bulkSetStatus(store: Store, personIds: readonly string[], status: PersonStatus): Promise<BulkResult> {
  return runBulk(store, uniqueCount(personIds), async () => {
    const changes: Change[] = [];
    for (const p of await livePeople(store, personIds)) {
      if (p.status === status) continue;
      const after = { status };
      changes.push({ entity: 'person', id: p.id, personId: p.id, before: beforeOf(p, after), after });
    }
    return changes;
  });
}

/**
 * Add the selected people to a pipeline at a stage, owned by the current user. People already in
 * the pipeline keep their entry and stage (skipped). In a referral pipeline every entry records
 * its referrer: the one given, else the current user; with neither, nothing is written.
 * Undo deletes the added entries (tombstones: a synced record cannot be un-created).
 */
export function bulkAddToPipeline(
  store: Store,
  personIds: readonly string[],
  pipelineId: string,
  stageId: string,
  referrer?: string,
): Promise<BulkResult> {
  return runBulk(store, uniqueCount(personIds), async () => {
    const pipeline = await requireStageOf(store, pipelineId, stageId);
    const at = store.now();
    const by = await currentUser(store.db);
    const referredBy = referrer?.trim() || (recordsReferrer(pipeline) ? by : undefined);
    if (recordsReferrer(pipeline) && !referredBy)
      throw new MissingReferrerError('a referral entry needs a referrer: name one, or set your name in Options');
    const existing = await entriesIn(store, personIds, pipelineId);
    const changes: Change[] = [];
    for (const p of await livePeople(store, personIds)) {
      if (existing.has(p.id)) continue;
      const after: Record<string, unknown> = {
        personId: p.id,
        pipelineId,
        stageId,
        history: [stageChange(stageId, at, by)],
        createdAt: at,
        deleted: false,
      };
      if (by) after.ownerId = by;
      if (referredBy) after.referrer = referredBy;
      changes.push({ entity: 'entry', id: entryId(at), personId: p.id, before: { deleted: true }, after, created: true });
    }
    return changes;
  });
}

/**
 * Delete the selected people (tombstones, `deleted: true`) and their pipeline entries, which
 * would otherwise stay on the boards as cards of nobody. Notes stay, attached to the tombstone.
 */
export function bulkDeletePeople(store: Store, personIds: readonly string[]): Promise<BulkResult> {
  return runBulk(store, uniqueCount(personIds), async () => {
    const people = await livePeople(store, personIds);
    const entries = await store.db.entries.where('personId').anyOf(people.map((p) => p.id)).toArray();
    const changes: Change[] = [];
    for (const p of people) changes.push({ entity: 'person', id: p.id, personId: p.id, before: { deleted: false }, after: { deleted: true } });
    for (const e of entries)
      if (!e.deleted) changes.push({ entity: 'entry', id: e.id, personId: e.personId!, before: { deleted: false }, after: { deleted: true } });
    return changes;
  });
}
