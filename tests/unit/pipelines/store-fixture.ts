import { ulid } from 'ulidx';
import { ScoutbookDb, type StoredPerson } from '@/utils/db/database';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import { openStore, type Store } from '@/utils/db/store';
import { formatHlc } from '@/utils/sync/hlc';
import { Person } from '@/utils/schema';

export const RECRUITING = DEFAULT_PIPELINES[0]!.id;
export const REFERRAL = DEFAULT_PIPELINES[1]!.id;
export const SALES = DEFAULT_PIPELINES[2]!.id;
export const START = 1_763_700_000_000;

/** A fresh database whose clock advances a second per reading, with the user named `userName`. */
export async function freshStore(userName: string | null = 'Li Wei'): Promise<Store> {
  let now = START;
  const store = await openStore(new ScoutbookDb(`test-${ulid()}`), () => (now += 1000));
  if (userName) await store.db.meta.put({ key: 'settings', value: { serverUrl: '', token: '', userName } });
  return store;
}

/** `count` valid people written straight to the table (seeding through the outbox would dominate the tests). */
export async function seedPeople(store: Store, count: number, prefix = 'Person'): Promise<string[]> {
  const clock = formatHlc({ ms: START, counter: 0, node: 'seed' });
  const rows: StoredPerson[] = [];
  for (let i = 0; i < count; i++) {
    const data = Person.parse({
      id: ulid(),
      name: `${prefix} ${i}`,
      profileKeys: [`linkedin:in/${prefix.toLowerCase()}-${i}-${ulid().toLowerCase()}`],
      profileUrl: `https://www.linkedin.com/in/${prefix.toLowerCase()}-${i}/`,
      tags: i % 3 ? ['java'] : [],
      status: 'active',
      createdAt: START,
      updatedAt: clock,
    });
    const clocks = Object.fromEntries(Object.keys(data).filter((k) => k !== 'id' && k !== 'updatedAt').map((k) => [k, clock]));
    rows.push({ ...data, clocks });
  }
  await store.db.people.bulkPut(rows);
  return rows.map((r) => r.id);
}

/** Every live person and entry, without clocks: what a user can see. */
export async function visibleState(store: Store): Promise<unknown> {
  const strip = <T extends { clocks: unknown; updatedAt: unknown; deleted?: boolean }>(rows: T[]) =>
    rows
      .filter((r) => !r.deleted)
      .map(({ clocks: _c, updatedAt: _u, ...rest }) => rest)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { people: strip(await store.db.people.toArray()), entries: strip(await store.db.entries.toArray()) };
}
