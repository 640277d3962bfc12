import { ulid } from 'ulidx';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../server/app';
import { RateLimiter } from '../../server/rate-limit';
import { addAlias } from '../../server/store/aliases';
import { addFeed } from '../../server/store/feeds';
import { importIntel } from '../../server/store/intel';
import { createToken } from '../../server/store/tokens';
import { useHarness, type Harness } from './support/harness';
import { batch, hlc, mutation, newPerson } from './support/records';
import { STORE_KINDS } from './support/stores';

type Json = Record<string, unknown>;
interface Doc {
  paths: Record<string, Record<string, { requestBody?: unknown; security?: unknown[] }>>;
}

async function openapi(h: Harness): Promise<{ method: string; path: string; hasBody: boolean; secured: boolean }[]> {
  const doc = (await (await h.request('/openapi.json')).json()) as Doc;
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, hasBody: op.requestBody !== undefined, secured: (op.security ?? []).length > 0 })),
  );
}

/** Team B: everything a probe from team A could try to read or change, with recognisable markers. */
async function teamB(h: Harness) {
  const bAdmin = await createToken(h.store.db, 'team-b', 'zz-b-admin@b.example');
  const bMember = await createToken(h.store.db, 'team-b', 'zz-b-member@b.example');
  const teamId = (await h.store.db.selectFrom('teams').select('id').where('name', '=', 'team-b').executeTakeFirstOrThrow()).id;
  const pipelineId = ulid();
  const person = newPerson(1, 'zz-b-person', 'ZZ B Person');
  const note = 'zz-b-note text about the candidate';
  await h.pushOk(bAdmin.token, batch(
    mutation('pipeline', pipelineId, { name: 'ZZ B Pipeline', kind: 'sales', createdAt: 1, stages: [{ id: 'target', name: 'ZZ B Stage' }] }, hlc(1)),
    person,
    mutation('entry', ulid(), { pipelineId, personId: person.id, stageId: 'target', ownerId: 'zz-b-admin@b.example', createdAt: 1 }, hlc(2)),
    mutation('note', ulid(), { personId: person.id, body: note, createdAt: 1 }, hlc(3)),
    mutation('company', ulid(), { name: 'ZZ B Company', profileKeys: ['linkedin:company/zz-b-company'], createdAt: 1 }, hlc(4)),
  ));
  // An alert for B's admin, raised by B's member.
  await h.pushOk(bMember.token, batch(mutation('entry', ulid(), { pipelineId, personId: person.id, stageId: 'target', ownerId: 'zz-b-member@b.example', createdAt: 1 }, hlc(5))));
  const feed = (await addFeed(h.store.db, teamId, 'https://zz-b-feed.example/rss', 'ZZ B Feed'))!;
  const alias = (await addAlias(h.store.db, teamId, 'zz-b-alias', 'ZZ B Company'))!;
  await importIntel(h.store.db, teamId, [
    { companyName: 'ZZ B Company', companyKey: 'linkedin:company/zz-b-company', type: 'funding', title: 'ZZ B intel title', url: 'https://news.example/zz-b', publishedAt: '2025-01-01T00:00:00Z' },
  ]);
  const markers = ['zz-b', 'ZZ B', bAdmin.id, bMember.id, feed.id, alias.id, person.id, pipelineId, teamId, note, bAdmin.token, bMember.token];
  return { teamId, bAdmin, bMember, person, feed, alias, markers };
}

/** Every row team B has, as text; tokens without their last-use time, which B's own pushes move. */
async function snapshotB(h: Harness, teamId: string): Promise<string> {
  const tables = ['users', 'records', 'record_keys', 'applied_mutations', 'alerts', 'intel_items', 'intel_links', 'feeds', 'company_aliases', 'project_links'] as const;
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = await h.store.db.selectFrom(t).selectAll().where('team_id', '=', teamId).orderBy('team_id').execute();
  out.tokens = (await h.store.db.selectFrom('tokens').select(['id', 'user_id', 'token_hash', 'revoked_at']).where('team_id', '=', teamId).orderBy('id').execute());
  out.team = await h.store.db.selectFrom('teams').selectAll().where('id', '=', teamId).execute();
  return JSON.stringify(out);
}

interface Probe {
  path: string;
  body?: unknown;
  /** Statuses that prove the refusal (or, for reads and team-scoped writes, 200 without B's data). */
  allowed: number[];
  /** Parts of the request echoed in the answer, which are not B's data. */
  echo?: string[];
}

