import Dexie from 'dexie';
import { ulid } from 'ulidx';
import { afterEach, describe, expect, it } from 'vitest';
import { ScoutbookDb } from '@/utils/db/database';
import { formatHlc } from '@/utils/sync/hlc';
import { nextPushBatch, pendingMutations, queuedMutations, queueMutations } from '@/utils/sync/outbox';
import { MAX_PUSH_BATCH } from '@/utils/sync/protocol';

/** The v1 schema exactly as it shipped: a database created by that release. */
const V1_STORES = {
  people: 'id, *profileKeys, name, companyKey, updatedAt',
  companies: 'id, *profileKeys, name',
  notes: 'id, [personId+createdAt], [companyId+createdAt]',
  pipelines: 'id',
  entries: 'id, personId, companyId, [pipelineId+stageId]',
  intel: 'id, companyKey, companyNameLower',
  outbox: '++seq',
  meta: 'key',
};

const withoutSeq = ({ seq: _seq, ...mutation }: { seq: number }) => mutation;
const clock = formatHlc({ ms: 1_763_700_000_000, counter: 0, node: 'v1' });
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A v1 database with one row of every table, entries with and without a next action. */
async function v1DatabaseWithData(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  const personId = ulid();
  const rows = {
    people: [{ id: personId, name: '张伟', profileKeys: ['linkedin:in/zhang-wei'], tags: ['java'], status: 'active', createdAt: 1, updatedAt: clock, deleted: false, clocks: { name: clock } }],
    companies: [{ id: ulid(), name: 'Acme', profileKeys: ['linkedin:company/acme'], createdAt: 1, updatedAt: clock, deleted: false, clocks: {} }],
    notes: [{ id: ulid(), personId, body: 'met at QCon', visibility: 'team', createdAt: 2, updatedAt: clock, deleted: false, clocks: {} }],
    pipelines: [{ id: ulid(), name: 'Backend', kind: 'recruiting', stages: [{ id: 'sourced', name: 'Sourced' }], archived: false, createdAt: 1, updatedAt: clock, deleted: false, clocks: {} }],
    entries: [
      { id: ulid(), personId, pipelineId: 'P', stageId: 'sourced', history: [{ stageId: 'sourced', at: 5 }], nextActionAt: 1_800_000_000_000, createdAt: 5, updatedAt: clock, deleted: false, clocks: {} },
      { id: ulid(), personId, pipelineId: 'P', stageId: 'sourced', history: [], createdAt: 6, updatedAt: clock, deleted: false, clocks: {} },
    ],
    intel: [{ id: 'i1', companyName: 'Acme', companyNameLower: 'acme', type: 'funding', title: 'Series B', url: 'https://example.com/a', publishedAt: '2026-01-01T00:00:00Z', fetchedAt: 3 }],
    outbox: [{ mutationId: ulid(), entity: 'person', id: personId, hlc: clock, fields: { name: '张伟' } }],
    meta: [{ key: 'clientId', value: 'abc' }, { key: 'settings', value: { serverUrl: '', token: '', userName: 'Li Wei' } }],
  };
  await v1.open();
  for (const [table, list] of Object.entries(rows)) await v1.table(table).bulkAdd(list);
  const snapshot: Record<string, unknown[]> = {};
  for (const table of Object.keys(rows)) snapshot[table] = await v1.table(table).toArray();
  v1.close();
  return { snapshot, entries: rows.entries };
}

describe('database upgrades', () => {
  it('v1 → latest keeps every row of every table and indexes next actions', async () => {
    const name = `migrate-${ulid()}`;
    const { snapshot, entries } = await v1DatabaseWithData(name);

    const db = new ScoutbookDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(3);
    const { outbox, ...tables } = snapshot;
    for (const [table, before] of Object.entries(tables)) expect(await db.table(table).toArray(), table).toEqual(before);
    // v3 regrouped the outbox: the same mutations, in the same order.
    expect(await queuedMutations(db)).toEqual(outbox!.map((row) => withoutSeq(row as { seq: number })));

    // The new index answers at once for rows written before it existed.
    const due = await db.entries.where('nextActionAt').below(1_900_000_000_000).toArray();
    expect(due.map((e) => e.id)).toEqual([entries[0]!.id]);
    // The new table is there and empty.
    expect(await db.pitches.count()).toBe(0);
    await db.pitches.add({ id: 'p1', pipelineId: 'P', name: 'Hi', body: 'Hi {{firstName}}', createdAt: 1, updatedAt: 1 });
    expect(await db.pitches.where('pipelineId').equals('P').count()).toBe(1);
  });

  it('a fresh database opens at the latest version', async () => {
    const db = new ScoutbookDb(`fresh-${ulid()}`);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['companies', 'entries', 'intel', 'meta', 'notes', 'outbox', 'people', 'pipelines', 'pitches']);
  });

  it('v2 → v3 groups the outbox into rows of at most one push, in order, and later rows number above them', async () => {
    const name = `migrate-outbox-${ulid()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores({ entries: 'id, personId, companyId, [pipelineId+stageId], nextActionAt', pitches: 'id, pipelineId' });
    await v2.open();
    const legacy = Array.from({ length: 450 }, (_, i) => ({ mutationId: ulid(), entity: 'person', id: `P${i}`, hlc: clock, fields: { headline: `h${i}` } }));
    await v2.table('outbox').bulkAdd(legacy);
    await v2.table('outbox').delete(3); // a gap, as pushes leave
    const expected = legacy.filter((_, i) => i !== 2);
    v2.close();

    const db = new ScoutbookDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(3);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.size)).toEqual([MAX_PUSH_BATCH, MAX_PUSH_BATCH, expected.length - 2 * MAX_PUSH_BATCH]);
    expect(rows.every((r) => r.size === r.mutations.length)).toBe(true);
    expect(await queuedMutations(db)).toEqual(expected);
    expect(await pendingMutations(db)).toBe(449);
    expect((await nextPushBatch(db)).mutations).toEqual(expected.slice(0, MAX_PUSH_BATCH));

    await queueMutations(db, [{ mutationId: ulid(), entity: 'person', id: 'NEW', hlc: clock, fields: { name: 'new' } }]);
    expect((await queuedMutations(db)).at(-1)!.id).toBe('NEW');
  });
});
