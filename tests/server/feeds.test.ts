import { mkdtempSync, rmSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulidx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed, DEFAULT_FETCH_POLICY, FetchError, isPrivateAddress } from '../../server/intel/fetch';
import { ingestFeed } from '../../server/intel/ingest';
import { pollTeamFeeds } from '../../server/intel/poller';
import { startServer } from '../../server/main';
import { addFeed } from '../../server/store/feeds';
import { findTeam } from '../../server/store/teams';
import { createToken } from '../../server/store/tokens';
import { IntelItem } from '../../utils/schema';
import { FeedServer } from './support/feed-server';
import { useHarness, type Harness } from './support/harness';
import { batch, hlc, mutation, personFields } from './support/records';
import { STORE_KINDS } from './support/stores';
import { hasSharedFixtures, ownFixture, sharedFixture } from '../support/shared-fixtures';

type Json = Record<string, unknown>;
interface Served extends IntelItem {
  amount?: string;
  round?: string;
}

const feeds = new FeedServer();
beforeAll(() => feeds.start());
afterAll(() => feeds.stop());

async function intel(h: Harness, token: string, query: string): Promise<Served[]> {
  const res = await h.request(`/v1/intel?${query}`, { token });
  expect(res.status).toBe(200);
  const { items } = (await res.json()) as { items: Served[] };
  // What the server sends stays valid for the extension's current IntelItem schema.
  for (const item of items) expect(IntelItem.safeParse(item).success, JSON.stringify(item)).toBe(true);
  return items;
}

/** A team that tracks some companies: one company record with a website, people at others, an alias. */
async function trackingTeam(h: Harness): Promise<{ token: string; teamId: string }> {
  const token = await h.tokenFor('acme', 'li.wei@example.com');
  const at = (company: string, slug: string, step: number) => mutation('person', ulid(), { ...personFields(slug, slug), companyName: company }, hlc(step));
  await h.pushOk(token, batch(
    mutation('company', ulid(), { name: 'Acme Robotics', website: 'https://acme-robotics.example', profileKeys: ['linkedin:company/acme-robotics'], createdAt: 1 }, hlc(1)),
    at('LinkedIn', 'a', 2),
    at('Maimai', 'b', 3),
    at('极光机器人有限公司', 'c', 4),
  ));
  const alias = await h.request('/v1/admin/aliases', { token, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ alias: 'initech.example', companyName: 'Initrode' }) });
  expect(alias.status).toBe(201);
  return { token, teamId: (await findTeam(h.store.db, 'acme'))!.id };
}

