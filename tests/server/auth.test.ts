import { describe, expect, it } from 'vitest';
import { revokeToken } from '../../server/store/tokens';
import { useHarness } from './support/harness';
import { STORE_KINDS } from './support/stores';

describe.each(STORE_KINDS)('auth ($name)', (kind) => {
  const h = useHarness(kind);

  async function expect401(res: Response): Promise<void> {
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unauthorized');
    expect(body.error.message).not.toBe('');
  }

  it('refuses a request without a token', async () => {
    await expect401(await h.request('/v1/sync/pull'));
  });

  it('refuses a wrong token, a token of the wrong shape and a non-bearer scheme', async () => {
    const good = await h.tokenFor('acme');
    const wrong = `sb_${'A'.repeat(43)}`;
    await expect401(await h.request('/v1/sync/pull', { token: wrong }));
    await expect401(await h.request('/v1/sync/pull', { token: good.slice(0, -1) }));
    await expect401(await h.request('/v1/sync/pull', { headers: { authorization: `Basic ${good}` } }));
  });

  it('refuses a revoked token', async () => {
    const token = await h.tokenFor('acme');
    expect((await h.request('/v1/sync/pull', { token })).status).toBe(200);
    const row = await h.store.db.selectFrom('tokens').select('id').executeTakeFirstOrThrow();
    expect(await revokeToken(h.store.db, row.id)).toBe(true);
    await expect401(await h.request('/v1/sync/pull', { token }));
    await expect401(await h.request('/v1/intel?companyName=acme', { token }));
  });

  it('admits a good token and records when it was last used', async () => {
    const token = await h.tokenFor('acme');
    const before = await h.store.db.selectFrom('tokens').select('last_used_at').executeTakeFirstOrThrow();
    expect(before.last_used_at).toBeNull();
    const res = await h.request('/v1/sync/pull', { token });
    expect(res.status).toBe(200);
    const after = await h.store.db.selectFrom('tokens').select('last_used_at').executeTakeFirstOrThrow();
    expect(after.last_used_at).toBe(h.now.toISOString());
  });

  it('stores only a hash of the token', async () => {
    const token = await h.tokenFor('acme');
    expect(token).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);
    const row = await h.store.db.selectFrom('tokens').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token.slice(3));
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves /health without a token', async () => {
    const res = await h.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
