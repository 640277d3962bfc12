import { ulid } from 'ulidx';
import { describe, expect, it } from 'vitest';
import { savePerson, setStage } from '@/utils/db/actions';
import { getDb } from '@/utils/db/database';
import { openStore, type Store } from '@/utils/db/store';
import { talentRows } from '@/utils/export/talent-bank';
import { readFirstPageNatively, startEarlyFirstPage, takeEarlyFirstPage } from '@/components/popup/first-page-early';
import { takeFirstPage, startFirstPage, readyFirstPage } from '@/components/popup/first-page';
import { freshStore, RECRUITING, REFERRAL, seedPeople } from '../pipelines/store-fixture';

/** What the Dexie read of the first page (first-page.ts before the early script) returns. */
async function readWithDexie(store: Store, limit: number) {
  const db = store.db;
  const people = await db.people.orderBy('updatedAt').reverse().limit(limit).toArray();
  const entries = (await Promise.all(people.map((p) => db.entries.where('personId').equals(p.id).toArray()))).flat();
  return { people, entries, pipelines: await db.pipelines.toArray() };
}

/** People saved one by one (distinct `updatedAt`), every other one in a pipeline, a few in two. */
async function savedPeople(store: Store, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = await savePerson(store, { kind: 'person', key: `linkedin:in/p${i}`, url: `https://www.linkedin.com/in/p${i}/` }, { name: `Person ${i}` });
    if (i % 2) await setStage(store, { personId: id }, RECRUITING, 'sourced');
    if (i % 5 === 0) await setStage(store, { personId: id }, REFERRAL, 'applied');
    ids.push(id);
  }
  return ids;
}

describe('the first page read before the modules load (popup.html’s early script)', () => {
  it('reads the same newest people, entries and pipelines as the Dexie read', async () => {
    const store = await freshStore();
    await savedPeople(store, 25);
    const early = await readFirstPageNatively(indexedDB, 10, store.db.name);
    const dexie = await readWithDexie(store, 10);
    expect(early!.people.map((p) => p.id)).toEqual(dexie.people.map((p) => p.id));
    expect(early).toEqual(dexie);
    expect(early!.entries.length).toBeGreaterThan(0);
  });

  it('orders people with the same updatedAt as Dexie’s reverse does, and stops at the limit', async () => {
    const store = await freshStore();
    await seedPeople(store, 30); // one clock for all: every updatedAt ties
    await savedPeople(store, 3);
    const early = await readFirstPageNatively(indexedDB, 12, store.db.name);
    expect(early!.people).toHaveLength(12);
    expect(early!.people.map((p) => p.id)).toEqual((await readWithDexie(store, 12)).people.map((p) => p.id));
  });

  it('reads the same without getAll’s direction option (a key cursor finds the limit-th newest)', async () => {
    const store = await freshStore();
    await seedPeople(store, 8); // ties at the oldest updatedAt read
    await savedPeople(store, 9);
    const proto = Object.getPrototypeOf(store.db.backendDB().transaction('people').objectStore('people').index('updatedAt')) as object;
    const getAllRecords = Object.getOwnPropertyDescriptor(proto, 'getAllRecords')!;
    delete (proto as { getAllRecords?: unknown }).getAllRecords;
    try {
      for (const limit of [1, 12, 40]) expect(await readFirstPageNatively(indexedDB, limit, store.db.name)).toEqual(await readWithDexie(store, limit));
    } finally {
      Object.defineProperty(proto, 'getAllRecords', getAllRecords);
    }
  });

  it('reads everyone when there are fewer people than the limit', async () => {
    const store = await freshStore();
    await savedPeople(store, 4);
    const early = await readFirstPageNatively(indexedDB, 60, store.db.name);
    expect(early).toEqual(await readWithDexie(store, 60));
    expect(early!.people).toHaveLength(4);
  });

  it('creates no database when there is none (Dexie creates it, with its schema)', async () => {
    const name = `absent-${ulid()}`;
    expect(await readFirstPageNatively(indexedDB, 60, name)).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('gives up on a database without the expected stores (the app then reads through Dexie)', async () => {
    const name = `other-${ulid()}`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('people', { keyPath: 'id' });
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    expect(await readFirstPageNatively(indexedDB, 60, name)).toBeUndefined();
  });

  it('is what the popup shows first, ready for its first render, then handed over once', async () => {
    const db = getDb();
    await db.delete();
    await db.open();
    const store = await openStore(db, Date.now, 'background');
    await savedPeople(store, 5);
    startEarlyFirstPage(indexedDB);
    startFirstPage();
    await new Promise((r) => setTimeout(r, 50));
    const live = (await db.pipelines.toArray()).filter((p) => !p.deleted && !p.archived);
    const expected = talentRows(await db.people.orderBy('updatedAt').reverse().toArray(), await db.entries.toArray(), live);
    const ready = readyFirstPage();
    expect(ready?.rows).toEqual(expected);
    expect(await takeFirstPage()).toBe(ready);
    expect(takeEarlyFirstPage()).toBeUndefined();
    expect(readyFirstPage()).toBeUndefined();
  });
});
