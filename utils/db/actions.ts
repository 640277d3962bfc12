import { ulid } from 'ulidx';
import type { CompanyProfile, PageTarget, PersonProfile } from '../sites/types';
import type { StoredCompany, StoredPerson } from './database';
import { applyLocalChange } from './local-change';
import { currentUser } from './settings';
import type { Store } from './store';
import type { PersonStatus } from '../schema';

export type Subject = { personId: string } | { companyId: string };

export class NotFoundError extends Error {}

/**
 * The saved person behind a page: by the page's key first, then by any other key the page revealed
 * (the vanity URL and the member id of one LinkedIn member are one record once both were seen).
 */
export async function findPersonByKey(
  store: Pick<Store, 'db'>,
  key: string,
  altKeys: readonly string[] = [],
): Promise<StoredPerson | undefined> {
  return findByKeys(await withAnyKey<StoredPerson>(store.db.people, [key, ...altKeys]), key);
}

export async function findCompanyByKey(
  store: Pick<Store, 'db'>,
  key: string,
  altKeys: readonly string[] = [],
): Promise<StoredCompany | undefined> {
  return findByKeys(await withAnyKey<StoredCompany>(store.db.companies, [key, ...altKeys]), key);
}

/** One indexed read per key, in parallel: `anyOf` walks a cursor, one trip to the database per step. */
async function withAnyKey<T>(
  table: { where(index: 'profileKeys'): { equals(key: string): { toArray(): PromiseLike<T[]> } } },
  keys: string[],
): Promise<T[]> {
  return (await Promise.all([...new Set(keys)].map((k) => table.where('profileKeys').equals(k).toArray()))).flat();
}

function findByKeys<T extends { deleted: boolean; profileKeys: string[] }>(found: T[], key: string): T | undefined {
  const live = found.filter((r) => !r.deleted);
  return live.find((r) => r.profileKeys.includes(key)) ?? live[0];
}

/** The record's keys plus the page's, leaving out keys another record already holds (flagged, not merged). */
async function keysToAttach(
  table: 'people' | 'companies',
  store: Store,
  id: string,
  current: string[],
  wanted: string[],
): Promise<string[]> {
  const missing = wanted.filter((k) => !current.includes(k));
  if (missing.length === 0) return current;
  const holders = await store.db.table(table).where('profileKeys').anyOf(missing).toArray();
  const taken = new Set(holders.filter((r: { id: string; deleted: boolean }) => r.id !== id && !r.deleted).flatMap((r: { profileKeys: string[] }) => r.profileKeys));
  for (const k of missing.filter((k) => taken.has(k))) console.warn(`[scoutbook] ${k} already belongs to another saved record; not merged`);
  return [...current, ...missing.filter((k) => !taken.has(k))];
}

/** Only the fields that differ, so that saving an unchanged profile writes nothing. */
function changedFields(current: Record<string, unknown> | undefined, next: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined) continue;
    if (JSON.stringify(current?.[k]) !== JSON.stringify(v)) out[k] = v;
  }
  return out;
}

/** Save a person to the talent bank, or refresh what the page now says about them. */
export async function savePerson(store: Store, target: PageTarget, profile: PersonProfile): Promise<string> {
  const altKeys = profile.altKeys ?? [];
  const existing = await findPersonByKey(store, target.key, altKeys);
  const id = existing?.id ?? ulid();
  const profileKeys = await keysToAttach('people', store, id, existing?.profileKeys ?? [], [target.key, ...altKeys]);
  const fields = changedFields(existing, {
    name: profile.name,
    headline: profile.headline,
    location: profile.location,
    companyName: profile.companyName,
    companyKey: profile.companyKey,
    profileKeys,
    ...(existing ? {} : { profileUrl: target.url, status: 'active', tags: [], createdAt: store.now(), deleted: false }),
  });
  if (Object.keys(fields).length > 0) await applyLocalChange(store.db, store.clock, 'person', id, fields);
  return id;
}

export async function saveCompany(store: Store, target: PageTarget, profile: CompanyProfile): Promise<string> {
  const altKeys = profile.altKeys ?? [];
  const existing = await findCompanyByKey(store, target.key, altKeys);
  const id = existing?.id ?? ulid();
  const profileKeys = await keysToAttach('companies', store, id, existing?.profileKeys ?? [], [target.key, ...altKeys]);
  const fields = changedFields(existing, {
    name: profile.name,
    legalName: profile.legalName,
    industry: profile.industry,
    profileKeys,
    ...(existing ? {} : { profileUrl: target.url, createdAt: store.now(), deleted: false }),
  });
  if (Object.keys(fields).length > 0) await applyLocalChange(store.db, store.clock, 'company', id, fields);
  return id;
}

export async function addNote(store: Store, subject: Subject, body: string): Promise<string> {
  await requireSubject(store, subject);
  const id = ulid();
  await applyLocalChange(store.db, store.clock, 'note', id, {
    ...subject,
    body,
    visibility: 'team',
    authorId: await currentUser(store.db),
    createdAt: store.now(),
    deleted: false,
  });
  return id;
}

