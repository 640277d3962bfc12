import Dexie from 'dexie';
import type { CardData, EntryView, Warning } from '../messaging/protocol';
import type { CompanyProfile, PageTarget, PersonProfile } from '../sites/types';
import type { StoredEntry, StoredNote, StoredPerson, StoredPipeline } from './database';
import { findCompanyByKey, findPersonByKey } from './actions';
import { whoAmI } from './settings';
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

/** Entries with their pipeline's and stage's names, from the pipelines already read (no second read). */
function entryViews(entries: StoredEntry[], pipelines: ReadonlyMap<string, StoredPipeline>): EntryView[] {
  return entries
    .filter((e) => !e.deleted)
    .map((entry) => {
      const p = pipelines.get(entry.pipelineId);
      return {
        entry: plain(entry),
        pipelineName: p?.name ?? 'Unknown pipeline',
        stageName: p?.stages.find((s) => s.id === entry.stageId)?.name ?? entry.stageId,
      };
    });
}

async function intelFor(store: Reader, companyKey: string | undefined, companyName: string | undefined) {
  const [byKey, byName] = await Promise.all([
    companyKey ? store.db.intel.where('companyKey').equals(companyKey).toArray() : [],
    companyName ? store.db.intel.where('companyNameLower').equals(companyName.toLowerCase()).toArray() : [],
  ]);
  const seen = new Set<string>();
  return [...byKey, ...byName]
    .filter((i) => !seen.has(i.id) && seen.add(i.id))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, MAX_INTEL)
    .map(({ companyNameLower: _l, fetchedAt: _f, ...item }) => item);
}

/** Everyone saved under this name (the record itself included: its id may not be known yet). */
function namesakes(store: Reader, name: string | undefined): Promise<StoredPerson[]> {
  return name ? store.db.people.where('name').equals(name).toArray() : Promise.resolve([]);
}

/**
 * Saved people with the same name but another profile: 同名不同人. A record under this page's
 * profile key is the same person saved twice (teammates, before they synced), not a namesake.
 */
function homonymWarnings(same: StoredPerson[], selfId: string | undefined, pageKey: string): Warning[] {
  return same
    .filter((p) => !p.deleted && p.id !== selfId && !p.profileKeys.includes(pageKey))
    .map((p) => ({ kind: 'homonym', name: p.name, headline: p.headline, profileUrl: p.profileUrl }));
}

/** Entries owned by someone else: a teammate is already working this person or account. */
function ownerWarnings(entries: EntryView[], mine: ReadonlySet<string>): Warning[] {
  return entries
    .filter((e) => e.entry.ownerId && !mine.has(e.entry.ownerId.toLowerCase()))
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
  // Answered as soon as everything is read: a read-only transaction's commit changes nothing, and
  // waiting for its 'complete' event would cost the card one more trip to the database.
  return new Promise((resolve, reject) => {
    db.transaction('r', [db.people, db.companies, db.notes, db.entries, db.pipelines, db.intel, db.meta], async () => {
      const data = await readCardData(store, target, extracted);
      // Resolved outside the transaction's zone: otherwise the caller's next steps would still run
      // inside this read-only transaction and could not write.
      Dexie.ignoreTransaction(() => resolve(data));
      return data;
    }).catch(reject);
  });
}

/** Every pipeline by id (for the entries' names), and those this kind of page can add to. */
async function readPipelines(store: Reader, kind: PageTarget['kind']) {
  const all = await store.db.pipelines.toArray();
  const byId = new Map(all.map((p) => [p.id, p]));
  const offered = all.filter((p) => !p.deleted && !p.archived && (kind === 'company') === (p.kind === 'sales')).map(plain);
  return { byId, offered };
}

/**
 * Each round of reads waits for IndexedDB (a trip to the browser's database process, slow under
 * load): what does not depend on the stored record is read in the first round, with the page's
 * name and company, and read again only when the stored record says otherwise.
 */
async function readCardData(
  store: Reader,
  target: PageTarget,
  extracted: { person?: PersonProfile; company?: CompanyProfile },
): Promise<CardData> {
  if (target.kind === 'person') {
    const page = extracted.person;
    const [pipelines, person, pageNamesakes, pageIntel, { me, ids: myIds }] = await Promise.all([
      readPipelines(store, 'person'),
      findPersonByKey(store, target.key, page?.altKeys),
      namesakes(store, page?.name),
      intelFor(store, page?.companyKey, page?.companyName),
      whoAmI(store.db),
    ]);
    const name = person?.name ?? page?.name;
    const companyKey = person?.companyKey ?? page?.companyKey;
    const companyName = person?.companyName ?? page?.companyName;
    const [notes, entries, same, intel] = await Promise.all([
      person ? notesOf(store, 'personId', person.id) : [],
      person ? store.db.entries.where('personId').equals(person.id).toArray() : [],
      name === page?.name ? pageNamesakes : namesakes(store, name),
      companyKey === page?.companyKey && companyName === page?.companyName
        ? pageIntel
        : intelFor(store, companyKey, companyName),
    ]);
    const views = entryViews(entries, pipelines.byId);
    return {
      target,
      person: person ? plain(person) : null,
      company: null,
      notes: notes.map((n) => plain(n)),
      entries: views,
      pipelines: pipelines.offered,
      intel,
      warnings: [...ownerWarnings(views, myIds), ...homonymWarnings(same, person?.id, target.key)],
      me,
    };
  }
  const page = extracted.company;
  const [pipelines, company, pageIntel] = await Promise.all([
    readPipelines(store, 'company'),
    findCompanyByKey(store, target.key, page?.altKeys),
    intelFor(store, target.key, page?.name),
  ]);
  const [notes, entries, intel] = await Promise.all([
    company ? notesOf(store, 'companyId', company.id) : [],
    company ? store.db.entries.where('companyId').equals(company.id).toArray() : [],
    (company?.name ?? page?.name) === page?.name ? pageIntel : intelFor(store, target.key, company?.name),
  ]);
  return {
    target,
    person: null,
    company: company ? plain(company) : null,
    notes: notes.map((n) => plain(n)),
    entries: entryViews(entries, pipelines.byId),
    pipelines: pipelines.offered,
    intel,
    warnings: [],
  };
}
