import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulidx';
import { forgetPerson } from '@/utils/backup/erasure';
import { savePerson } from '@/utils/db/actions';
import { ScoutbookDb } from '@/utils/db/database';
import { applyLocalChanges, applyRemoteRecords, type LocalChange } from '@/utils/db/local-change';
import { openStore as openClientStore, type Store as ClientStore } from '@/utils/db/store';
import { syncOnce, type SyncSettings } from '@/utils/sync/client';
import { formatHlc } from '@/utils/sync/hlc';
import { acknowledge, nextPushBatch, pendingMutations, queuedMutations, queueMutations } from '@/utils/sync/outbox';
import { MAX_PUSH_BATCH, type Mutation } from '@/utils/sync/protocol';
import { createApp } from '../../server/app';
import { openStore as openServerStore, type Store as ServerStore } from '../../server/store/open';
import { createToken } from '../../server/store/tokens';

/** The outbox (one row per local write) and the pusher that drains it, against the real sync API in-process. */
let server: ServerStore;
let app: ReturnType<typeof createApp>;
let settings: SyncSettings;
let pushSizes: number[];
let loseAnswerOfPush: number | undefined;
let pullAnswer: ((body: { records: Record<string, unknown>[] }) => void) | undefined;

const fetchViaApp: typeof fetch = async (input, init) => {
  const url = input instanceof URL ? input.href : String(input);
  const res = await app.request(url, init as RequestInit);
  if (url.includes('/push')) {
    pushSizes.push((JSON.parse(String(init!.body)) as { mutations: unknown[] }).mutations.length);
    if (loseAnswerOfPush === pushSizes.length) throw new TypeError('network connection lost'); // applied, never acknowledged
  }
  if (url.includes('/pull') && pullAnswer) {
    const body = (await res.json()) as { records: Record<string, unknown>[] };
    pullAnswer(body);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }
  return res;
};

const device = (): Promise<ClientStore> => openClientStore(new ScoutbookDb(`outbox-${ulid()}`));
const newPeople = (n: number, tag = 'p'): LocalChange[] =>
  Array.from({ length: n }, (_, i) => ({
    entity: 'person',
    id: ulid(),
    fresh: true,
    fields: { name: `Person ${tag}${i}`, profileKeys: [`linkedin:in/${tag}-${i}`], createdAt: 1, deleted: false },
  }));

beforeEach(async () => {
  server = await openServerStore(':memory:');
  app = createApp({ db: server.db, log: () => {}, rateLimit: false });
  settings = { serverUrl: 'http://sync.test', token: (await createToken(server.db, 'acme', 'li.wei@example.com')).token };
  pushSizes = [];
  loseAnswerOfPush = undefined;
  pullAnswer = undefined;
});
afterEach(() => server.close());