/** Put a person (or company) at a stage of a pipeline: a new entry, or a move of the existing one. */
export function setStage(store: Store, subject: Subject, pipelineId: string, stageId: string): Promise<string> {
  return inOneTransaction(store, 'subjects', () => setStageNow(store, subject, pipelineId, stageId));
}

/**
 * A stage change reads the entry, then writes it: both in one read-write transaction, which
 * IndexedDB runs after any other writing these tables, in this context or another (the background
 * for cards, the popup for bulk moves). Two stage picks made in quick succession must not both find
 * no entry and create two, nor both extend the same history and lose a step.
 */
function inOneTransaction<T>(store: Store, subjects: 'subjects' | 'entries only', fn: () => Promise<T>): Promise<T> {
  const { db } = store;
  // A move reads no person or company: leaving them out of its scope, it does not wait behind a
  // read of the talent bank (the popup's).
  const tables = [db.pipelines, db.entries, db.outbox, db.meta, ...(subjects === 'subjects' ? [db.people, db.companies] : [])];
  // An async callback: Dexie keeps the transaction open across its awaits. Handed `fn`'s promise
  // from a plain arrow instead, it committed before the write (PrematureCommitError).
  return db.transaction('rw', tables, async () => await fn());
}

async function setStageNow(store: Store, subject: Subject, pipelineId: string, stageId: string): Promise<string> {
  await requireSubject(store, subject);
  const pipeline = await store.db.pipelines.get(pipelineId);
  if (!pipeline || pipeline.deleted) throw new NotFoundError('no such pipeline');
  if (!pipeline.stages.some((s) => s.id === stageId)) throw new NotFoundError(`pipeline "${pipeline.name}" has no stage ${stageId}`);
  const [field, value] = 'personId' in subject ? ['personId', subject.personId] : ['companyId', subject.companyId];
  const existing = (await store.db.entries.where(field).equals(value).toArray()).find(
    (e) => e.pipelineId === pipelineId && !e.deleted,
  );
  if (existing) return moveEntryNow(store, existing.id, stageId);
  const id = ulid();
  const at = store.now();
  const by = await currentUser(store.db);
  await applyLocalChange(store.db, store.clock, 'entry', id, {
    ...subject,
    pipelineId,
    stageId,
    ownerId: by,
    // A referral (内推) entry records who referred the candidate: the user who adds it, until edited.
    ...(pipeline.kind === 'referral' && by ? { referrer: by } : {}),
    history: [{ stageId, at, by }],
    createdAt: at,
    deleted: false,
  });
  return id;
}

export function moveEntry(store: Store, entryId: string, stageId: string): Promise<string> {
  return inOneTransaction(store, 'entries only', () => moveEntryNow(store, entryId, stageId));
}

async function moveEntryNow(store: Store, entryId: string, stageId: string): Promise<string> {
  const entry = await store.db.entries.get(entryId);
  if (!entry || entry.deleted) throw new NotFoundError('no such pipeline entry');
  const pipeline = await store.db.pipelines.get(entry.pipelineId);
  if (!pipeline?.stages.some((s) => s.id === stageId)) throw new NotFoundError(`no stage ${stageId} in this pipeline`);
  if (entry.stageId === stageId) return entryId;
  const by = await currentUser(store.db);
  await applyLocalChange(store.db, store.clock, 'entry', entryId, {
    stageId,
    history: [...entry.history, { stageId, at: store.now(), by }],
  });
  return entryId;
}

/** An edit is a new note that names the one it replaces; the old text stays in the history. */
export async function editNote(store: Store, noteId: string, body: string): Promise<string> {
  const note = await store.db.notes.get(noteId);
  if (!note || note.deleted) throw new NotFoundError('no such note');
  const subject = note.personId ? { personId: note.personId } : { companyId: note.companyId! };
  const id = ulid();
  await applyLocalChange(store.db, store.clock, 'note', id, {
    ...subject,
    body,
    visibility: note.visibility,
    revisionOf: noteId,
    authorId: await currentUser(store.db),
    createdAt: store.now(),
    deleted: false,
  });
  return id;
}

export async function setStatus(store: Store, personId: string, status: PersonStatus): Promise<void> {
  await requireSubject(store, { personId });
  await applyLocalChange(store.db, store.clock, 'person', personId, { status });
}

/** Tags are kept trimmed, unique (case-insensitively) and in the order given. */
export async function setTags(store: Store, personId: string, tags: string[]): Promise<void> {
  await requireSubject(store, { personId });
  const seen = new Set<string>();
  const clean = tags.map((t) => t.trim()).filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  await applyLocalChange(store.db, store.clock, 'person', personId, { tags: clean });
}

async function requireSubject(store: Store, subject: Subject): Promise<void> {
  const found =
    'personId' in subject ? await store.db.people.get(subject.personId) : await store.db.companies.get(subject.companyId);
  if (!found || found.deleted) throw new NotFoundError('save the profile first: it is not in the talent bank');
}
