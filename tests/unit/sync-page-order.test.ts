import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulidx';
import { ScoutbookDb } from '@/utils/db/database';
import { applyPulledPage, PageOrderError, preparePulledPage } from '@/utils/db/local-change';
import { openStore as openClientStore } from '@/utils/db/store';
import { syncOnce, type SyncSettings } from '@/utils/sync/client';
import { formatHlc } from '@/utils/sync/hlc';
import type { SyncedRecord } from '@/utils/sync/protocol';
import { applyPush } from '../../server/apply-push';
import { createApp } from '../../server/app';
import { personBatch } from '../../server/load/generator';
import { openStore as openServerStore, type Store as ServerStore } from '../../server/store/open';
import { createToken } from '../../server/store/tokens';

/**
 * A pulled page and the sync cursor (utils/db/local-change.ts CursorMove, utils/sync/client.ts): a page
 * is all or nothing, the cursor moves with its page, pages commit in order, and nothing commits
 * after a page that failed — also when pages are queued before the previous one has committed.
 */

const BASE_MS = Date.now() - 60_000;
const at = (n: number) => formatHlc({ ms: BASE_MS + n, counter: 0, node: 'srv' });
function person(id: string, name: string, n: number, extra: Record<string, unknown> = {}): SyncedRecord {
  const data = { name, createdAt: 1, profileKeys: [`linkedin:in/p-${id.toLowerCase()}`], deleted: false, ...extra };
  return { entity: 'person', id, seq: n, data, clocks: Object.fromEntries(Object.keys(data).map((k) => [k, at(n)])) };
}

/**
 * Writing the record `failing.id` into IndexedDB's people store is refused once (a full disk, say),
 * below Dexie: the page holding it fails half-way through its writes. Undone by `restore`.
 */
function failWriteOf(failing: { id?: string }): { restore: () => void } {
  const proto = IDBObjectStore.prototype;
  const original = { add: proto.add, put: proto.put };
  for (const method of ['add', 'put'] as const) {
    proto[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'people' && failing.id !== undefined && (args[0] as { id?: string }).id === failing.id) {
        failing.id = undefined;
        throw new DOMException('the disk is full', 'QuotaExceededError');
      }
      return original[method].apply(this, args);
    };
  }
  return { restore: () => Object.assign(proto, original) };
}

describe('pulled pages and their cursor', () => {
  it('a page whose predecessor has not moved the cursor writes nothing, not even its cursor', async () => {
    const store = await openClientStore(new ScoutbookDb(`pages-${ulid()}`));
    const ids = Array.from({ length: 4 }, () => ulid()).sort();
    const first = preparePulledPage(store.clock, ids.slice(0, 2).map((id, i) => person(id, `A${i}`, i + 1)));
    const second = preparePulledPage(store.clock, ids.slice(2).map((id, i) => person(id, `B${i}`, i + 3)));
    // The second page is written as if the first had moved the cursor to 2: it has not.
    await expect(applyPulledPage(store.db, second, { key: 'syncCursor', from: 2, to: 4 })).rejects.toThrow(PageOrderError);
    expect(await store.db.people.count()).toBe(0);
    expect(await store.db.meta.get('syncCursor')).toBeUndefined();

    expect(await applyPulledPage(store.db, first, { key: 'syncCursor', from: undefined, to: 2 })).toBe(2);
    expect(await applyPulledPage(store.db, second, { key: 'syncCursor', from: 2, to: 4 })).toBe(2);
    expect((await store.db.meta.get('syncCursor'))?.value).toBe(4);
    expect(await store.db.people.count()).toBe(4);
  });

  it('pages queued together commit in order; after one fails, the pages queued behind it write nothing', async () => {
    const store = await openClientStore(new ScoutbookDb(`pages-${ulid()}`));
    const ids = Array.from({ length: 6 }, () => ulid()).sort();
    const pages = [0, 1, 2].map((p) => preparePulledPage(store.clock, ids.slice(2 * p, 2 * p + 2).map((id, i) => person(id, `P${p}.${i}`, 2 * p + i + 1))));
    // Page 2 cannot be stored (a value IndexedDB cannot clone): its transaction aborts.
    (pages[1]!.asNew[0] as { row: Record<string, unknown> }).row.unclonable = () => 0;
    const writes = pages.map((page, p) => applyPulledPage(store.db, page, { key: 'syncCursor', from: p === 0 ? undefined : 2 * p, to: 2 * p + 2 }));
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(PageOrderError);
    expect((await store.db.people.toArray()).map((p) => p.name).sort()).toEqual(['P0.0', 'P0.1']);
    expect((await store.db.meta.get('syncCursor'))?.value).toBe(2);
  });

  it('a page merges records already stored field by field, an id twice in one page included', async () => {
    const store = await openClientStore(new ScoutbookDb(`pages-${ulid()}`));
    const [a, b] = [ulid(), ulid()].sort() as [string, string];
    await applyPulledPage(store.db, preparePulledPage(store.clock, [person(a, 'Old name', 5, { headline: 'Newer headline' })]));
    // a: stored, with a headline newer than the page's; b: new, and twice in the page.
    const page = [person(a, 'New name', 10, { headline: 'Older headline' }), person(b, 'B first', 11), person(b, 'B second', 12)];
    page[0]!.clocks.headline = at(1);
    expect(await applyPulledPage(store.db, preparePulledPage(store.clock, page), { key: 'syncCursor', from: undefined, to: 12 })).toBe(3);
    const [storedA, storedB] = await store.db.people.bulkGet([a, b]);
    expect(storedA).toMatchObject({ name: 'New name', headline: 'Newer headline' });
    expect(storedA?.clocks.headline).toBe(at(5));
    expect(storedB?.name).toBe('B second');
    expect((await store.db.meta.get('syncCursor'))?.value).toBe(12);
  });
});

