import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulidx';
import { moveEntry, savePerson, setStage } from '@/utils/db/actions';
import { cardData } from '@/utils/db/card-data';
import { ScoutbookDb } from '@/utils/db/database';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import { currentUser, loadSettings } from '@/utils/db/settings';
import { openStore as openClientStore, type Store as ClientStore } from '@/utils/db/store';
import { syncOnce, type SyncSettings } from '@/utils/sync/client';
import { jobChangeOf, noticeJobChange } from '@/utils/sync/job-change';
import { loadTeamAlerts, markAlertsRead, unreadCount } from '@/utils/sync/team-alerts';
import { teamOwnersOf } from '@/utils/sync/team-owners';
import { SyncScheduler } from '@/utils/sync/scheduler';
import { createApp } from '../../server/app';
import { openStore as openServerStore, type Store as ServerStore } from '../../server/store/open';
import { createToken } from '../../server/store/tokens';
import { pendingMutations } from '@/utils/sync/outbox';

/** Two recruiters of one team, each on their own device, against the real sync API in-process. */
let server: ServerStore;
let app: ReturnType<typeof createApp>;
const fetchViaApp: typeof fetch = async (input, init) => app.request(input instanceof URL ? input.href : String(input), init as RequestInit);
const RECRUITING = DEFAULT_PIPELINES[0]!.id;
const jane = { kind: 'person' as const, key: 'linkedin:in/jane-doe', url: 'https://www.linkedin.com/in/jane-doe/' };

async function recruiter(email: string, userName?: string): Promise<{ store: ClientStore; settings: SyncSettings }> {
  const { token } = await createToken(server.db, 'acme', email);
  const store = await openClientStore(new ScoutbookDb(`team-${ulid()}`));
  const settings = { serverUrl: 'http://sync.test', token };
  await store.db.meta.put({ key: 'settings', value: { ...settings, ...(userName && { userName }) } });
  return { store, settings };
}

beforeEach(async () => {
  server = await openServerStore(':memory:');
  app = createApp({ db: server.db, log: () => {}, rateLimit: false });
});
afterEach(() => server.close());

describe('identity from the sync server', () => {
  it('learns the e-mail from /v1/me and writes it as owner and as "who" of stage history', async () => {
    const li = await recruiter('Li.Wei@acme.example', 'Li Wei');
    expect(await currentUser(li.store.db)).toBe('Li Wei');
    // Saved and staged before the first sync: the entry carries the typed name.
    const earlier = await savePerson(li.store, jane, { name: 'Jane Doe' });
    await setStage(li.store, { personId: earlier }, RECRUITING, 'sourced');
    await syncOnce(li.store, li.settings, fetchViaApp);
    expect((await loadSettings(li.store.db))?.identity).toMatchObject({ email: 'li.wei@acme.example', team: 'acme', role: 'admin' });
    expect(await currentUser(li.store.db)).toBe('li.wei@acme.example');

    const carlos = { kind: 'person' as const, key: 'linkedin:in/carlos', url: 'https://www.linkedin.com/in/carlos/' };
    const personId = await savePerson(li.store, carlos, { name: 'Carlos Mendes' });
    const entryId = await setStage(li.store, { personId }, RECRUITING, 'sourced');
    await moveEntry(li.store, entryId, 'contacted');
    const entry = await li.store.db.entries.get(entryId);
    expect(entry?.ownerId).toBe('li.wei@acme.example');
    expect(entry?.history.map((h) => h.by)).toEqual(['li.wei@acme.example', 'li.wei@acme.example']);
    // The entry saved under the typed name is still "mine": no teammate warning on Jane's card.
    const data = await cardData(li.store, jane, {});
    expect(data.entries.map((e) => e.entry.ownerId)).toEqual(['Li Wei']);
    expect(data.warnings).toEqual([]);
    expect(data.me).toBe('li.wei@acme.example');
  });

  it('asks again when the token changes', async () => {
    const li = await recruiter('li.wei@acme.example');
    await syncOnce(li.store, li.settings, fetchViaApp);
    const { token } = await createToken(server.db, 'acme', 'ada@acme.example');
    const ada = { serverUrl: 'http://sync.test', token };
    await li.store.db.meta.put({ key: 'settings', value: ada });
    expect(await currentUser(li.store.db)).toBeUndefined();
    await syncOnce(li.store, ada, fetchViaApp);
    expect(await currentUser(li.store.db)).toBe('ada@acme.example');
  });
});

