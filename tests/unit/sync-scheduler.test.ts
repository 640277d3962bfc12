import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ulid } from 'ulidx';
import { savePerson } from '@/utils/db/actions';
import { ScoutbookDb } from '@/utils/db/database';
import { openStore, type Store } from '@/utils/db/store';
import { SyncError } from '@/utils/sync/client';
import { backoffDelay, SyncScheduler } from '@/utils/sync/scheduler';

/** IndexedDB (fake-indexeddb) completes through setImmediate, which fake timers leave alone. */
async function settle(): Promise<void> {
  for (let i = 0; i < 100; i++) await new Promise((r) => setImmediate(r));
}

describe('sync back-off', () => {
  it('doubles from 5 s to at most 5 min, with jitter in the upper half', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 1))).toEqual([5000, 10000, 20000, 40000]);
    expect(backoffDelay(30, () => 1)).toBe(300_000);
    expect(backoffDelay(1, () => 0)).toBe(2500);
  });

  describe('scheduler', () => {
    let store: Store;
    beforeEach(async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      store = await openStore(new ScoutbookDb(`sched-${ulid()}`));
      await store.db.meta.put({ key: 'settings', value: { serverUrl: 'http://sync.test', token: 'sb_x' } });
    });
    afterEach(() => vi.useRealTimers());

    it('backs off while the server fails, keeps the queue, and converges when it is back', async () => {
      let up = false;
      const sync = vi.fn(async () => {
        if (!up) throw new SyncError('cannot reach the sync server');
        await store.db.outbox.clear();
        return { pushed: 1, pulled: 0 };
      });
      const scheduler = new SyncScheduler(store, () => {}, { sync, random: () => 1, now: Date.now });
      await savePerson(store, { kind: 'person', key: 'linkedin:in/a', url: 'https://www.linkedin.com/in/a/' }, { name: 'A' });

      const first = await scheduler.run();
      expect(first.lastError).toMatch(/cannot reach/);
      expect(first.nextRetryAt! - Date.now()).toBe(5000);
      expect(first.pending).toBeGreaterThan(0);

      // A local change during the back-off does not hammer the server.
      scheduler.afterChange();
      await vi.advanceTimersByTimeAsync(4000);
      await settle();
      expect(sync).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1100);
      await settle();
      expect(sync).toHaveBeenCalledTimes(2);
      expect((await scheduler.status()).nextRetryAt! - Date.now()).toBe(10000);

      up = true;
      await vi.advanceTimersByTimeAsync(10_100);
      await settle();
      expect(sync).toHaveBeenCalledTimes(3);
      const status = await scheduler.status();
      expect([status.lastError, status.nextRetryAt, status.pending]).toEqual([null, null, 0]);
    });

    it('coming back online retries at once', async () => {
      const sync = vi.fn(async () => {
        throw new SyncError('offline');
      });
      const scheduler = new SyncScheduler(store, () => {}, { sync, random: () => 1, now: Date.now });
      await scheduler.run();
      scheduler.online();
      await vi.advanceTimersByTimeAsync(10);
      await settle();
      expect(sync).toHaveBeenCalledTimes(2);
    });
  });
});
