import { describe, expect, it } from 'vitest';
import type { StoredPerson } from '@/utils/db/database';
import { talentRows } from '@/utils/export/talent-bank';
import type { PipelineEntry } from '@/utils/schema';
import { formatHlc } from '@/utils/sync/hlc';
import { BankMirror, readPeopleNewestFirst, talentRowsInSlices } from '@/components/popup/bank-mirror';
import { nextMutation } from '../../support/storage-mutation';
import { freshStore, RECRUITING, seedPeople, START } from '../pipelines/store-fixture';

const bare = <T extends { clocks: unknown }>({ clocks: _clocks, ...rest }: T) => rest;

/** People whose clocks repeat in runs (one write can stamp several people with one clock), so page ends fall inside runs. */
async function bankWithTies(count: number) {
  const store = await freshStore();
  await seedPeople(store, count);
  const people = await store.db.people.toArray();
  // Runs of 1 to 4 people sharing a clock.
  let run = 0;
  let left = 1;
  const stamped: StoredPerson[] = people.map((p) => {
    if (--left < 0) left = ++run % 4;
    return { ...p, updatedAt: formatHlc({ ms: START + run * 1000, counter: 0, node: 'test' }) };
  });
  await store.db.people.bulkPut(stamped);
  return store;
}

describe('the talent bank read in pages, newest change first', () => {
  it('reads every person once, in the order of one whole orderBy(updatedAt).reverse() read, whatever the page size', async () => {
    const store = await bankWithTies(41);
    const whole = (await store.db.people.orderBy('updatedAt').reverse().toArray()).map(bare);
    expect(new Set(whole.map((p) => p.updatedAt)).size).toBeLessThan(30);
    for (const pageSize of [1, 2, 3, 4, 5, 7, 40, 41, 100]) {
      expect((await readPeopleNewestFirst(store.db.people, pageSize)).map((p) => p.id)).toEqual(whole.map((p) => p.id));
    }
    expect(await readPeopleNewestFirst(store.db.people, 3)).toEqual(whole);
  });

  it('builds the rows in slices of at most the slice size, the same rows as one talentRows call', async () => {
    const store = await bankWithTies(23);
    const people = await readPeopleNewestFirst(store.db.people);
    const entries: PipelineEntry[] = people
      .filter((_, i) => i % 2 === 0)
      .map((p, i) => ({ id: `e${i}`, personId: p.id, pipelineId: RECRUITING, stageId: 'sourced', createdAt: START, updatedAt: p.updatedAt, history: [] }) as unknown as PipelineEntry);
    const entriesOf = new Map(entries.map((e) => [e.personId!, [e]]));
    const pipelines = (await store.db.pipelines.toArray()).map(bare);
    let pauses = 0;
    const rows = await talentRowsInSlices(people, entriesOf, pipelines, 5, async () => void pauses++);
    expect(rows).toEqual(talentRows(people, entries, pipelines));
    // 23 people in slices of 5: the event loop is free four times, between five slices.
    expect(pauses).toBe(4);
  });

  it('after a change naming no rows, the mirror re-reads everyone in pages and agrees with a full read', async () => {
    const store = await bankWithTies(30);
    const mirror = new BankMirror(store.db);
    await mirror.loadAll();
    const heard = nextMutation();
    await store.db.people.where('updatedAt').above('').modify((p) => void (p.headline = 'changed'));
    expect(await mirror.apply(await heard)).toBe(true);
    const whole = (await store.db.people.orderBy('updatedAt').reverse().toArray()).map(bare);
    const pipelines = (await store.db.pipelines.toArray()).filter((p) => !p.deleted && !p.archived);
    expect(mirror.snapshot().rows).toEqual(talentRows(whole, [], pipelines));
    expect(mirror.snapshot().rows.every((r) => r.person.headline === 'changed')).toBe(true);
  });
});
