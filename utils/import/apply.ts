import Dexie from 'dexie';
import { ulid } from 'ulidx';
import type { ScoutbookDb } from '../db/database';
import { applyLocalChange } from '../db/local-change';
import type { Store } from '../db/store';
import { PipelineEntry } from '../schema';
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

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

type Op =
  | { kind: 'create'; lines: number[]; person: IncomingPerson }
  | { kind: 'merge'; lines: number[]; person: IncomingPerson; personId: string };

function operations(plan: ImportPlan, decisions: ReadonlyMap<number, DuplicateDecision>, skipped: LineMessage[]): Op[] {
  const ops: Op[] = [
    ...plan.create.map((c): Op => ({ kind: 'create', lines: c.lines, person: c.person })),
    ...plan.merge.map((m): Op => ({ kind: 'merge', lines: m.lines, person: m.person, personId: m.personId })),
  ];
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

function addTo<V>(map: Map<string, Set<V>>, key: string, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** The saved people a dry run matches against (tombstones excluded), with their notes and pipelines. */
export async function existingPeople(db: ScoutbookDb): Promise<ExistingPerson[]> {
  return db.transaction('r', [db.people, db.notes, db.entries], async () => {
    const noteBodies = new Map<string, Set<string>>();
    const pipelineIds = new Map<string, Set<string>>();
    await db.notes.each((n) => n.personId && !n.deleted && addTo(noteBodies, n.personId, n.body));
    await db.entries.each((e) => e.personId && !e.deleted && addTo(pipelineIds, e.personId, e.pipelineId));
    const people = await db.people.filter((p) => !p.deleted).toArray();
    return people.map((p) => ({ ...p, noteBodies: noteBodies.get(p.id), pipelineIds: pipelineIds.get(p.id) }));
  });
}

/**
 * Write a dry-run plan in ONE transaction, each record through applyLocalChange so that the sync
 * outbox gets every mutation. Cancelling, or any failure, before the commit rolls all of it back.
 */
export async function applyImport(store: Store, plan: ImportPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const { db, clock } = store;
  const result: ApplyResult = { created: 0, merged: 0, notes: 0, entries: 0, skipped: [] };
  const ops = operations(plan, options.decisions ?? new Map(), result.skipped);
  throwIfAborted(options.signal, 'Import cancelled');

  await db.transaction('rw', [db.people, db.notes, db.entries, db.pipelines, db.outbox, db.meta], async () => {
    const pipeline = plan.pipelineId ? await db.pipelines.get(plan.pipelineId) : undefined;
    const now = store.now();

    const addExtras = async (personId: string, person: IncomingPerson, firstLine: number) => {
      const held = await db.notes.where('[personId+createdAt]').between([personId, Dexie.minKey], [personId, Dexie.maxKey]).toArray();
      const bodies = new Set(held.filter((n) => !n.deleted).map((n) => n.body));
      for (const note of person.notes) {
        // Importing the same file twice must not add its notes twice.
        if (bodies.has(note.body)) continue;
        bodies.add(note.body);
        await applyLocalChange(db, clock, 'note', ulid(), {
          personId,
          body: note.body,
          visibility: note.visibility,
          createdAt: now,
          deleted: false,
        });
        result.notes++;
      }
      if (!person.stageId) return;
      if (!pipeline || pipeline.deleted || !pipeline.stages.some((s) => s.id === person.stageId)) {
        result.skipped.push({ line: firstLine, reason: 'no pipeline entry: the pipeline or its stage no longer exists' });
        return;
      }
      const entries = await db.entries.where('personId').equals(personId).toArray();
      // Keep it simple: an import adds people to the pipeline, it never moves an existing entry.
      if (entries.some((e) => e.pipelineId === pipeline.id && !e.deleted)) return;
      await applyLocalChange(
        db,
        clock,
        'entry',
        ulid(),
        defined({
          personId,
          pipelineId: pipeline.id,
          stageId: person.stageId,
          history: [{ stageId: person.stageId, at: now }],
          referrer: ENTRY_FIELDS.has('referrer') ? person.referrer : undefined,
          createdAt: now,
          deleted: false,
        }),
      );
      result.entries++;
    };

    for (const [i, op] of ops.entries()) {
      throwIfAborted(options.signal, 'Import cancelled');
      const p = op.person;
      if (op.kind === 'create') {
        const id = ulid();
        await applyLocalChange(
          db,
          clock,
          'person',
          id,
          defined({
            name: p.name,
            headline: p.headline,
            companyName: p.companyName,
            location: p.location,
            profileKeys: p.profileKey ? [p.profileKey, ...(p.otherKeys ?? [])] : [],
            profileUrl: p.profileUrl,
            emails: PERSON_FIELDS.has('emails') && p.emails.length ? p.emails : undefined,
            phones: PERSON_FIELDS.has('phones') && p.phones.length ? p.phones : undefined,
            status: 'active',
            tags: p.tags,
            createdAt: now,
            deleted: false,
          }),
        );
        result.created++;
        await addExtras(id, p, op.lines[0]!);
      } else {
        const current = (await db.people.get(op.personId)) as ExistingPerson | undefined;
        if (!current || current.deleted) {
          result.skipped.push({ line: op.lines[0]!, reason: 'skipped: the matching person was deleted since the dry run' });
          continue;
        }
        const changes = mergeChanges(current, p, plan.overwrite);
        if (Object.keys(changes).length > 0) await applyLocalChange(db, clock, 'person', op.personId, changes);
        result.merged++;
        await addExtras(op.personId, p, op.lines[0]!);
      }
      options.onProgress?.({ done: i + 1, total: ops.length });
    }
    // The last chance to cancel: throwing here still rolls the whole import back.
    throwIfAborted(options.signal, 'Import cancelled');
  }).catch((e: unknown) => {
    throw unwrapDexieError(e);
  });
  return result;
}
