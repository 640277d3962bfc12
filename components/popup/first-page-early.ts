import type { StoredEntry, StoredPerson, StoredPipeline } from '@/utils/db/database';

/**
 * The first page's records, read with the native IndexedDB API by a classic script that popup.html
 * runs while it is still being parsed (entrypoints/popup-first-page.ts). The app's modules (React,
 * Dexie, zod: half a megabyte) load and evaluate in the meantime, so opening the database and the
 * reads no longer wait for them (see README, popup.first_paint). Type-only imports: this file must
 * pull nothing into that small script.
 */

/** How many people the first paint shows while the rest loads: more than fit the popup. */
export const FIRST_PAGE_SIZE = 60;

/** The database's name (utils/db/database.ts DB_NAME, not imported: that module brings Dexie). */
const DB_NAME = 'scoutbook';

export interface EarlyFirstPage {
  people: StoredPerson[];
  entries: StoredEntry[];
  pipelines: StoredPipeline[];
}

/** Left on the page by the early script for the app. */
interface Handoff {
  read: Promise<EarlyFirstPage | undefined>;
}

const HANDOFF_KEY = '__scoutbookEarlyFirstPage';
type HandoffHolder = Record<typeof HANDOFF_KEY, Handoff | undefined>;

/** Starts the early read and leaves it on `holder` (the popup's window) for takeEarlyFirstPage. */
export function startEarlyFirstPage(idb: IDBFactory, holder: object = globalThis): void {
  (holder as HandoffHolder)[HANDOFF_KEY] = { read: readFirstPageNatively(idb, FIRST_PAGE_SIZE) };
}

/** The early read, once: later reads of the first page go to the database again (the bank moves on). */
export function takeEarlyFirstPage(holder: object = globalThis): Handoff | undefined {
  const handoff = (holder as HandoffHolder)[HANDOFF_KEY];
  (holder as HandoffHolder)[HANDOFF_KEY] = undefined;
  return handoff;
}

/**
 * The `limit` most recently updated people (as Dexie's `orderBy('updatedAt').reverse().limit()`),
 * their pipeline entries and all pipelines, in one read-only transaction. Undefined when the
 * database does not exist yet (it is not created here: that is Dexie's job, with its schema) or
 * cannot be read as expected (e.g. an older schema before Dexie upgrades it): the app then reads
 * through Dexie as before.
 */
export function readFirstPageNatively(idb: IDBFactory, limit: number, name = DB_NAME): Promise<EarlyFirstPage | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    // Fired only when there is no database: abort, so that none is created without its stores.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Never hold up Dexie opening a newer version.
      db.onversionchange = () => db.close();
      try {
        readInOneTransaction(db, limit, (page) => {
          db.close();
          resolve(page);
        });
      } catch {
        db.close();
        resolve(undefined);
      }
    };
  });
}

function readInOneTransaction(db: IDBDatabase, limit: number, done: (page: EarlyFirstPage | undefined) => void): void {
  const tx = db.transaction(['people', 'entries', 'pipelines'], 'readonly');
  const page: EarlyFirstPage = { people: [], entries: [], pipelines: [] };
  const pipelines = tx.objectStore('pipelines').getAll();
  pipelines.onsuccess = () => (page.pipelines = pipelines.result as StoredPipeline[]);
  const byUpdatedAt = tx.objectStore('people').index('updatedAt');
  const entriesByPerson = tx.objectStore('entries').index('personId');
  const withEntries = (people: StoredPerson[]) => {
    page.people = people;
    // All sent at once, in this transaction, answered in order.
    for (const person of people) {
      const entries = entriesByPerson.getAll(person.id);
      entries.onsuccess = () => page.entries.push(...(entries.result as StoredEntry[]));
    }
  };
  // Not a cursor over the people: each of its steps is a round trip to the browser process (60 of
  // them, each waiting behind the app's module evaluation on this thread).
  if ('getAllRecords' in byUpdatedAt) {
    // Browsers with getAllRecords also take a direction in getAll (Chromium 141+): one round trip.
    const people = byUpdatedAt.getAll({ direction: 'prev', count: limit } as unknown as IDBKeyRange);
    people.onsuccess = () => withEntries(people.result as StoredPerson[]);
  } else newestByKeyCursor(byUpdatedAt, limit, withEntries);
  tx.oncomplete = () => done(page);
  tx.onabort = () => done(undefined);
}

/**
 * Elsewhere a key cursor jumps to the limit-th newest `updatedAt` in two round trips, and one
 * getAll reads from there on.
 */
function newestByKeyCursor(byUpdatedAt: IDBIndex, limit: number, then: (people: StoredPerson[]) => void): void {
  const newest = byUpdatedAt.openKeyCursor(null, 'prev');
  let advanced = false;
  newest.onsuccess = () => {
    const cursor = newest.result;
    if (cursor && !advanced && limit > 1) {
      advanced = true;
      cursor.advance(limit - 1);
      return;
    }
    const people = byUpdatedAt.getAll(cursor ? IDBKeyRange.lowerBound(cursor.key) : undefined);
    // Ascending by (updatedAt, id): reversed, Dexie's `.reverse()` order; ties at the lowest
    // `updatedAt` may have brought a few more than the limit.
    people.onsuccess = () => then((people.result as StoredPerson[]).reverse().slice(0, limit));
  };
}
