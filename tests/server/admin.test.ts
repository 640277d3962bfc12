import { describe, expect, it } from 'vitest';
import { useHarness, type Harness } from './support/harness';
import { STORE_KINDS } from './support/stores';

type Json = Record<string, unknown>;

async function call(h: Harness, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await h.request(path, {
    token,
    method,
    ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

describe.each(STORE_KINDS)('team administration ($name)', (kind) => {
  const h = useHarness(kind);

  it('makes the first user of a team its admin and later ones members', async () => {
    const admin = await h.tokenFor('acme', 'Li.Wei@Example.com');
    const member = await h.tokenFor('acme', 'ada@example.com');
    expect((await call(h, admin, 'GET', '/v1/me')).json).toEqual({ team: 'acme', user: { email: 'li.wei@example.com', role: 'admin' } });
    expect((await call(h, member, 'GET', '/v1/me')).json).toEqual({ team: 'acme', user: { email: 'ada@example.com', role: 'member' } });
  });

  it('lists the users and tokens of the caller’s team only, without secrets', async () => {
    const admin = await h.tokenFor('acme', 'li.wei@example.com');
    await h.tokenFor('acme', 'ada@example.com');
    await h.tokenFor('globex', 'eve@globex.example');
    const users = await call(h, admin, 'GET', '/v1/admin/users');
    expect(users.status).toBe(200);
    expect((users.json.users as Json[]).map((u) => [u.email, u.role, u.activeTokens])).toEqual([
      ['ada@example.com', 'member', 1],
      ['li.wei@example.com', 'admin', 1],
    ]);
    const tokens = await call(h, admin, 'GET', '/v1/admin/tokens');
    expect((tokens.json.tokens as Json[]).map((t) => t.email).sort()).toEqual(['ada@example.com', 'li.wei@example.com']);
    expect(JSON.stringify(tokens.json)).not.toMatch(/sb_|token_hash|globex/);
  });

  it('creates a token for a new user (a member), which works at once and is shown once', async () => {
    const admin = await h.tokenFor('acme', 'li.wei@example.com');
    const created = await call(h, admin, 'POST', '/v1/admin/tokens', { email: 'New.Hire@Example.com' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email: 'new.hire@example.com', role: 'member', userCreated: true });
    const token = created.json.token as string;
    expect(token).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);
    expect((await call(h, token, 'GET', '/v1/me')).json).toEqual({ team: 'acme', user: { email: 'new.hire@example.com', role: 'member' } });
    const listed = await call(h, admin, 'GET', '/v1/admin/tokens');
    expect(JSON.stringify(listed.json)).not.toContain(token);
    // A second token for the same user keeps one user.
    const again = await call(h, admin, 'POST', '/v1/admin/tokens', { email: 'new.hire@example.com' });
    expect(again.json).toMatchObject({ userCreated: false, role: 'member' });
  });

  it('revokes a token of the team: it stops working, and its last use stays recorded', async () => {
    const admin = await h.tokenFor('acme', 'li.wei@example.com');
    const created = await call(h, admin, 'POST', '/v1/admin/tokens', { email: 'ada@example.com' });
    const token = created.json.token as string;
    expect((await call(h, token, 'GET', '/v1/sync/pull')).status).toBe(200);
    const revoked = await call(h, admin, 'DELETE', `/v1/admin/tokens/${created.json.id as string}`);
    expect(revoked).toEqual({ status: 200, json: { id: created.json.id, revoked: true } });
    expect((await call(h, token, 'GET', '/v1/me')).status).toBe(401);
    const row = (await call(h, admin, 'GET', '/v1/admin/tokens')).json.tokens as Json[];
    expect(row.find((t) => t.id === created.json.id)).toMatchObject({ lastUsedAt: h.now.toISOString(), revokedAt: h.now.toISOString() });
    expect((await call(h, admin, 'DELETE', `/v1/admin/tokens/${created.json.id as string}`)).status).toBe(404);
  });

  it('changes roles, and keeps at least one admin', async () => {
    const admin = await h.tokenFor('acme', 'li.wei@example.com');
    const member = await h.tokenFor('acme', 'ada@example.com');
    expect((await call(h, admin, 'PATCH', '/v1/admin/users/li.wei@example.com', { role: 'member' })).status).toBe(409);
    expect((await call(h, admin, 'PATCH', `/v1/admin/users/${encodeURIComponent('ADA@example.com')}`, { role: 'admin' })).json).toEqual({
      email: 'ada@example.com',
      role: 'admin',
    });
    // The role is read on every request: ada is admin at once, li.wei can step down now.
    expect((await call(h, member, 'GET', '/v1/admin/users')).status).toBe(200);
    expect((await call(h, admin, 'PATCH', '/v1/admin/users/li.wei@example.com', { role: 'member' })).status).toBe(200);
    expect((await call(h, admin, 'GET', '/v1/admin/users')).status).toBe(403);
    expect((await call(h, member, 'PATCH', '/v1/admin/users/nobody@example.com', { role: 'member' })).status).toBe(404);
    expect((await call(h, member, 'PATCH', '/v1/admin/users/ada@example.com', { role: 'owner' })).status).toBe(400);
  });

  it('refuses members with 403 on every admin route of the OpenAPI document', async () => {
    await h.tokenFor('acme', 'li.wei@example.com');
    const member = await h.tokenFor('acme', 'ada@example.com');
    const doc = (await (await h.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const adminOps = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/admin/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    expect(adminOps.length).toBeGreaterThanOrEqual(11);
    for (const op of adminOps) {
      const path = op.path.replace(/\{email\}/, 'ada@example.com').replace(/\{id\}/, '01ARZ3NDEKTSV4RRFFQ69G5FAV');
      const res = await call(h, member, op.method, path, op.method === 'GET' || op.method === 'DELETE' ? undefined : {});
      expect(res.status, `${op.method} ${op.path}`).toBe(403);
      expect(res.json).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('manages feeds and aliases', async () => {
    const admin = await h.tokenFor('acme', 'li.wei@example.com');
    const feed = await call(h, admin, 'POST', '/v1/admin/feeds', { url: 'https://36kr.com/feed', name: '36氪' });
    expect(feed.status).toBe(201);
    expect(feed.json).toMatchObject({ url: 'https://36kr.com/feed', name: '36氪', lastPolledAt: null, lastAdded: 0 });
    expect((await call(h, admin, 'POST', '/v1/admin/feeds', { url: 'https://36kr.com/feed', name: 'again' })).status).toBe(409);
    expect((await call(h, admin, 'POST', '/v1/admin/feeds', { url: 'ftp://36kr.com/feed', name: 'x' })).status).toBe(400);
    const local = await call(h, admin, 'POST', '/v1/admin/feeds', { url: 'http://127.0.0.1:9/feed', name: 'x' });
    expect(local.status).toBe(400);
    expect((local.json.error as Json).message).toContain('private');
    expect(((await call(h, admin, 'GET', '/v1/admin/feeds')).json.feeds as Json[]).map((f) => f.name)).toEqual(['36氪']);
    expect((await call(h, admin, 'DELETE', `/v1/admin/feeds/${feed.json.id as string}`)).status).toBe(200);
    expect((await call(h, admin, 'GET', '/v1/admin/feeds')).json.feeds).toEqual([]);

    const alias = await call(h, admin, 'POST', '/v1/admin/aliases', { alias: '字节', companyName: 'ByteDance' });
    expect(alias).toMatchObject({ status: 201, json: { alias: '字节', companyName: 'ByteDance' } });
    expect((await call(h, admin, 'POST', '/v1/admin/aliases', { alias: ' 字节 ', companyName: 'Other' })).status).toBe(409);
    expect(((await call(h, admin, 'GET', '/v1/admin/aliases')).json.aliases as Json[]).map((a) => a.alias)).toEqual(['字节']);
    expect((await call(h, admin, 'DELETE', `/v1/admin/aliases/${alias.json.id as string}`)).status).toBe(200);
    expect((await call(h, admin, 'DELETE', `/v1/admin/aliases/${alias.json.id as string}`)).status).toBe(404);
  });
});