describe('team ownership and alerts', () => {
  it("alerts the owner, with an unread count, when a teammate contacts their person; the teammate's card is warned", async () => {
    const li = await recruiter('li.wei@acme.example');
    const ada = await recruiter('ada@acme.example');
    await syncOnce(li.store, li.settings, fetchViaApp);
    await syncOnce(ada.store, ada.settings, fetchViaApp);
    const personId = await savePerson(li.store, jane, { name: 'Jane Doe' });
    await setStage(li.store, { personId }, RECRUITING, 'contacted');
    await syncOnce(li.store, li.settings, fetchViaApp);

    // Ada's background asks the server who owns Jane before she has pulled anything.
    const scheduler = new SyncScheduler(ada.store, () => {}, { fetch: fetchViaApp });
    const owners = teamOwnersOf((await scheduler.owners([jane.key]))!, new Set(['ada@acme.example']));
    expect(owners).toEqual([expect.objectContaining({ owner: 'li.wei@acme.example', pipelineName: 'Recruiting', stageName: 'Contacted', mine: false })]);

    await syncOnce(ada.store, ada.settings, fetchViaApp);
    await moveEntry(ada.store, (await ada.store.db.entries.toArray())[0]!.id, 'replied');
    const adaCard = await cardData(ada.store, jane, {});
    expect(adaCard.warnings).toEqual([expect.objectContaining({ kind: 'owned', owner: 'li.wei@acme.example' })]);
    await syncOnce(ada.store, ada.settings, fetchViaApp);

    const { alerts } = await syncOnce(li.store, li.settings, fetchViaApp);
    expect(alerts).toBe(1);
    const inbox = await loadTeamAlerts(li.store.db);
    expect(inbox.alerts).toEqual([
      expect.objectContaining({ kind: 'entry_changed', by: 'ada@acme.example', personName: 'Jane Doe', detail: expect.objectContaining({ fromStageName: 'Contacted', stageName: 'Replied' }) }),
    ]);
    expect(unreadCount(inbox)).toBe(1);
    await markAlertsRead(li.store.db);
    expect(unreadCount(await loadTeamAlerts(li.store.db))).toBe(0);
    // Nothing new: the cursor holds, no duplicate.
    await syncOnce(li.store, li.settings, fetchViaApp);
    expect((await loadTeamAlerts(li.store.db)).alerts).toHaveLength(1);
  });

  it('lists each entry once across keys, newest first, and tells mine from a teammate’s', () => {
    const entry = (entryId: string, ownerId: string, updatedAt: string) => ({ entryId, personId: 'p', ownerId, pipelineId: 'x', pipelineName: 'Referral', stageId: 'read', updatedAt });
    const owners = teamOwnersOf(
      [
        { key: 'a', people: [], entries: [entry('e1', 'Li.Wei@acme.example', '1'), entry('e2', 'ada@acme.example', '2')] },
        { key: 'b', people: [], entries: [entry('e2', 'ada@acme.example', '2')] },
      ],
      new Set(['li.wei@acme.example']),
    );
    expect(owners.map((o) => [o.entryId, o.mine, o.stageName])).toEqual([
      ['e2', false, 'read'],
      ['e1', true, 'read'],
    ]);
  });
});

describe('job change on a later visit', () => {
  it('counts only a shown value that differs from one the record had', () => {
    expect(jobChangeOf({ headline: 'Engineer at Acme', companyName: 'Acme' }, { headline: 'Engineer at  Acme ', companyName: 'Acme' })).toBeUndefined();
    expect(jobChangeOf({ headline: 'Engineer at Acme' }, { companyName: 'Globex' })).toBeUndefined();
    expect(jobChangeOf({ headline: 'Engineer at Acme', companyName: 'Acme' }, { companyName: 'Globex' })).toEqual({ companyName: { from: 'Acme', to: 'Globex' } });
  });

  it('updates the saved person (a synced change) and adds an unread alert', async () => {
    const li = await recruiter('li.wei@acme.example');
    const personId = await savePerson(li.store, jane, { name: 'Jane Doe', headline: 'Engineer at Acme', companyName: 'Acme' });
    const saved = (await li.store.db.people.get(personId))!;
    const outbox = await pendingMutations(li.store.db);
    expect(await noticeJobChange(li.store, saved, { name: 'Jane Doe', headline: 'CTO at Globex', companyName: 'Globex' })).toBe(true);
    expect(await li.store.db.people.get(personId)).toMatchObject({ headline: 'CTO at Globex', companyName: 'Globex' });
    expect(await pendingMutations(li.store.db)).toBe(outbox + 1);
    const inbox = await loadTeamAlerts(li.store.db);
    expect(inbox.alerts).toEqual([
      expect.objectContaining({ kind: 'job_change', by: '', personId, detail: { headline: { from: 'Engineer at Acme', to: 'CTO at Globex' }, companyName: { from: 'Acme', to: 'Globex' } } }),
    ]);
    expect(unreadCount(inbox)).toBe(1);
    // The same page again is no change.
    expect(await noticeJobChange(li.store, (await li.store.db.people.get(personId))!, { name: 'Jane Doe', headline: 'CTO at Globex', companyName: 'Globex' })).toBe(false);
  });
});