describe('a first sync on a team that has its pipelines first', () => {
  it('merges the pages holding what this device has, adds the others, and ends with everything', async () => {
    const server = await openServerStore(':memory:');
    try {
      const app = createApp({ db: server.db, log: () => {}, rateLimit: false });
      const fetchViaApp: typeof fetch = async (input, init) => app.request(input instanceof URL ? input.href : String(input), init as RequestInit);
      const settingsOf = async (email: string) => ({ serverUrl: 'http://sync.test', token: (await createToken(server.db, 'acme', email)).token });
      // The team's first device pushes its default pipelines: the first records of every later first sync.
      const first = await openClientStore(new ScoutbookDb(`pages-${ulid()}`));
      await syncOnce(first, await settingsOf('ada@acme.example'), fetchViaApp);
      const team = await server.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
      for (let n = 0; n < 3500; n += 200) await applyPush(server.db, { teamId: team.id }, personBatch(Math.min(200, 3500 - n), 'seed', Date.now() - 60_000).mutations);

      // A new device has the same default pipelines already: page 1 must be merged, pages 2-4 can be added.
      const fresh = await openClientStore(new ScoutbookDb(`pages-${ulid()}`));
      const { pulled } = await syncOnce(fresh, await settingsOf('li.wei@acme.example'), fetchViaApp);
      expect(pulled).toBe(3500);
      expect(await fresh.db.people.count()).toBe(3500);
      expect(await fresh.db.pipelines.count()).toBe(3);
      expect((await fresh.db.meta.get('syncCursor'))?.value).toBe(3503);
    } finally {
      server.close();
    }
  });
});

describe('a first sync whose write fails mid-way', () => {
  let server: ServerStore;
  let app: ReturnType<typeof createApp>;
  let settings: SyncSettings;
  const seeded: string[] = [];
  const fetchViaApp: typeof fetch = async (input, init) => app.request(input instanceof URL ? input.href : String(input), init as RequestInit);

  beforeEach(async () => {
    server = await openServerStore(':memory:');
    app = createApp({ db: server.db, log: () => {}, rateLimit: false });
    settings = { serverUrl: 'http://sync.test', token: (await createToken(server.db, 'acme', 'li.wei@acme.example')).token };
    const team = await server.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
    seeded.length = 0;
    for (let n = 0; n < 4500; n += 200) {
      const { mutations } = personBatch(Math.min(200, 4500 - n), 'seed', Date.now() - 60_000);
      seeded.push(...mutations.map((m) => m.id));
      await applyPush(server.db, { teamId: team.id }, mutations);
    }
  });
  let failure: { restore: () => void } | undefined;
  afterEach(() => {
    failure?.restore();
    server.close();
  });

  it('keeps the pages written before the failure with their cursor, writes none after it, and resumes there', async () => {
    const store = await openClientStore(new ScoutbookDb(`pages-${ulid()}`));
    // The 1,500th person is on the second page of 1,000: that page fails half-way, and no page after it is written.
    failure = failWriteOf({ id: seeded[1499] });
    await expect(syncOnce(store, settings, fetchViaApp)).rejects.toThrow(/disk is full/);
    // The first page, with its cursor; nothing of the second (its first 499 writes were undone) nor after it.
    expect(await store.db.people.count()).toBe(1000);
    expect((await store.db.meta.get('syncCursor'))?.value).toBe(1000);

    const { pulled } = await syncOnce(store, settings, fetchViaApp);
    expect(pulled).toBe(3500);
    expect(await store.db.people.count()).toBe(4500);
  });
});
