import { RangeSet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { moveEntry, savePerson, setStage, setStatus } from '@/utils/db/actions';
import { applyLocalChange } from '@/utils/db/local-change';
import type { Store } from '@/utils/db/store';
import { talentRows } from '@/utils/export/talent-bank';
import { BankMirror } from '@/components/popup/bank-mirror';
import { changedKeys } from '@/components/popup/changed-keys';
import { nextMutation } from '../../support/storage-mutation';
import { freshStore, RECRUITING, SALES } from '../pipelines/store-fixture';


/** Runs `write` and applies the mutation it caused to `mirror`. */
async function applied(mirror: BankMirror, write: () => Promise<unknown>): Promise<boolean> {
  const heard = nextMutation();
  await write();
  return mirror.apply(await heard);
}

async function bank(count: number): Promise<{ store: Store; ids: string[] }> {
  const store = await freshStore();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = await savePerson(store, { kind: 'person', key: `linkedin:in/p${i}`, url: `https://www.linkedin.com/in/p${i}/` }, { name: `Person ${i}` });
    await setStage(store, { personId: id }, RECRUITING, 'sourced');
    ids.push(id);
  }
  return { store, ids };
}

/** What a full re-read builds, minus the field clocks the mirror does not hold: the mirror must always agree with it. */
async function fromScratch(store: Store) {
  const db = store.db;
  const [people, entries, pipelines] = await Promise.all([db.people.orderBy('updatedAt').reverse().toArray(), db.entries.toArray(), db.pipelines.toArray()]);
  const bare = <T extends { clocks: unknown }>({ clocks: _clocks, ...rest }: T) => rest;
  return talentRows(people.map(bare), entries.map(bare), pipelines.filter((p) => !p.deleted && !p.archived));
}

describe('BankMirror', () => {
  it('loads the bank as a full read builds it', async () => {
    const { store } = await bank(5);
    const mirror = new BankMirror(store.db);
    await mirror.loadAll();
    expect(mirror.snapshot().rows).toEqual(await fromScratch(store));
    expect(mirror.snapshot().rows).toHaveLength(5);
  });

  it('holds people without their field clocks, before and after a change (the popup’s heap at 100,000 people)', async () => {
    const { store, ids } = await bank(3);
    const mirror = new BankMirror(store.db);
    await mirror.loadAll();
    expect(mirror.snapshot().rows.some((r) => 'clocks' in r.person)).toBe(false);
    await applied(mirror, () => setStatus(store, ids[1]!, 'placed'));
    const changed = mirror.snapshot().rows.find((r) => r.person.id === ids[1])!;
    expect(changed.person.status).toBe('placed');
    expect('clocks' in changed.person).toBe(false);
  });

  it('a stage move rebuilds only the moved person’s row', async () => {
    const { store, ids } = await bank(4);
    const mirror = new BankMirror(store.db);
    await mirror.loadAll();
    const before = mirror.snapshot().rows;
    const entry = (await store.db.entries.where('personId').equals(ids[2]!).first())!;

    expect(await applied(mirror, () => moveEntry(store, entry.id, 'interview'))).toBe(true);

    const after = mirror.snapshot().rows;
    expect(after).not.toBe(before);
    expect(after).toEqual(await fromScratch(store));
    const moved = after.find((r) => r.person.id === ids[2])!;
    expect(moved.stages[0]!.stageId).toBe('interview');
    // Every other row is the very same object: nothing downstream re-derives it.
    for (const row of after) if (row.person.id !== ids[2]) expect(before).toContain(row);
  });

  it('a new entry and a person’s change re-order and rebuild their rows', async () => {
    const { store, ids } = await bank(4);
    const mirror = new BankMirror(store.db);
    await mirror.loadAll();
    await applied(mirror, () => setStage(store, { personId: ids[0]! }, SALES, 'target'));
    expect(mirror.snapshot().rows).toEqual(await fromScratch(store));

    // The oldest person changes: now the newest, first in the list.
    await applied(mirror, () => setStatus(store, ids[0]!, 'placed'));
    const rows = mirror.snapshot().rows;
    expect(rows).toEqual(await fromScratch(store));
    expect(rows[0]!.person).toMatchObject({ id: ids[0], status: 'placed' });
  });

  it('a deleted person leaves the list; a deleted entry leaves its row', async () => {
    const { store, ids } = await bank(3);
    const mirror = new BankMirror(store.db);
    await mirror.loadAll();
    const entry = (await store.db.entries.where('personId').equals(ids[1]!).first())!;
    await applied(mirror, () => applyLocalChange(store.db, store.clock, 'entry', entry.id, { deleted: true }));
    expect(mirror.snapshot().rows.find((r) => r.person.id === ids[1])!.stages).toEqual([]);
    await applied(mirror, () => applyLocalChange(store.db, store.clock, 'person', ids[2]!, { deleted: true }));
    expect(mirror.snapshot().rows.map((r) => r.person.id)).not.toContain(ids[2]);
    expect(mirror.snapshot().rows).toEqual(await fromScratch(store));
  });

  it('a change that names no rows (a clear) reads the table back whole', async () => {
    const { store } = await bank(3);
    const mirror = new BankMirror(store.db);
    await mirror.loadAll();
    await applied(mirror, () => store.db.entries.clear());
    expect(mirror.snapshot().rows.every((r) => r.stages.length === 0)).toBe(true);
    expect(mirror.snapshot().rows).toEqual(await fromScratch(store));
  });

  it('ignores changes to other tables', async () => {
    const { store } = await bank(2);
    const mirror = new BankMirror(store.db);
    await mirror.loadAll();
    const before = mirror.snapshot().rows;
    expect(await applied(mirror, () => store.db.meta.put({ key: 'x', value: 1 }))).toBe(false);
    expect(mirror.snapshot().rows).toBe(before);
  });
});

describe('changedKeys', () => {
  const part = (table: string, index = '') => `idb://db/${table}/${index}`;
  it('lists single keys, and says "everything" for a range or an unnamed change', () => {
    const keys = new RangeSet().addKeys(['a', 'b']);
    expect(changedKeys({ [part('entries')]: keys }, 'db', 'entries')).toEqual({ keys: ['a', 'b'] });
    expect(changedKeys({ [part('entries')]: keys }, 'db', 'people')).toBeUndefined();
    expect(changedKeys({ [part('entries')]: new RangeSet('a', 'z') }, 'db', 'entries')).toBe('everything');
    expect(changedKeys({ [part('entries', 'personId')]: new RangeSet().addKeys(['p']) }, 'db', 'entries')).toBe('everything');
    expect(changedKeys({ all: new RangeSet(-Infinity, [[]]) }, 'db', 'entries')).toBe('everything');
  });
});