describe.each(STORE_KINDS)('feed ingestion ($name)', (kind) => {
  const h = useHarness(kind, { feedPolicy: { allowPrivate: true } });

  it('stores stories linked to the team’s companies, with type, amount and round', async () => {
    const { token, teamId } = await trackingTeam(h);
    expect(await ingestFeed(h.store.db, teamId, ownFixture('feeds/rss-quirks.xml'), { source: '合成氪' })).toEqual({ format: 'rss', items: 5, skipped: 1, added: 4, duplicates: 0, links: 5 });
    expect(await ingestFeed(h.store.db, teamId, ownFixture('feeds/atom.xml'), { source: 'Synthetic Tech Wire' })).toMatchObject({ items: 7, skipped: 1, added: 6 });

    const linkedin = await intel(h, token, 'companyName=LinkedIn');
    expect(linkedin).toEqual([
      expect.objectContaining({ companyName: 'LinkedIn', type: 'funding', amount: '数千万元', round: 'Series A', source: '合成氪', url: 'http://36kr.com/p/9000001.html', publishedAt: '2025-03-04T02:00:00.000Z' }),
    ]);
    expect(linkedin[0]!.summary).toMatch(/^36氪获悉，招聘SaaS公司「云梯智能」宣布完成数千万元A轮融资/);
    // The same item under the Chinese name, and under the validated project-link name nobody tracks yet.
    expect((await intel(h, token, 'companyName=领英')).map((i) => i.id)).toEqual(linkedin.map((i) => i.id));
    expect((await intel(h, token, 'companyName=云梯智能')).map((i) => i.title)).toEqual([linkedin[0]!.title]);
    expect(await intel(h, token, 'companyName=一条')).toEqual([]);
    expect(await intel(h, token, 'companyName=问安')).toEqual([]);
    expect((await intel(h, token, 'companyName=maimai')).map((i) => [i.type, i.title])).toEqual([['layoff', '脉脉宣布裁员10%，优化组织结构']]);
    expect((await intel(h, token, 'companyName=极光机器人')).map((i) => [i.type, i.amount, i.round])).toEqual([['funding', '10亿元', 'Series B2']]);
    expect((await intel(h, token, 'companyKey=linkedin:company/acme-robotics')).map((i) => [i.type, i.title])).toEqual([
      ['funding', 'Acme Robotics raises $20M Series B to scale warehouse robots'],
      ['product', 'Acme Robotics 发布新一代仓储机器人'],
      ['event', 'See you at the Synthetic Robotics Summit 2025'],
    ]);
    expect((await intel(h, token, 'companyName=Initrode')).map((i) => i.type)).toEqual(['leadership']);
    const acme = (await intel(h, token, 'companyName=Acme Robotics'))[0]!;
    expect(acme.url).toBe('https://wire.example/2025/03/acme-series-b');
  });

  it('keeps one story once across feeds: same canonical URL, or same title within days', async () => {
    const { token, teamId } = await trackingTeam(h);
    await ingestFeed(h.store.db, teamId, ownFixture('feeds/rss-quirks.xml'), { source: 'quirks' });
    expect(await ingestFeed(h.store.db, teamId, ownFixture('feeds/rss-mirror.xml'), { source: 'mirror' })).toMatchObject({ items: 4, added: 1, duplicates: 3 });
    expect(await ingestFeed(h.store.db, teamId, ownFixture('feeds/rss-quirks.xml'), { source: 'quirks' })).toMatchObject({ added: 0, duplicates: 4, links: 0 });
    expect((await intel(h, token, 'companyName=Maimai')).map((i) => i.title)).toEqual(['脉脉宣布裁员20%，优化组织结构', '脉脉宣布裁员10%，优化组织结构']);
    const rows = await h.store.db.selectFrom('intel_items').select('title').where('team_id', '=', teamId).execute();
    expect(rows).toHaveLength(5);
  });

  it('polls feeds over HTTP: conditional requests, gzip, redirects, and failures recorded', async () => {
    const { token, teamId } = await trackingTeam(h);
    const tag = ulid();
    feeds.routes.set(`/${tag}/quirks.xml`, { body: ownFixture('feeds/rss-quirks.xml'), etag: '"v1"' });
    feeds.routes.set(`/${tag}/atom.xml`, { body: ownFixture('feeds/atom.xml'), gzip: true, type: 'application/atom+xml' });
    feeds.routes.set(`/${tag}/moved`, { body: '', location: `/${tag}/atom.xml` });
    feeds.routes.set(`/${tag}/broken`, { body: 'oops', status: 500 });
    feeds.routes.set(`/${tag}/page.html`, { body: '<!doctype html><html><body><p>Not a feed</p></body></html>', type: 'text/html' });
    const add = async (path: string, name: string) => {
      const res = await h.request('/v1/admin/feeds', { token, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${feeds.url}${path}`, name }) });
      expect(res.status).toBe(201);
    };
    await add(`/${tag}/quirks.xml`, '合成氪');
    await add(`/${tag}/moved`, 'Wire');
    await add(`/${tag}/broken`, 'Broken');
    await add(`/${tag}/page.html`, 'Page');

    const first = await pollTeamFeeds(h.store.db, teamId, { policy: { allowPrivate: true } });
    expect(first.map((o) => [o.name, o.ok, o.added])).toEqual([
      ['合成氪', true, 4],
      ['Wire', true, 6],
      ['Broken', false, undefined],
      ['Page', false, undefined],
    ]);
    expect(first[2]!.error).toBe('HTTP 500');
    expect(first[3]!.error).toBe('the answer is not an RSS or Atom feed');
    const second = await pollTeamFeeds(h.store.db, teamId, { policy: { allowPrivate: true } });
    expect(second[0]).toMatchObject({ ok: true, notModified: true, added: 0 });
    expect(second[1]).toMatchObject({ ok: true, added: 0, duplicates: 6 });
    expect(feeds.hits.filter((x) => x.path === `/${tag}/quirks.xml`).map((x) => x.ifNoneMatch)).toEqual([undefined, '"v1"']);

    const listed = (await (await h.request('/v1/admin/feeds', { token })).json()) as { feeds: Json[] };
    expect(listed.feeds.map((f) => [f.name, f.lastError, f.lastAdded])).toEqual([
      ['合成氪', null, 0],
      ['Wire', null, 0],
      ['Broken', 'HTTP 500', 0],
      ['Page', 'the answer is not an RSS or Atom feed', 0],
    ]);
    expect(listed.feeds[0]!.lastSuccessAt).not.toBeNull();
    expect((await intel(h, token, 'companyName=LinkedIn')).map((i) => i.source)).toEqual(['合成氪']);
  });
});

describe('fetching feeds safely', () => {
  it('refuses loopback and private addresses, also behind DNS and redirects, unless allowed', async () => {
    feeds.routes.set('/safe/atom.xml', { body: ownFixture('feeds/atom.xml') });
    const policy = { ...DEFAULT_FETCH_POLICY, allowPrivate: false };
    await expect(fetchFeed(`${feeds.url}/safe/atom.xml`, policy)).rejects.toThrow(FetchError);
    await expect(fetchFeed(`${feeds.url.replace('127.0.0.1', 'localhost')}/safe/atom.xml`, policy)).rejects.toThrow(/private/);
    const ok = await fetchFeed(`${feeds.url}/safe/atom.xml`, { ...policy, allowPrivate: true });
    expect(ok.status).toBe(200);
    // A host name that resolves to a private address is refused after DNS.
    const name = hostname();
    const resolved = await lookup(name).catch(() => undefined);
    if (resolved && isPrivateAddress(resolved.address)) {
      await expect(fetchFeed(`http://${name}:${new URL(feeds.url).port}/safe/atom.xml`, policy)).rejects.toThrow(/private address/);
    }
  });

  it('caps the body and the number of redirects', async () => {
    feeds.routes.set('/big', { body: Buffer.alloc(64 * 1024, 'a') });
    feeds.routes.set('/loop', { body: '', location: '/loop' });
    const policy = { ...DEFAULT_FETCH_POLICY, allowPrivate: true, maxBytes: 16 * 1024 };
    await expect(fetchFeed(`${feeds.url}/big`, policy)).rejects.toThrow(/larger than/);
    await expect(fetchFeed(`${feeds.url}/loop`, policy)).rejects.toThrow(/redirects/);
  });
});

describe.skipIf(!hasSharedFixtures).each(STORE_KINDS)('the real 36Kr feeds, ingested ($name)', (kind) => {
  const h = useHarness(kind);

  it('stores all three once, links them to the team’s companies, and survives the malformed one', async () => {
    const token = await h.tokenFor('acme', 'li.wei@example.com');
    const people = ['美团', 'Amazon', 'Google', '乐视', 'Apple'].map((company, i) => mutation('person', ulid(), { ...personFields(`p${i}`, `P ${i}`), companyName: company }, hlc(i + 1)));
    await h.pushOk(token, batch(...people));
    const teamId = (await findTeam(h.store.db, 'acme'))!.id;
    const files = ['tinyxml2__WuCoding/36kr.xml', 'index.html__zhouqun197746/rss/36kr.xml', '36kr-user-feed__tomdhyang-byte/docs/feed.xml'];
    const results = [];
    for (const f of files) results.push(await ingestFeed(h.store.db, teamId, sharedFixture(f), { source: '36氪' }));
    expect(results.map((r) => [r.items, r.added, r.skipped])).toEqual([
      [100, 100, 0],
      [30, 30, 0],
      [2, 2, 0],
    ]);
    for (const f of files) expect((await ingestFeed(h.store.db, teamId, sharedFixture(f), { source: '36氪' })).added).toBe(0);

    const meituan = await intel(h, token, 'companyName=美团');
    expect(meituan.map((i) => i.title)).toContain('被美团收购支付牌照的幕后故事：在“被毁灭”与“被吞并”之间二选一');
    expect(meituan.every((i) => !i.url.includes('ktm_source'))).toBe(true);
    const amazon = await intel(h, token, 'companyName=Amazon');
    expect(amazon.map((i) => i.title)).toContain('亚马逊和谷歌的广告战争，开始打到云上了');
    expect(amazon[0]!.summary).not.toMatch(/CDATA|&lt;/);
    expect((await intel(h, token, 'companyName=谷歌')).length).toBeGreaterThanOrEqual(2);
    expect((await intel(h, token, 'companyName=乐视')).map((i) => i.title)).toEqual(expect.arrayContaining(['乐视宣告与国安正式分手：赞助费已付，国安寻找新买家']));
  });
});

describe('the serve process polls on its schedule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scoutbook-poll-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fetches a feed added through the API without being asked, and stops with the server', async () => {
    feeds.routes.set('/scheduled/atom.xml', { body: ownFixture('feeds/atom.xml') });
    const logs: string[] = [];
    const server = await startServer({ db: join(dir, 'poll.sqlite'), port: 0, poll: { intervalMs: 100 }, feedPolicy: { allowPrivate: true }, log: (l) => logs.push(l) });
    try {
      const { token } = await createToken(server.store.db, 'acme', 'li.wei@example.com');
      const teamId = (await findTeam(server.store.db, 'acme'))!.id;
      await server.store.db.insertInto('records').values({ team_id: teamId, entity: 'company', id: ulid(), seq: 1, data: JSON.stringify({ name: 'Globex' }), clocks: '{}', deleted: 0, person_id: null, company_name: 'Globex', company_key: null }).execute();
      await addFeed(server.store.db, teamId, `${feeds.url}/scheduled/atom.xml`, 'Wire');
      let items: unknown[] = [];
      for (let i = 0; i < 60 && items.length < 2; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const res = await fetch(`${server.url}/v1/intel?companyName=Globex`, { headers: { authorization: `Bearer ${token}` } });
        items = ((await res.json()) as { items: unknown[] }).items;
      }
      expect(items).toHaveLength(2);
      const polled = logs.map((l) => JSON.parse(l) as Json).filter((l) => l.msg === 'feed polled');
      expect(polled[0]).toMatchObject({ team: teamId, ok: true, added: 6 });
      expect(logs.join('\n')).not.toContain(feeds.url);
    } finally {
      await server.close();
    }
    // A request sent just before close() may reach the feed server (in this process) a little
    // later on a loaded machine: count from after that, then make sure no new poll starts.
    await new Promise((r) => setTimeout(r, 300));
    const hits = feeds.hits.filter((x) => x.path === '/scheduled/atom.xml').length;
    await new Promise((r) => setTimeout(r, 500));
    expect(feeds.hits.filter((x) => x.path === '/scheduled/atom.xml').length).toBe(hits);
  });
});
