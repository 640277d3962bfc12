import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ulid } from 'ulidx';
import { ScoutbookDb } from '@/utils/db/database';
import { applyLocalChange, applyLocalChanges, InvalidRecordError, type LocalChange } from '@/utils/db/local-change';
import { HybridClock } from '@/utils/sync/hlc';
import { pendingMutations, queuedMutations } from '@/utils/sync/outbox';

const PEOPLE = Array.from({ length: 4 }, () => ulid());
const PIPELINE = ulid();
const NOTES = [ulid(), ulid()];

function newPerson(id: string, i: number): LocalChange {
  return {
    entity: 'person',
    id,
    fields: { name: `P ${i}`, profileKeys: [`linkedin:in/p-${i}`], profileUrl: `https://www.linkedin.com/in/p-${i}/`, status: 'active', tags: [], createdAt: 1, deleted: false },
  };
}

const edit: fc.Arbitrary<LocalChange> = fc.oneof(
  fc.record({ entity: fc.constant('person' as const), id: fc.constantFrom(...PEOPLE), fields: fc.record({ status: fc.constantFrom('active', 'passive', 'placed') }) }),
  fc.record({ entity: fc.constant('person' as const), id: fc.constantFrom(...PEOPLE), fields: fc.record({ tags: fc.array(fc.constantFrom('java', 'go'), { maxLength: 2 }) }) }),
  fc.record({ entity: fc.constant('person' as const), id: fc.constantFrom(...PEOPLE), fields: fc.record({ headline: fc.option(fc.constantFrom('CTO', 'Engineer'), { nil: null }) }) }),
  fc.record({ entity: fc.constant('pipeline' as const), id: fc.constant(PIPELINE), fields: fc.record({ name: fc.constantFrom('A', 'B'), archived: fc.boolean() }) }),
  fc.record({ entity: fc.constant('note' as const), id: fc.constantFrom(...NOTES), fields: fc.record({ personId: fc.constant(PEOPLE[0]!), body: fc.constantFrom('hi', 'there'), visibility: fc.constantFrom('team', 'private'), createdAt: fc.constant(1), deleted: fc.constant(false) }) }),
);

async function snapshot(db: ScoutbookDb) {
  const outbox = (await queuedMutations(db)).map(({ mutationId: _m, ...rest }) => rest);
  return {
    people: await db.people.toArray(),
    pipelines: await db.pipelines.toArray(),
    notes: await db.notes.toArray(),
    outbox,
    hlc: (await db.meta.get('hlc'))?.value,
  };
}

function pair() {
  const make = () => {
    let t = 1_763_700_000_000;
    return { db: new ScoutbookDb(`test-${ulid()}`), clock: new HybridClock('node1', () => (t += 7)) };
  };
  return [make(), make()] as const;
}

const setup: LocalChange[] = [
  ...PEOPLE.map((id, i) => newPerson(id, i)),
  { entity: 'pipeline', id: PIPELINE, fields: { name: 'P', kind: 'sales', stages: [{ id: 'a', name: 'A' }], archived: false, createdAt: 1, deleted: false } },
];

describe('applyLocalChanges', () => {
  it('stores and queues exactly what applyLocalChange does, one change at a time (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 25 }), async (edits) => {
        const [one, many] = pair();
        const changes = [...setup, ...edits];
        for (const c of changes) await applyLocalChange(one.db, one.clock, c.entity, c.id, c.fields);
        await applyLocalChanges(many.db, many.clock, changes);
        expect(await snapshot(many.db)).toEqual(await snapshot(one.db));
        expect(many.clock.current()).toBe(one.clock.current());
      }),
      { numRuns: 40 },
    );
  });

  it('writes nothing when one change is invalid', async () => {
    const [{ db, clock }] = pair();
    await expect(applyLocalChanges(db, clock, [...setup, { entity: 'person', id: PEOPLE[1]!, fields: { status: 'bogus' } }])).rejects.toBeInstanceOf(
      InvalidRecordError,
    );
    expect(await db.people.count()).toBe(0);
    expect(await pendingMutations(db)).toBe(0);
  });

  it('does nothing for no changes', async () => {
    const [{ db, clock }] = pair();
    await applyLocalChanges(db, clock, []);
    expect(await pendingMutations(db)).toBe(0);
  });
});
