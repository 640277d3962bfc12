import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulidx';
import { addNote, savePerson } from '@/utils/db/actions';
import { ScoutbookDb } from '@/utils/db/database';
import { applyLocalChange } from '@/utils/db/local-change';
import { openStore as openClientStore, type Store as ClientStore } from '@/utils/db/store';
import { syncOnce, SyncError, type SyncSettings } from '@/utils/sync/client';
import { createApp } from '../../server/app';
import { openStore as openServerStore, type Store as ServerStore } from '../../server/store/open';
import { createToken } from '../../server/store/tokens';
import { pendingMutations } from '@/utils/sync/outbox';

/** Two devices of one team against the real sync API, in-process. */
let server: ServerStore;
let app: ReturnType<typeof createApp>;
let settings: SyncSettings;
let pushes = 0;
let loseNextPushAnswer = false;
let lastPushAnswer: { applied: number; duplicates: number } | undefined;

const fetchViaApp: typeof fetch = async (input, init) => {
  const url = input instanceof URL ? input.href : String(input);
  const res = await app.request(url, init as RequestInit);
  if (url.includes('/push')) {
    pushes++;
    lastPushAnswer = (await res.clone().json()) as typeof lastPushAnswer;
    if (loseNextPushAnswer) {
      loseNextPushAnswer = false;
      throw new TypeError('network connection lost'); // applied on the server, never acknowledged
    }
  }
  return res;
};

async function device(): Promise<ClientStore> {
  return openClientStore(new ScoutbookDb(`device-${ulid()}`));
}
const jane = { kind: 'person' as const, key: 'linkedin:in/jane-doe', url: 'https://www.linkedin.com/in/jane-doe/' };

beforeEach(async () => {
  server = await openServerStore(':memory:');
  app = createApp({ db: server.db, log: () => {} });
  const { token } = await createToken(server.db, 'acme', 'li.wei@example.com');
  settings = { serverUrl: 'http://sync.test', token };
  pushes = 0;
});
afterEach(() => server.close());

describe('sync client against the sync API', () => {
  it('two devices editing different fields of one person converge', async () => {
    const a = await device();
    const b = await device();
    const id = await savePerson(a, jane, { name: 'Jane Doe', headline: 'Engineer', location: 'Berlin' });
    await syncOnce(a, settings, fetchViaApp);
    await syncOnce(b, settings, fetchViaApp);
    expect((await b.db.people.get(id))?.name).toBe('Jane Doe');

    // Both offline: A changes the headline, B the location.
    await applyLocalChange(a.db, a.clock, 'person', id, { headline: 'Staff Engineer' });
    await applyLocalChange(b.db, b.clock, 'person', id, { location: 'Munich' });
    await syncOnce(a, settings, fetchViaApp);
    await syncOnce(b, settings, fetchViaApp);
    await syncOnce(a, settings, fetchViaApp);

    for (const d of [a, b]) {
      const p = await d.db.people.get(id);
      expect({ headline: p?.headline, location: p?.location }).toEqual({ headline: 'Staff Engineer', location: 'Munich' });
    }
    expect(await pendingMutations(a.db)).toBe(0);
  });

  it('a batch whose answer was lost is sent again and applied once', async () => {
    const a = await device();
    const id = await savePerson(a, jane, { name: 'Jane Doe' });
    await addNote(a, { personId: id }, 'first call went well');
    loseNextPushAnswer = true;
    await expect(syncOnce(a, settings, fetchViaApp)).rejects.toThrow(/cannot reach the sync server/);
    expect(await pendingMutations(a.db)).toBeGreaterThan(0);

    const firstAnswer = lastPushAnswer!;
    expect(firstAnswer.applied).toBeGreaterThan(0);
    await syncOnce(a, settings, fetchViaApp);
    expect(pushes).toBe(2);
    // The server recognised every mutation of the retried batch and applied none again.
    expect(lastPushAnswer).toMatchObject({ applied: 0, duplicates: firstAnswer.applied });
    const b = await device();
    await syncOnce(b, settings, fetchViaApp);
    expect(await b.db.people.count()).toBe(1);
    expect((await b.db.notes.toArray()).map((n) => n.body)).toEqual(['first call went well']);
  });

  it('private notes never reach the server', async () => {
    const a = await device();
    const personId = await savePerson(a, jane, { name: 'Jane Doe' });
    await applyLocalChange(a.db, a.clock, 'note', ulid(), {
      personId,
      body: 'salary 80k',
      visibility: 'private',
      createdAt: 1,
      deleted: false,
    });
    await syncOnce(a, settings, fetchViaApp);
    const b = await device();
    await syncOnce(b, settings, fetchViaApp);
    expect(await b.db.people.count()).toBe(1);
    expect(await b.db.notes.count()).toBe(0);
  });

  it('new alerts are fetched while records are pulled, not one round trip after the last page', async () => {
    const a = await device();
    await savePerson(a, jane, { name: 'Jane Doe' });
    await syncOnce(a, settings, fetchViaApp);
    const b = await device();
    const answered: string[] = [];
    let alertsAnswered!: () => void;
    const alertsDone = new Promise<void>((resolve) => (alertsAnswered = resolve));
    // The pull's answer is held (for a second at most) until the alerts have been answered: a sync
    // that asks for alerts only after its last page waits that second and answers them last.
    const watching: typeof fetch = async (input, init) => {
      const url = input instanceof URL ? input.href : String(input);
      if (url.includes('/v1/sync/pull')) await Promise.race([alertsDone, new Promise((r) => setTimeout(r, 1000))]);
      const res = await fetchViaApp(input, init);
      if (url.includes('/v1/alerts')) {
        answered.push('alerts');
        alertsAnswered();
      } else if (url.includes('/v1/sync/pull')) answered.push('pull');
      return res;
    };
    const result = await syncOnce(b, settings, watching);
    expect(result).toMatchObject({ pulled: 1, alerts: 0 });
    expect(answered).toEqual(['alerts', 'pull']);
    expect((await b.db.people.toArray()).map((p) => p.name)).toEqual(['Jane Doe']);
  });

  it('a rejected token is a clear error and keeps the queue', async () => {
    const a = await device();
    await savePerson(a, jane, { name: 'Jane Doe' });
    const queued = await pendingMutations(a.db);
    const err = await syncOnce(a, { ...settings, token: 'sb_wrong' }, fetchViaApp).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).status).toBe(401);
    expect(await pendingMutations(a.db)).toBe(queued);
  });
});
