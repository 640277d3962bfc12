import Dexie from 'dexie';
import { monotonicFactory } from 'ulidx';
import type { ScoutbookDb } from '../db/database';
import { applyLocalChanges, type LocalChange } from '../db/local-change';
import type { Store } from '../db/store';
import { PipelineEntry } from '../schema';
import { BatchSizer, taskEndProbe } from './batch-size';
import { throwIfAborted, unwrapDexieError, type CooperativeOptions } from './cooperative';
import {
  mergeChanges,
  PERSON_FIELDS,
  PROFILE_REQUIRED,
  type ExistingPerson,
  type ImportPlan,
  type IncomingPerson,
  type LineMessage,
} from './plan';

/** What the user decided for a possible duplicate. Undecided ones are not imported. */
export type DuplicateDecision = 'skip' | 'create' | { mergeInto: string };

export interface ApplyOptions extends CooperativeOptions {
  /** Keyed by the duplicate's line. */
  decisions?: ReadonlyMap<number, DuplicateDecision>;
}

export interface ApplyResult {
  created: number;
  merged: number;
  notes: number;
  entries: number;
  /** Rows not written, and why (an undecided duplicate, a person deleted since the dry run). */
  skipped: LineMessage[];
}

const ENTRY_FIELDS = new Set(Object.keys(PipelineEntry.shape));

/**
 * Ids for the records an import creates. ulid() draws 16 random numbers from WebCrypto per id
 * (3 s of a 100,000-person import in Chromium); a monotonic factory draws them once per
 * millisecond and counts up within it, and its ids are still ulids. An import seeds every id with
 * its own start time (the records' createdAt), so the factory draws once per import instead of
 * once per millisecond of the write (a tenth of a batch's task on a loaded machine).
 */
const newId = monotonicFactory();

/** The fields that are set: an absent value is not written (and not clocked). */
function defined(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in fields) if (fields[key] !== undefined) out[key] = fields[key];
  return out;
}

type Op =
  | { kind: 'create'; lines: readonly number[]; person: IncomingPerson }
  | { kind: 'merge'; lines: readonly number[]; person: IncomingPerson; personId: string };

/** The possible duplicates the user decided to import, as operations; the others are noted in `skipped`. */
function decidedDuplicates(plan: ImportPlan, decisions: ReadonlyMap<number, DuplicateDecision>, skipped: LineMessage[]): Op[] {
  const ops: Op[] = [];
  for (const d of plan.possibleDuplicates) {
    const decision = decisions.get(d.line);
    if (decision === undefined || decision === 'skip') {
      skipped.push({ line: d.line, reason: decision ? 'skipped: you chose not to import it' : 'skipped: possible duplicate not confirmed' });
    } else if (decision === 'create') {
      if (!d.person.profileKey && PROFILE_REQUIRED) skipped.push({ line: d.line, reason: 'skipped: a new person needs a profile URL' });
      else ops.push({ kind: 'create', lines: [d.line], person: d.person });
    } else {
      ops.push({ kind: 'merge', lines: [d.line], person: d.person, personId: decision.mergeInto });
    }
  }
  return ops;
}

/**
 * Every operation of the plan in order, made as it is written rather than all up front (100,000
 * operation objects were an 80 ms task at the start of the write, and stayed on the heap for the
 * collector to walk through the whole write).
 */
function* operations(plan: ImportPlan, duplicates: readonly Op[]): Generator<Op> {
  for (const c of plan.create) yield { kind: 'create', lines: c.lines, person: c.person };
  for (const m of plan.merge) yield { kind: 'merge', lines: m.lines, person: m.person, personId: m.personId };
  yield* duplicates;
}

