import Dexie from 'dexie';
import { NotFoundError } from '../db/actions';
import type { ScoutbookDb, StoredEntry, StoredNote, StoredPerson } from '../db/database';
import { applyLocalChange } from '../db/local-change';
import type { Store } from '../db/store';
import { dropQueuedFor } from '../sync/outbox';
import { Note, Person, PipelineEntry, type Pipeline } from '../schema';

/**
 * Privacy requests about one person (GDPR/PIPL style), handled locally: "forget" erases, the
 * subject-access export shows everything held. Neither needs the server; a forget reaches it
 * through the outbox like any other change.
 */

const KEEP = new Set(['id', 'updatedAt', 'clocks', 'deleted']);

/** Every field the record has, or its schema or clocks know of, set to null (unset), plus `deleted: true`. */
function erasure(row: Record<string, unknown> & { clocks: Record<string, string> }, shape: Record<string, unknown>) {
  const fields: Record<string, unknown> = {};
  for (const k of [...Object.keys(row), ...Object.keys(shape), ...Object.keys(row.clocks)]) if (!KEEP.has(k)) fields[k] = null;
  fields.deleted = true;
  return fields;
}

function notesOf(db: ScoutbookDb, personId: string): Promise<StoredNote[]> {
  return db.notes.where('[personId+createdAt]').between([personId, Dexie.minKey], [personId, Dexie.maxKey]).toArray();
}

export interface ForgetResult {
  notes: number;
  entries: number;
}

/**
 * Forget a person: their notes and pipeline entries are erased, and the person is reduced to a
 * tombstone `{ id, deleted: true, updatedAt, clocks }` — the tombstone is what keeps a sync or a
 * restore from bringing them back. Content still waiting in the outbox is dropped rather than
 * sent; private notes, which never left the device, are simply deleted. One transaction.
 *
 * Needs local-change.ts to validate deleted records as tombstones (see parseRecord).
 */
export async function forgetPerson(store: Store, personId: string): Promise<ForgetResult> {
  const { db, clock } = store;
  return db.transaction('rw', [db.people, db.notes, db.entries, db.outbox, db.meta], async () => {
    const person = await db.people.get(personId);
    if (!person) throw new NotFoundError('no such person');
    const notes = await notesOf(db, personId);
    const entries = await db.entries.where('personId').equals(personId).toArray();
    const ids = new Set([personId, ...notes.map((n) => n.id), ...entries.map((e) => e.id)]);
    await dropQueuedFor(db, ids);

    for (const note of notes) {
      if (note.visibility === 'private') await db.notes.delete(note.id);
      else await applyLocalChange(db, clock, 'note', note.id, erasure(note, Note.shape));
    }
    for (const entry of entries) await applyLocalChange(db, clock, 'entry', entry.id, erasure(entry, PipelineEntry.shape));
    await applyLocalChange(db, clock, 'person', personId, erasure(person, Person.shape));
    return { notes: notes.length, entries: entries.length };
  });
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function plain<T extends { clocks: unknown; createdAt?: number }>(row: T) {
  const { clocks: _c, ...rest } = row;
  return { ...rest, createdAt: iso(row.createdAt) };
}

function entryView(entry: StoredEntry, pipeline: Pipeline | undefined) {
  const stageName = (id: string) => pipeline?.stages.find((s) => s.id === id)?.name ?? id;
  return {
    ...plain(entry),
    pipelineName: pipeline?.name ?? 'Unknown pipeline',
    stageName: stageName(entry.stageId),
    history: entry.history.map((h) => ({ ...h, stageName: stageName(h.stageId), at: iso(h.at) })),
  };
}

export interface SubjectAccessReport {
  format: 'scoutbook-subject-access';
  version: 1;
  exportedAt: string;
  person: ReturnType<typeof plain<StoredPerson>>;
  notes: ReturnType<typeof plain<StoredNote>>[];
  entries: ReturnType<typeof entryView>[];
}

/**
 * Everything held about one person, readable: the record, every note (private and deleted ones
 * too: they are held), and every pipeline entry with pipeline and stage names and its stage history.
 */
export async function subjectAccessExport(db: ScoutbookDb, personId: string, now: () => number = Date.now): Promise<SubjectAccessReport> {
  return db.transaction('r', [db.people, db.notes, db.entries, db.pipelines], async () => {
    const person = await db.people.get(personId);
    if (!person) throw new NotFoundError('no such person');
    const notes = await notesOf(db, personId);
    const entries = await db.entries.where('personId').equals(personId).toArray();
    const pipelines = await db.pipelines.bulkGet(entries.map((e) => e.pipelineId));
    return {
      format: 'scoutbook-subject-access',
      version: 1,
      exportedAt: new Date(now()).toISOString(),
      person: plain(person),
      notes: notes.map(plain),
      entries: entries.map((e, i) => entryView(e, pipelines[i])),
    };
  });
}