describe('alert wording', () => {
  it('says who did what to whom, in both languages', async () => {
    const { alertText } = await import('@/components/popup/team/alert-text');
    const { popupTranslator } = await import('@/utils/i18n/popup');
    const base = { id: 's1', at: '2026-11-21T10:00:00Z', by: 'ada@acme.example', personId: 'p', personName: 'Jane Doe' };
    const en = popupTranslator('en');
    expect(alertText({ ...base, kind: 'entry_changed', detail: { pipelineName: 'Referral', stageName: 'Interviewed', fromStageId: 'read', fromStageName: 'Read' } }, en)).toBe(
      'ada@acme.example moved Jane Doe from Read to Interviewed in Referral',
    );
    expect(alertText({ ...base, by: '', kind: 'job_change', detail: { companyName: { from: 'Acme', to: 'Globex' } } }, en)).toBe('Jane Doe changed jobs: Acme → Globex');
    expect(alertText({ ...base, kind: 'entry_added', detail: { pipelineName: 'Referral', stageName: 'Read' } }, popupTranslator('zh-CN'))).toBe('ada@acme.example 把 Jane Doe 加入了「Referral」（Read）');
  });
});

describe('applying pulled pages', () => {
  it('merges into stored records whether the page is new, mixed, or spread over many stored ids', async () => {
    const { applyRemoteRecords } = await import('@/utils/db/local-change');
    const { formatHlc } = await import('@/utils/sync/hlc');
    const store = await openClientStore(new ScoutbookDb(`pull-${ulid()}`));
    const clock = (n: number) => formatHlc({ ms: Date.now() - 10_000 + n, counter: 0, node: 'srv' });
    const record = (id: string, name: string, n: number) => ({
      entity: 'person' as const,
      id,
      seq: n,
      data: { name, createdAt: 1, profileKeys: [`linkedin:in/p-${id.toLowerCase()}`], deleted: false },
      clocks: { name: clock(n), createdAt: clock(n), profileKeys: clock(n), deleted: clock(n) },
    });
    const ids = Array.from({ length: 60 }, () => ulid()).sort();
    expect(await applyRemoteRecords(store.db, store.clock, ids.slice(0, 50).map((id, i) => record(id, `P${i}`, i + 1)))).toBe(50);
    // Mixed: two stored, two new (the range holds few stored ids).
    const mixed = [ids[48]!, ids[49]!, ids[50]!, ids[51]!].map((id, i) => record(id, `M${i}`, 100 + i));
    expect(await applyRemoteRecords(store.db, store.clock, mixed)).toBe(4);
    // Spread: 5 ids across all 50 stored (more stored in the range than twice the page): read one by one.
    const spread = [ids[0]!, ids[12]!, ids[25]!, ids[37]!, ids[49]!].map((id, i) => record(id, `S${i}`, 200 + i));
    expect(await applyRemoteRecords(store.db, store.clock, spread)).toBe(5);
    // An older clock changes nothing: the stored row was read and its newer field kept.
    expect(await applyRemoteRecords(store.db, store.clock, [record(ids[25]!, 'stale', 3)])).toBe(0);
    expect((await store.db.people.bulkGet([ids[0]!, ids[25]!, ids[48]!, ids[51]!])).map((p) => p?.name)).toEqual(['S0', 'S2', 'M0', 'M3']);
    expect(await store.db.people.count()).toBe(52);
  });
});

describe('a first sync of several pages', () => {
  it('pulls every page in order, keeps the cursor of the last page written when a fetch fails, and resumes', async () => {
    const { applyPush } = await import('../../server/apply-push');
    const { personBatch } = await import('../../server/load/generator');
    const li = await recruiter('li.wei@acme.example');
    const team = await server.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
    for (let n = 0; n < 2500; n += 200) await applyPush(server.db, { teamId: team.id }, personBatch(Math.min(200, 2500 - n), 'seed', Date.now() - 60_000).mutations);

    let pulls = 0;
    const failThirdPull: typeof fetch = async (input, init) => {
      if (String(input).includes('/pull') && ++pulls === 3) throw new TypeError('network connection lost');
      return fetchViaApp(input, init);
    };
    await expect(syncOnce(li.store, li.settings, failThirdPull)).rejects.toThrow(/cannot reach/);
    // Pages 1 and 2 were written, and the cursor says so; nothing of page 3.
    expect(await li.store.db.people.count()).toBe(2000);
    expect((await li.store.db.meta.get('syncCursor'))?.value).toBe(2000);

    const { pulled } = await syncOnce(li.store, li.settings, fetchViaApp);
    expect(pulled).toBe(500);
    expect(await li.store.db.people.count()).toBe(2500);
  });
});