describe.each(STORE_KINDS)('security ($name)', (kind) => {
  const h = useHarness(kind);

  it('never lets a token of team A read or write team B, on every route of the OpenAPI document', async () => {
    const b = await teamB(h);
    const a = await h.tokenFor('team-a', 'a-admin@a.example');
    const before = await snapshotB(h, b.teamId);

    const probes: Record<string, Probe> = {
      'GET /health': { path: '/health', allowed: [200] },
      'POST /v1/sync/push': {
        path: '/v1/sync/push',
        body: batch(mutation('person', b.person.id, { headline: 'overwritten by A' }, hlc(50)), mutation('note', ulid(), { personId: b.person.id, body: 'from A', createdAt: 1 }, hlc(51))),
        allowed: [200, 400],
        echo: [b.person.id],
      },
      'GET /v1/sync/pull': { path: '/v1/sync/pull?cursor=0&limit=1000', allowed: [200] },
      'GET /v1/intel': { path: '/v1/intel?companyKey=linkedin:company/zz-b-company&companyName=ZZ%20B%20Company', allowed: [200] },
      'GET /v1/me': { path: '/v1/me', allowed: [200] },
      'GET /v1/owners': { path: '/v1/owners?keys=linkedin:in/zz-b-person', allowed: [200], echo: ['linkedin:in/zz-b-person'] },
      'GET /v1/alerts': { path: '/v1/alerts?since=0', allowed: [200] },
      'GET /v1/admin/users': { path: '/v1/admin/users', allowed: [200] },
      'PATCH /v1/admin/users/{email}': { path: '/v1/admin/users/zz-b-member@b.example', body: { role: 'admin' }, allowed: [404], echo: ['zz-b-member@b.example'] },
      'GET /v1/admin/tokens': { path: '/v1/admin/tokens', allowed: [200] },
      'POST /v1/admin/tokens': { path: '/v1/admin/tokens', body: { email: 'zz-b-member@b.example', role: 'admin' }, allowed: [201], echo: ['zz-b-member@b.example'] },
      'DELETE /v1/admin/tokens/{id}': { path: `/v1/admin/tokens/${b.bMember.id}`, allowed: [404], echo: [b.bMember.id] },
      'GET /v1/admin/feeds': { path: '/v1/admin/feeds', allowed: [200] },
      'POST /v1/admin/feeds': { path: '/v1/admin/feeds', body: { url: 'https://zz-b-feed.example/rss', name: 'mine' }, allowed: [201], echo: ['zz-b-feed.example'] },
      'DELETE /v1/admin/feeds/{id}': { path: `/v1/admin/feeds/${b.feed.id}`, allowed: [404], echo: [b.feed.id] },
      'GET /v1/admin/aliases': { path: '/v1/admin/aliases', allowed: [200] },
      // The alias B uses is free in A: 201, not a 409 that would reveal B has it.
      'POST /v1/admin/aliases': { path: '/v1/admin/aliases', body: { alias: 'zz-b-alias', companyName: 'Mine' }, allowed: [201], echo: ['zz-b-alias'] },
      'DELETE /v1/admin/aliases/{id}': { path: `/v1/admin/aliases/${b.alias.id}`, allowed: [404], echo: [b.alias.id] },
    };

    const ops = await openapi(h);
    const unprobed = ops.map((o) => `${o.method} ${o.path}`).filter((k) => !probes[k]);
    expect(unprobed, 'every route needs a cross-team probe here').toEqual([]);
    for (const op of ops) {
      const probe = probes[`${op.method} ${op.path}`]!;
      const res = await h.request(probe.path, {
        token: a,
        method: op.method,
        ...(probe.body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(probe.body) }),
      });
      let text = await res.text();
      expect(probe.allowed, `${op.method} ${op.path} answered ${res.status}: ${text}`).toContain(res.status);
      for (const e of probe.echo ?? []) text = text.split(e).join('');
      for (const m of b.markers) expect(text, `${op.method} ${op.path} leaked ${m}`).not.toContain(m);
    }
    expect(await snapshotB(h, b.teamId)).toBe(before);
    // B's tokens still work and still act for B.
    expect(await (await h.request('/v1/me', { token: b.bMember.token })).json()).toEqual({ team: 'team-b', user: { email: 'zz-b-member@b.example', role: 'member' } });
  });

  it('answers every request body that breaks its schema with 400 and a message', async () => {
    const a = await h.tokenFor('team-a', 'a-admin@a.example');
    const ops = (await openapi(h)).filter((o) => o.hasBody);
    expect(ops.length).toBeGreaterThanOrEqual(5);
    for (const op of ops) {
      const path = op.path.replace('{email}', 'a-admin@a.example').replace('{id}', ulid());
      for (const body of ['{"unexpected": [1, 2]}', '[]', '{"email": 42, "url": "javascript:alert(1)", "mutations": "x"}']) {
        const res = await h.request(path, { token: a, method: op.method, headers: { 'content-type': 'application/json' }, body });
        const json = (await res.json()) as { error: { code: string; message: string } };
        expect(res.status, `${op.method} ${op.path} with ${body}`).toBe(400);
        expect(json.error.code).toBe('invalid_request');
        expect(json.error.message.length).toBeGreaterThan(5);
      }
      const broken = await h.request(path, { token: a, method: op.method, headers: { 'content-type': 'application/json' }, body: '{"oops":' });
      expect(broken.status).toBe(400);
      expect(((await broken.json()) as Json).error).toMatchObject({ code: 'invalid_json' });
    }
  });

  it('refuses a body over the size limit with 413 before reading it', async () => {
    const a = await h.tokenFor('team-a', 'a-admin@a.example');
    const huge = JSON.stringify({ clientId: 'x', mutations: [], pad: 'x'.repeat(MAX_BODY_BYTES) });
    for (const path of ['/v1/sync/push', '/v1/admin/feeds']) {
      const res = await h.request(path, { token: a, method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
      expect(res.status).toBe(413);
      expect(((await res.json()) as Json).error).toMatchObject({ code: 'payload_too_large' });
    }
  });

  it('logs one JSON line per request with the route pattern, and no token, id or note text', async () => {
    const a = await h.tokenFor('team-a', 'a-admin@a.example');
    const note = 'private remark: she wants to leave Globex';
    const person = newPerson(1);
    await h.pushOk(a, batch(person, mutation('note', ulid(), { personId: person.id, body: note, createdAt: 1 }, hlc(2))));
    const created = (await (await h.request('/v1/admin/tokens', { token: a, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@a.example' }) })).json()) as Json;
    await h.request(`/v1/admin/tokens/${created.id as string}`, { token: a, method: 'DELETE' });
    await h.request('/v1/sync/push', { token: a, method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"bad": "${note}"` });
    await h.request('/v1/sync/push', { token: a, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: note, mutations: [] }) });
    await h.request('/v1/sync/pull', { token: `${a.slice(0, -2)}zz` });
    await h.request(`/v1/owners?keys=linkedin:in/${person.id}`, { token: a });
    await h.request('/nope?token=' + a);

    const log = h.logged.join('\n');
    for (const secret of [a, a.slice(3), created.token as string, note, 'Globex', person.id]) expect(log).not.toContain(secret);
    const lines = h.logs();
    const requests = lines.filter((l) => l.msg === 'request');
    // Besides requests, admin actions are audited by token id (not secret: admins list them).
    expect(lines.filter((l) => l.msg !== 'request').map((l) => [l.msg, l.tokenId])).toEqual([
      ['token created', created.id],
      ['token revoked', created.id],
    ]);
    for (const l of requests) expect(Object.keys(l).sort()).toEqual(['level', 'method', 'ms', 'msg', 'route', 'status', 'team', 'time']);
    expect(requests.map((l) => [l.method, l.route, l.status])).toEqual([
      ['POST', '/v1/sync/push', 200],
      ['POST', '/v1/admin/tokens', 201],
      ['DELETE', '/v1/admin/tokens/:id', 200],
      ['POST', '/v1/sync/push', 400],
      ['POST', '/v1/sync/push', 400],
      ['GET', '/v1/sync/pull', 401],
      ['GET', '/v1/owners', 200],
      ['GET', null, 404],
    ]);
    const teamA = (await h.store.db.selectFrom('teams').select('id').where('name', '=', 'team-a').executeTakeFirstOrThrow()).id;
    expect(requests[0]!.team).toBe(teamA);
    expect(requests[5]!.team).toBeNull();
  });
});

describe.each(STORE_KINDS)('rate limiting ($name)', (kind) => {
  let clock = 0;
  const h = useHarness(kind, { rateLimit: new RateLimiter({ perSecond: 20, burst: 3 }, () => clock) });

  it('answers 429 with Retry-After once a token spends its burst, per token, and refills', async () => {
    const a = await h.tokenFor('acme', 'a@example.com');
    const b = await h.tokenFor('acme', 'b@example.com');
    for (let i = 0; i < 3; i++) expect((await h.request('/v1/me', { token: a })).status).toBe(200);
    const limited = await h.request('/v1/me', { token: a });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(((await limited.json()) as Json).error).toMatchObject({ code: 'rate_limited' });
    expect((await h.request('/v1/me', { token: b })).status).toBe(200);
    clock += 60;
    expect((await h.request('/v1/me', { token: a })).status).toBe(200);
    expect((await h.request('/v1/me', { token: a })).status).toBe(429);
  });
});

describe('token bucket', () => {
  it('refills at its rate up to its burst, and reports the wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 4 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('t'))).toEqual([0, 0, 0, 0]);
    expect(limiter.take('t')).toBeCloseTo(0.5);
    now += 500;
    expect(limiter.take('t')).toBe(0);
    now += 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take('t'))).toEqual([0, 0, 0, 0]);
    expect(limiter.take('t')).toBeGreaterThan(0);
    expect(limiter.take('other')).toBe(0);
  });
});