function addTo<V>(map: Map<string, Set<V>>, key: string, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

export interface ExistingOptions {
  /** Read note bodies (only a file with a note column needs them; 300k notes take seconds). */
  notes?: boolean;
  /** Read pipeline entries (only a file with a stage column needs them). */
  entries?: boolean;
}

/** The saved people a dry run matches against (tombstones excluded), with their notes and pipelines. */
export async function existingPeople(db: ScoutbookDb, options: ExistingOptions = {}): Promise<ExistingPerson[]> {
  return db.transaction('r', [db.people, db.notes, db.entries], async () => {
    const noteBodies = new Map<string, Set<string>>();
    const pipelineIds = new Map<string, Set<string>>();
    if (options.notes !== false) await db.notes.each((n) => n.personId && !n.deleted && addTo(noteBodies, n.personId, n.body));
    if (options.entries !== false) await db.entries.each((e) => e.personId && !e.deleted && addTo(pipelineIds, e.personId, e.pipelineId));
    const people = await db.people.filter((p) => !p.deleted).toArray();
    return people.map((p) => ({ ...p, noteBodies: noteBodies.get(p.id), pipelineIds: pipelineIds.get(p.id) }));
  });
}

interface Pending {
  changes: LocalChange[];
  /** How many of the plan's operations are done once these changes are written. */
  opsDone: number;
}

/**
 * Write a dry-run plan in ONE transaction. Records go through applyLocalChanges (so the sync outbox
 * gets every mutation) in batches: one bulkGet/bulkPut per table per batch, not four round trips
 * per record, and the thread is free while IndexedDB works between batches. Cancelling, or any
 * failure, before the commit rolls all of it back.
 */
export async function applyImport(store: Store, plan: ImportPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const { db, clock } = store;
  const result: ApplyResult = { created: 0, merged: 0, notes: 0, entries: 0, skipped: [] };
  const duplicates = decidedDuplicates(plan, options.decisions ?? new Map(), result.skipped);
  const total = plan.create.length + plan.merge.length + duplicates.length;
  throwIfAborted(options.signal, 'Import cancelled');

  await db.transaction('rw', [db.people, db.notes, db.entries, db.pipelines, db.outbox, db.meta], async () => {
    const pipeline = plan.pipelineId ? await db.pipelines.get(plan.pipelineId) : undefined;
    const pipelineLive = pipeline && !pipeline.deleted ? pipeline : undefined;
    const now = store.now();

    // What the merges need to know about the people they merge into, read once.
    const merges = [...plan.merge, ...duplicates.flatMap((o) => (o.kind === 'merge' ? [o] : []))];
    const mergeIds = [...new Set(merges.map((m) => m.personId))];
    const current = new Map<string, ExistingPerson | undefined>();
    const held = mergeIds.length ? await db.people.bulkGet(mergeIds) : [];
    mergeIds.forEach((id, i) => current.set(id, held[i] as ExistingPerson | undefined));
    // One pass, not a scan of every operation per merged person (quadratic for a big re-import).
    const withNotes = [...new Set(merges.filter((m) => m.person.notes.length).map((m) => m.personId))];
    const heldNotes = new Map<string, Set<string>>();
    for (const id of withNotes) {
      const notes = await db.notes.where('[personId+createdAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
      heldNotes.set(id, new Set(notes.filter((n) => !n.deleted).map((n) => n.body)));
    }
    const inPipeline = new Set<string>();
    if (pipelineLive && mergeIds.length && merges.some((m) => m.person.stageId)) {
      const entries = await db.entries.where('personId').anyOf(mergeIds).toArray();
      for (const e of entries) if (e.pipelineId === pipelineLive.id && !e.deleted && e.personId) inPipeline.add(e.personId);
    }

    const extras = (personId: string, person: IncomingPerson, firstLine: number): LocalChange[] => {
      const out: LocalChange[] = [];
      const bodies = heldNotes.get(personId) ?? new Set<string>();
      // Kept only for people with notes: a set per imported person was 15 MB held through a 100k write.
      if (person.notes.length) heldNotes.set(personId, bodies);
      for (const note of person.notes) {
        // Importing the same file twice must not add its notes twice.
        if (bodies.has(note.body)) continue;
        bodies.add(note.body);
        out.push({ entity: 'note', id: newId(now), fresh: true, fields: { personId, body: note.body, visibility: note.visibility, createdAt: now, deleted: false } });
        result.notes++;
      }
      if (!person.stageId) return out;
      if (!pipelineLive || !pipelineLive.stages.some((s) => s.id === person.stageId)) {
        result.skipped.push({ line: firstLine, reason: 'no pipeline entry: the pipeline or its stage no longer exists' });
        return out;
      }
      // Keep it simple: an import adds people to the pipeline, it never moves an existing entry.
      if (inPipeline.has(personId)) return out;
      inPipeline.add(personId);
      out.push({
        entity: 'entry',
        id: newId(now),
        fresh: true,
        fields: defined({
          personId,
          pipelineId: pipelineLive.id,
          stageId: person.stageId,
          history: [{ stageId: person.stageId, at: now }],
          referrer: ENTRY_FIELDS.has('referrer') ? person.referrer : undefined,
          createdAt: now,
          deleted: false,
        }),
      });
      result.entries++;
      return out;
    };

    // Records per applyLocalChanges call: its merging, validation and structured cloning run in
    // the task that prepared the batch, sized to keep that task short (batch-size.ts). (Preparing
    // the next batch while the database writes the previous one, in concurrent Dexie
    // sub-transactions, broke Dexie's zones and let a cancelled import commit.)
    const batch = new BatchSizer();
    let pending: Pending = { changes: [], opsDone: 0 };
    let taskStart = performance.now();
    const flush = async () => {
      throwIfAborted(options.signal, 'Import cancelled');
      if (pending.changes.length) {
        const ended = taskEndProbe();
        await applyLocalChanges(db, clock, pending.changes);
        batch.record(pending.changes.length, ended.end === undefined ? undefined : ended.end - taskStart);
      }
      options.onProgress?.({ done: pending.opsDone, total });
      pending = { changes: [], opsDone: pending.opsDone };
      // The next batch is prepared in the task the database's answer starts.
      taskStart = performance.now();
    };

    let i = 0;
    for (const op of operations(plan, duplicates)) {
      const p = op.person;
      if (op.kind === 'create') {
        const id = newId(now);
        pending.changes.push({
          entity: 'person',
          id,
          fresh: true,
          fields: defined({
            name: p.name,
            headline: p.headline,
            companyName: p.companyName,
            location: p.location,
            profileKeys: p.profileKey ? [p.profileKey, ...(p.otherKeys ?? [])] : [],
            profileUrl: p.profileUrl,
            emails: PERSON_FIELDS.has('emails') && p.emails.length ? p.emails : undefined,
            phones: PERSON_FIELDS.has('phones') && p.phones.length ? p.phones : undefined,
            connectedAt: p.connectedAt,
            status: 'active',
            tags: p.tags,
            createdAt: now,
            deleted: false,
          }),
        });
        result.created++;
        pending.changes.push(...extras(id, p, op.lines[0]!));
      } else {
        const saved = current.get(op.personId);
        if (!saved || saved.deleted) {
          result.skipped.push({ line: op.lines[0]!, reason: 'skipped: the matching person was deleted since the dry run' });
        } else {
          // Against the record as it is now (and as earlier rows of this import left it), not as the dry run saw it.
          const changes = mergeChanges(saved, p, plan.overwrite);
          if (Object.keys(changes).length > 0) {
            pending.changes.push({ entity: 'person', id: op.personId, fields: changes });
            current.set(op.personId, { ...saved, ...changes } as ExistingPerson);
          }
          result.merged++;
          pending.changes.push(...extras(op.personId, p, op.lines[0]!));
        }
      }
      pending.opsDone = ++i;
      if (pending.changes.length >= batch.size) await flush();
    }
    await flush();
    // The last chance to cancel: throwing here still rolls the whole import back.
    throwIfAborted(options.signal, 'Import cancelled');
  }).catch((e: unknown) => {
    throw unwrapDexieError(e);
  });
  return result;
}
