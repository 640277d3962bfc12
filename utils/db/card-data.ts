import Dexie from 'dexie';
import type { CardData, EntryView, Warning } from '../messaging/protocol';
import type { CompanyProfile, PageTarget, PersonProfile } from '../sites/types';
import type { StoredEntry, StoredNote } from './database';
import { findCompanyByKey, findPersonByKey } from './actions';
import { currentUser } from './settings';
import type { Store } from './store';

/** Card data only reads: extension pages (the side panel) can call it with their own database. */
type Reader = Pick<Store, 'db'>;

const MAX_NOTES = 50;
const MAX_INTEL = 20;

/** Drop the per-field clocks: they are sync bookkeeping, not something a card shows. */
function plain<T extends { clocks: unknown }>(row: T): Omit<T, 'clocks'> {
  const { clocks: _c, ...rest } = row;
  return rest;
}

async function notesOf(store: Reader, index: 'personId' | 'companyId', id: string): Promise<StoredNote[]> {
  const rows = await store.db.notes
    .where(`[${index}+createdAt]`)
    .between([id, Dexie.minKey], [id, Dexie.maxKey])
    .reverse()
    .limit(MAX_NOTES)
    .toArray();
  // An edited note is replaced by its newest revision.
  const replaced = new Set(rows.map((n) => n.revisionOf).filter(Boolean));
  return rows.filter((n) => !n.deleted && !replaced.has(n.id));
}

async function entryViews(store: Reader, entries: StoredEntry[]): Promise<EntryView[]> {
  const live = entries.filter((e) => !e.deleted);
  const pipelines = await store.db.pipelines.bulkGet(live.map((e) => e.pipelineId));
  return live.map((entry, i) => {
    const p = pipelines[i];
    return {
      entry: plain(entry),
      pipelineName: p?.name ?? 'Unknown pipeline',
      stageName: p?.stages.find((s) => s.id === entry.stageId)?.name ?? entry.stageId,
    };
  });
}

async function intelFor(store: Reader, companyKey: string | undefined, companyName: string | undefined) {
  const byKey = companyKey ? await store.db.intel.where('companyKey').equals(companyKey).toArray() : [];
  const byName = companyName
    ? await store.db.intel.where('companyNameLower').equals(companyName.toLowerCase()).toArray()
    : [];
  const seen = new Set<string>();
  return [...byKey, ...byName]
    .filter((i) => !seen.has(i.id) && seen.add(i.id))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, MAX_INTEL)
    .map(({ companyNameLower: _l, fetchedAt: _f, ...item }) => item);
}

/** Saved people with the same name but another profile: 同名不同人. */
async function homonymWarnings(store: Reader, name: string | undefined, selfId: string | undefined): Promise<Warning[]> {
  if (!name) return [];
  const same = (await store.db.people.where('name').equals(name).toArray()).filter((p) => !p.deleted && p.id !== selfId);
  return same.map((p) => ({ kind: 'homonym', name: p.name, headline: p.headline, profileUrl: p.profileUrl }));
}

/** Entries owned by someone else: a teammate is already working this person or account. */
function ownerWarnings(entries: EntryView[], me: string | undefined): Warning[] {
  return entries
    .filter((e) => e.entry.ownerId && e.entry.ownerId !== me)
    .map((e) => ({ kind: 'owned', owner: e.entry.ownerId!, pipelineName: e.pipelineName, stageName: e.stageName }));
}

/**
 * What the in-page card shows for a page: answered from the local database only, never the network,
 * in one read transaction (a card paint opens one IndexedDB transaction, not eight).
 */
export function cardData(
  store: Reader,
  target: PageTarget,
  extracted: { person?: PersonProfile; company?: CompanyProfile },
): Promise<CardData> {
  const { db } = store;
  return db.transaction('r', [db.people, db.companies, db.notes, db.entries, db.pipelines, db.intel, db.meta], () =>
    readCardData(store, target, extracted),
  );
}

async function readCardData(
  store: Reader,
  target: PageTarget,
  extracted: { person?: PersonProfile; company?: CompanyProfile },
): Promise<CardData> {
  const pipelines = (await store.db.pipelines.toArray())
    .filter((p) => !p.deleted && !p.archived && (target.kind === 'company') === (p.kind === 'sales'))
    .map(plain);
  if (target.kind === 'person') {
    const person = await findPersonByKey(store, target.key, extracted.person?.altKeys);
    const name = person?.name ?? extracted.person?.name;
    const [notes, entries, intel, homonyms, me] = await Promise.all([
      person ? notesOf(store, 'personId', person.id) : [],
      person ? store.db.entries.where('personId').equals(person.id).toArray() : [],
      intelFor(store, person?.companyKey ?? extracted.person?.companyKey, person?.companyName ?? extracted.person?.companyName),
      homonymWarnings(store, name, person?.id),
      currentUser(store.db),
    ]);
    const views = await entryViews(store, entries);
    return {
      target,
      person: person ? plain(person) : null,
      company: null,
      notes: notes.map((n) => plain(n)),
      entries: views,
      pipelines,
      intel,
      warnings: [...ownerWarnings(views, me), ...homonyms],
      me,
    };
  }
  const company = await findCompanyByKey(store, target.key, extracted.company?.altKeys);
  const [notes, entries, intel] = await Promise.all([
    company ? notesOf(store, 'companyId', company.id) : [],
    company ? store.db.entries.where('companyId').equals(company.id).toArray() : [],
    intelFor(store, target.key, company?.name ?? extracted.company?.name),
  ]);
  return {
    target,
    person: null,
    company: company ? plain(company) : null,
    notes: notes.map((n) => plain(n)),
    entries: await entryViews(store, entries),
    pipelines,
    intel,
    warnings: [],
  };
}