describe('the outbox holds one row per local write', () => {
  it('a batch of 450 new people is 3 rows, not 450, and the pending count counts mutations', async () => {
    const a = await device();
    const before = { rows: await a.db.outbox.count(), pending: await pendingMutations(a.db) };
    await applyLocalChanges(a.db, a.clock, newPeople(450));
    expect((await a.db.outbox.count()) - before.rows).toBe(3);
    expect((await pendingMutations(a.db)) - before.pending).toBe(450);
    const queued = await queuedMutations(a.db);
    expect(queued.slice(-450).map((m) => m.fields.name)).toEqual(Array.from({ length: 450 }, (_, i) => `Person p${i}`));
  });

  it('is pushed in batches of at most MAX_PUSH_BATCH, oldest first, and everything arrives', async () => {
    const a = await device();
    await applyLocalChanges(a.db, a.clock, newPeople(450));
    await savePerson(a, { kind: 'person', key: 'linkedin:in/jane', url: 'https://www.linkedin.com/in/jane/' }, { name: 'Jane' });
    const total = await pendingMutations(a.db);
    const { pushed } = await syncOnce(a, settings, fetchViaApp);
    expect(pushed).toBe(total);
    expect(pushSizes.every((n) => n <= MAX_PUSH_BATCH)).toBe(true);
    expect(pushSizes.reduce((s, n) => s + n, 0)).toBe(total);
    expect(await pendingMutations(a.db)).toBe(0);
    expect(await a.db.outbox.count()).toBe(0);

    const b = await device();
    await syncOnce(b, settings, fetchViaApp);
    expect(await b.db.people.count()).toBe(451);
  });

  it('a push whose answer was lost stays queued, is sent again with the same mutation ids, and is applied once', async () => {
    const a = await device();
    await applyLocalChanges(a.db, a.clock, newPeople(450));
    const queued = await queuedMutations(a.db);
    loseAnswerOfPush = 2;
    await expect(syncOnce(a, settings, fetchViaApp)).rejects.toThrow(/cannot reach the sync server/);
    // The first push was acknowledged and left; the second was applied but never acknowledged, so it stays.
    expect(await pendingMutations(a.db)).toBe(queued.length - pushSizes[0]!);
    const unacked = (await queuedMutations(a.db)).slice(0, pushSizes[1]);
    expect(unacked).toEqual(queued.slice(pushSizes[0]!, pushSizes[0]! + pushSizes[1]!));

    loseAnswerOfPush = undefined;
    const retry = await syncOnce(a, settings, fetchViaApp);
    expect(retry.pushed).toBe(queued.length - pushSizes[0]!);
    expect(await pendingMutations(a.db)).toBe(0);
    const b = await device();
    await syncOnce(b, settings, fetchViaApp);
    expect(await b.db.people.count()).toBe(450);
  });

  it('a row longer than one push is split, and rewritten with what is left only after the acknowledgement', async () => {
    const db = new ScoutbookDb(`outbox-${ulid()}`);
    await db.open();
    const hlc = formatHlc({ ms: 1_763_700_000_000, counter: 0, node: 'x' });
    const mutations: Mutation[] = Array.from({ length: 5 }, (_, i) => ({ mutationId: ulid(), entity: 'person', id: ulid(), hlc, fields: { name: `n${i}` } }));
    await db.outbox.add({ mutations, size: 5 }); // as written by a release with a larger push size
    const first = await nextPushBatch(db, 2);
    expect(first.mutations).toEqual(mutations.slice(0, 2));
    expect(await pendingMutations(db)).toBe(5);
    await acknowledge(db, first);
    expect(await queuedMutations(db)).toEqual(mutations.slice(2));
    expect(await pendingMutations(db)).toBe(3);
  });

  it('an erasure while a push is in flight is kept: the acknowledgement rereads the rows', async () => {
    const a = await device();
    await a.db.outbox.clear();
    const jane = await savePerson(a, { kind: 'person', key: 'linkedin:in/jane', url: 'https://www.linkedin.com/in/jane/' }, { name: 'Jane' });
    const others = newPeople(3);
    await applyLocalChanges(a.db, a.clock, others);
    const inFlight = await nextPushBatch(a.db);
    await forgetPerson(a, jane); // drops Jane's queued content and queues her tombstone
    await acknowledge(a.db, inFlight);
    const left = await queuedMutations(a.db);
    expect(left.every((m) => m.id === jane)).toBe(true);
    expect(left.at(-1)!.fields.deleted).toBe(true);
    expect(left.some((m) => m.fields.name === 'Jane')).toBe(false);
  });

  it('an empty write queues nothing', async () => {
    const a = await device();
    const rows = await a.db.outbox.count();
    await queueMutations(a.db, []);
    expect(await a.db.outbox.count()).toBe(rows);
  });
});

describe('pulled pages', () => {
  it('a page with a malformed clock is refused with a clear error and moves nothing', async () => {
    const a = await device();
    await savePerson(a, { kind: 'person', key: 'linkedin:in/jane', url: 'https://www.linkedin.com/in/jane/' }, { name: 'Jane' });
    await syncOnce(a, settings, fetchViaApp);
    const b = await device();
    pullAnswer = (body) => {
      if (body.records[0]) (body.records[0].clocks as Record<string, string>).name = 'yesterday';
    };
    await expect(syncOnce(b, settings, fetchViaApp)).rejects.toThrow(/unexpected answer from the sync server: .*clocks/);
    expect(await b.db.people.count()).toBe(0);
    expect(await b.db.meta.get('syncCursor')).toBeUndefined();
  });

  it('one record from far in the future is skipped, the rest of its page applied, and the clock not moved by it', async () => {
    const a = await device();
    const at = (ms: number) => formatHlc({ ms, counter: 0, node: 'srv' });
    const person = (clock: string, name: string) => ({
      entity: 'person' as const,
      id: ulid(),
      seq: 1,
      data: { name, createdAt: 1, profileKeys: [], deleted: false },
      clocks: { name: clock, createdAt: clock, profileKeys: clock, deleted: clock },
    });
    const future = Date.now() + 3 * 86_400_000;
    const page = [person(at(Date.now() - 1000), 'ok 1'), person(at(future), 'from the future'), person(at(Date.now() - 500), 'ok 2')];
    expect(await applyRemoteRecords(a.db, a.clock, page)).toBe(2);
    expect((await a.db.people.toArray()).map((p) => p.name).sort()).toEqual(['ok 1', 'ok 2']);
    expect(a.clock.current() < at(future)).toBe(true);
  });
});
