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
    expect(h.logged).toHaveLength(1);
    expect(h.logged[0]).toContain('POST /v1/sync/push');
    expect(h.logged[0]).not.toContain(token);
    expect(h.logged[0]).not.toContain(secretNote);
  });
});
