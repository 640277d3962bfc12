import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness';
import { batch, newPerson } from './support/records';
import { STORE_KINDS } from './support/stores';

describe.each(STORE_KINDS)('HTTP surface ($name)', (kind) => {
  const h = useHarness(kind);

  function preflight(origin: string): Promise<Response> {
    return h.request('/v1/sync/push', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
  }

  it('allows extension origins on a preflight', async () => {
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0f4a1c2e-3b5d-4e6f-8a9b-0c1d2e3f4a5b']) {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    }
  });

  it('gives other origins no Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example', 'chrome-extension://abc.evil.example', 'null']) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
    const token = await h.tokenFor('acme');
    const res = await h.request('/v1/sync/pull', { token, headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("answers the extension's pushes and pulls with its origin, and says every answer varies by Origin", async () => {
    const origin = 'moz-extension://0f4a1c2e-3b5d-4e6f-8a9b-0c1d2e3f4a5b';
    const token = await h.tokenFor('acme');
    const push = await h.request('/v1/sync/push', { method: 'POST', token, headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify(batch(newPerson(1))) });
    const pull = await h.request('/v1/sync/pull', { token, headers: { origin } });
    const plain = await h.request('/v1/sync/pull', { token });
    for (const res of [push, pull]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('vary')).toBe('Origin');
    }
    expect((await pull.json()) as { records: unknown[] }).toMatchObject({ records: [expect.objectContaining({ entity: 'person' })] });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Origin');
  });

  it('lets the extension read error responses too', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const res = await h.request('/v1/sync/pull', { headers: { origin } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('documents push, pull and intel in /openapi.json', async () => {
    const res = await h.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; info: { title: string }; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(doc.info.title).toBe('Scoutbook sync API');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/v1/sync/push', '/v1/sync/pull', '/v1/intel']));
    expect(doc.paths['/v1/sync/push']).toHaveProperty('post');
    expect(doc.paths['/v1/sync/pull']).toHaveProperty('get');
  });

  it('serves a self-contained docs page for /openapi.json, with a strict CSP', async () => {
    const res = await h.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await res.text();
    expect(html).toContain("fetch('openapi.json')");
    expect(html).not.toMatch(/<script[^>]+src=|innerHTML/);
    const { createHash } = await import('node:crypto');
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  });

  it('documents every route with its errors, and lists the admin, ownership and alert routes', async () => {
    const doc = (await (await h.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/health',
      '/v1/admin/aliases',
      '/v1/admin/aliases/{id}',
      '/v1/admin/feeds',
      '/v1/admin/feeds/{id}',
      '/v1/admin/tokens',
      '/v1/admin/tokens/{id}',
      '/v1/admin/users',
      '/v1/admin/users/{email}',
      '/v1/alerts',
      '/v1/intel',
      '/v1/me',
      '/v1/owners',
      '/v1/sync/pull',
      '/v1/sync/push',
    ]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (path === '/health') continue;
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '429']));
        if (path.startsWith('/v1/admin')) expect(Object.keys(op.responses), `${method} ${path}`).toContain('403');
      }
    }
  });

  it('answers /health with 503 when the database does not', async () => {
    await h.store.db.destroy();
    const res = await h.request('/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, error: 'database unavailable' });
  });

  it('allows the admin methods on a preflight from the extension', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const res = await h.request('/v1/admin/tokens/x', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'DELETE' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  it('answers unknown routes with JSON 404', async () => {
    const res = await h.request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /nope' } });
  });

  it('answers a non-JSON body with 415', async () => {
    const token = await h.tokenFor('acme');
    const res = await h.request('/v1/sync/push', { token, method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
  });

  it('answers unexpected failures with a bare 500 and logs no secrets', async () => {
    const token = await h.tokenFor('acme');
    const secretNote = 'confidential remark about the candidate';
    const person = newPerson(1);
    const note = { ...newPerson(2), entity: 'note' as const, fields: { personId: person.id, body: secretNote, createdAt: 1 } };
    // A table gone missing mid-push stands in for any database failure.
    await h.store.db.schema.alterTable('applied_mutations').renameTo('applied_mutations_away').execute();
    let res: Response;
    try {
      res = await h.push(token, batch(person, note));
    } finally {
      await h.store.db.schema.alterTable('applied_mutations_away').renameTo('applied_mutations').execute();
    }
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'internal server error' } });
    const lines = h.logged.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'unhandled error', method: 'POST', route: '/v1/sync/push' });
    expect(lines[0]!.error).toContain('applied_mutations');
    expect(lines[1]).toMatchObject({ level: 'info', msg: 'request', method: 'POST', route: '/v1/sync/push', status: 500 });
    expect(h.logged.join('\n')).not.toContain(token);
    expect(h.logged.join('\n')).not.toContain(secretNote);
  });
});
