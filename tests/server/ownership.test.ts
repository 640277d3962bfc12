import { ulid } from 'ulidx';
import { describe, expect, it } from 'vitest';
import { prune } from '../../server/store/maintenance';
import type { Alert, AlertsResponse } from '../../server/store/alerts';
import type { KeyOwners } from '../../server/store/owners';
import { useHarness, type Harness } from './support/harness';
import { batch, hlc, mutation, newPerson, personFields } from './support/records';
import { STORE_KINDS } from './support/stores';

const A = 'li.wei@example.com';
const B = 'ada@example.com';
const C = 'bo@example.com';

function pipeline(step = 1) {
  return mutation(
    'pipeline',
    ulid(),
    {
      name: 'Backend hiring',
      kind: 'recruiting',
      createdAt: 1,
      stages: [
        { id: 'sourced', name: 'Sourced' },
        { id: 'contacted', name: 'Contacted' },
        { id: 'interview', name: 'Interview' },
      ],
    },
    hlc(step),
  );
}

function entry(pipelineId: string, personId: string, ownerId: string, stageId = 'sourced', step = 2) {
  return mutation('entry', ulid(), { pipelineId, personId, stageId, ownerId, createdAt: 2 }, hlc(step));
}

async function alerts(h: Harness, token: string, query = ''): Promise<AlertsResponse> {
  const res = await h.request(`/v1/alerts${query}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as AlertsResponse;
}

async function owners(h: Harness, token: string, keys: string[]): Promise<KeyOwners[]> {
  const res = await h.request(`/v1/owners?keys=${encodeURIComponent(keys.join(','))}`, { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { owners: KeyOwners[] }).owners;
}

describe.each(STORE_KINDS)('ownership and alerts ($name)', (kind) => {
  const h = useHarness(kind);

  async function team() {
    const a = await h.tokenFor('acme', A);
    const b = await h.tokenFor('acme', B);
    const c = await h.tokenFor('acme', C);
    const p = pipeline();
    const jane = newPerson(1, 'jane-doe', 'Jane Doe');
    const e1 = entry(p.id, jane.id, A);
    await h.pushOk(a, batch(p, jane, e1));
    return { a, b, c, p, jane, e1 };
  }

  it('tells who owns each profile key: entries with owner, pipeline and stage', async () => {
    const { b, p, jane, e1 } = await team();
    // Ada saved the same LinkedIn profile as a second person record, and put it in the pipeline too.
    const janeAgain = mutation('person', ulid(), { ...personFields('jane-doe', 'Jane D.'), profileKeys: ['linkedin:in/jane-doe', 'maimai:dstu/42'] }, hlc(3));
    const e2 = entry(p.id, janeAgain.id, B, 'interview', 4);
    await h.pushOk(b, batch(janeAgain, e2));
    const result = await owners(h, b, ['linkedin:in/jane-doe', 'maimai:dstu/42', 'linkedin:in/nobody']);
    expect(result.map((r) => r.key)).toEqual(['linkedin:in/jane-doe', 'maimai:dstu/42', 'linkedin:in/nobody']);
    expect(result[0]!.people.map((x) => x.name).sort()).toEqual(['Jane D.', 'Jane Doe']);
    expect(result[0]!.entries).toEqual([
      expect.objectContaining({ entryId: e2.id, personId: janeAgain.id, ownerId: B, pipelineName: 'Backend hiring', stageId: 'interview', stageName: 'Interview' }),
      expect.objectContaining({ entryId: e1.id, personId: jane.id, ownerId: A, pipelineId: p.id, pipelineKind: 'recruiting', stageName: 'Sourced' }),
    ]);
    expect(result[1]!.entries.map((e) => e.entryId)).toEqual([e2.id]);
    expect(result[2]).toEqual({ key: 'linkedin:in/nobody', people: [], entries: [] });
  });

  it('follows profile key changes and tombstones', async () => {
    const { a, jane, e1 } = await team();
    await h.pushOk(a, batch(mutation('person', jane.id, { profileKeys: ['linkedin:in/jane-renamed'] }, hlc(5))));
    expect((await owners(h, a, ['linkedin:in/jane-doe']))[0]!.people).toEqual([]);
    expect((await owners(h, a, ['linkedin:in/jane-renamed']))[0]!.entries.map((e) => e.entryId)).toEqual([e1.id]);
    await h.pushOk(a, batch(mutation('entry', e1.id, { deleted: true }, hlc(6))));
    expect((await owners(h, a, ['linkedin:in/jane-renamed']))[0]!.entries).toEqual([]);
    const erase = Object.fromEntries(Object.keys(personFields()).map((k) => [k, null]));
    await h.pushOk(a, batch(mutation('person', jane.id, { ...erase, deleted: true }, hlc(7))));
    expect((await owners(h, a, ['linkedin:in/jane-renamed']))[0]!.people).toEqual([]);
  });

  it('refuses a bad or too long key list', async () => {
    const { a } = await team();
    expect((await h.request('/v1/owners?keys=not-a-key', { token: a })).status).toBe(400);
    expect((await h.request('/v1/owners', { token: a })).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `linkedin:in/p${i}`).join(',');
    expect((await h.request(`/v1/owners?keys=${many}`, { token: a })).status).toBe(400);
  });

  it('alerts the owner when a teammate adds, moves or annotates their person — never about their own changes', async () => {
    const { a, b, p, jane, e1 } = await team();
    expect((await alerts(h, a)).alerts).toEqual([]);

    const e2 = entry(p.id, jane.id, B, 'contacted', 10);
    await h.pushOk(b, batch(e2));
    await h.pushOk(b, batch(mutation('entry', e1.id, { stageId: 'interview' }, hlc(11))));
    const secret = 'candidate asked for a 40% raise';
    await h.pushOk(b, batch(mutation('note', ulid(), { personId: jane.id, body: secret, createdAt: 3, authorId: B }, hlc(12))));

    const got = await alerts(h, a);
    expect(got.alerts.map((x) => [x.kind, x.by, x.personName, x.entity])).toEqual([
      ['entry_added', B, 'Jane Doe', 'entry'],
      ['entry_changed', B, 'Jane Doe', 'entry'],
      ['note_added', B, 'Jane Doe', 'note'],
    ]);
    expect(got.alerts[0]!.detail).toEqual({ pipelineId: p.id, pipelineName: 'Backend hiring', stageId: 'contacted', stageName: 'Contacted', ownerId: B });
    expect(got.alerts[1]!.detail).toMatchObject({ stageName: 'Interview', fromStageId: 'sourced', fromStageName: 'Sourced', ownerId: A });
    expect(got.alerts[0]).toMatchObject({ personId: jane.id, entityId: e2.id, at: h.now.toISOString() });
    expect(JSON.stringify(got)).not.toContain(secret);
    expect(got.hasMore).toBe(false);
    expect(got.cursor).toBe(got.alerts.at(-1)!.seq);
    // Ada owns an entry now, but every change so far was hers: nothing for her.
    expect((await alerts(h, b)).alerts).toEqual([]);
    // Li Wei moving his own entry alerts Ada, who owns another entry of Jane.
    await h.pushOk(a, batch(mutation('entry', e1.id, { stageId: 'contacted' }, hlc(13))));
    expect((await alerts(h, b)).alerts.map((x) => [x.kind, x.by])).toEqual([['entry_changed', A]]);
  });

  it('alerts everyone else with an entry when a person changes headline or company', async () => {
    const { a, b, c, p, jane } = await team();
    await h.pushOk(b, batch(entry(p.id, jane.id, B, 'sourced', 3)));
    const before = (await alerts(h, a)).cursor;
    await h.pushOk(c, batch(mutation('person', jane.id, { headline: 'VP Engineering at Globex', companyName: 'Globex' }, hlc(20))));
    for (const [token, email] of [
      [a, A],
      [b, B],
    ] as const) {
      const got = (await alerts(h, token, `?since=${email === A ? before : 0}`)).alerts;
      expect(got).toEqual([
        expect.objectContaining({
          kind: 'job_change',
          by: C,
          personId: jane.id,
          personName: 'Jane Doe',
          entity: 'person',
          detail: { headline: { to: 'VP Engineering at Globex' }, companyName: { to: 'Globex' } },
        }),
      ]);
    }
    // Bo has no entry for Jane, and it was his change: nothing for him. A change of another field alerts no one.
    expect((await alerts(h, c)).alerts).toEqual([]);
    const cursor = (await alerts(h, a)).cursor;
    await h.pushOk(c, batch(mutation('person', jane.id, { location: 'Berlin' }, hlc(21))));
    expect((await alerts(h, a, `?since=${cursor}`)).alerts).toEqual([]);
    await h.pushOk(c, batch(mutation('person', jane.id, { headline: 'CTO at Globex' }, hlc(22))));
    const last = (await alerts(h, a, `?since=${cursor}`)).alerts as Alert[];
    expect(last.map((x) => x.detail)).toEqual([{ headline: { from: 'VP Engineering at Globex', to: 'CTO at Globex' } }]);
  });

  it('pages alerts with since and limit', async () => {
    const { a, b, p } = await team();
    for (let i = 0; i < 5; i++) {
      const person = newPerson(30 + i, `p-${i}`, `Person ${i}`);
      await h.pushOk(a, batch(person, entry(p.id, person.id, A, 'sourced', 31 + i)));
      await h.pushOk(b, batch(entry(p.id, person.id, B, 'sourced', 40 + i)));
    }
    const seen: string[] = [];
    let since = 0;
    for (let page = 0; page < 10; page++) {
      const got = await alerts(h, a, `?since=${since}&limit=2`);
      seen.push(...got.alerts.map((x) => x.personName));
      since = got.cursor;
      if (!got.hasMore) break;
    }
    expect(seen).toEqual(['Person 0', 'Person 1', 'Person 2', 'Person 3', 'Person 4']);
    expect((await h.request('/v1/alerts?limit=0', { token: a })).status).toBe(400);
  });

  it('erases alerts about a forgotten person', async () => {
    const { a, b, p, jane } = await team();
    await h.pushOk(b, batch(entry(p.id, jane.id, B, 'contacted', 10)));
    expect((await alerts(h, a)).alerts).toHaveLength(1);
    const erase = Object.fromEntries(Object.keys(personFields()).map((k) => [k, null]));
    await h.pushOk(b, batch(mutation('person', jane.id, { ...erase, deleted: true }, hlc(11))));
    expect((await alerts(h, a)).alerts).toEqual([]);
    const rows = await h.store.db.selectFrom('alerts').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('Jane');
  });

  it('prunes old mutation ids safely: a replay after pruning changes nothing and alerts no one', async () => {
    const { a, b, p, jane } = await team();
    const move = entry(p.id, jane.id, B, 'contacted', 10);
    const edit = mutation('person', jane.id, { headline: 'Staff Engineer' }, hlc(11));
    await h.pushOk(b, batch(move, edit));
    await h.pushOk(a, batch(mutation('person', jane.id, { headline: 'Principal Engineer' }, hlc(12))));
    const pulled = await h.pull(a);
    const alertCount = (await h.store.db.selectFrom('alerts').selectAll().execute()).length;

    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await prune(h.store.db, later)).toEqual({ mutationIds: 6, alerts: 0 });
    expect(await h.store.db.selectFrom('applied_mutations').selectAll().execute()).toEqual([]);
    // The client never heard back and retries the old batch a month later.
    expect(await h.pushOk(b, batch(move, edit))).toEqual({ applied: 2, duplicates: 0, seq: pulled.cursor });
    expect(await h.pull(a)).toEqual(pulled);
    expect((await h.store.db.selectFrom('alerts').selectAll().execute()).length).toBe(alertCount);
    expect((await prune(h.store.db, new Date(Date.now() + 91 * 86_400_000))).alerts).toBe(alertCount);
  });
});
