import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulidx';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/main';
import { createToken } from '../../server/store/tokens';
import { AlertsResponse, MeResponse, OwnersResponse, PushResponse } from '../../utils/sync/protocol';
import { useHarness } from './support/harness';
import { batch, hlc, mutation, newPerson, personFields } from './support/records';
import { STORE_KINDS } from './support/stores';

const LI = 'li.wei@example.com';
const ADA = 'ada@example.com';

function pipeline() {
  return mutation('pipeline', ulid(), { name: 'Referral', kind: 'referral', createdAt: 1, stages: [{ id: 'read', name: 'Read' }, { id: 'interviewed', name: 'Interviewed' }] }, hlc(1));
}

describe.each(STORE_KINDS)('team identity, ownership and alerts as the extension reads them ($name)', (kind) => {
  const h = useHarness(kind);

  it('answers /v1/me, /v1/owners and /v1/alerts in the shapes the extension parses', async () => {
    const li = await h.tokenFor('acme', LI);
    const ada = await h.tokenFor('acme', ADA);
    const me = MeResponse.parse(await (await h.request('/v1/me', { token: ada })).json());
    expect(me).toEqual({ team: 'acme', user: { email: ADA, role: 'member' } });

    const p = pipeline();
    const jane = newPerson(2, 'jane-doe', 'Jane Doe');
    await h.pushOk(li, batch(p, jane, mutation('entry', ulid(), { pipelineId: p.id, personId: jane.id, stageId: 'interviewed', ownerId: LI, createdAt: 2 }, hlc(3))));
    const owners = OwnersResponse.parse(await (await h.request('/v1/owners?keys=linkedin:in/jane-doe', { token: ada })).json());
    expect(owners.owners[0]!.entries).toEqual([expect.objectContaining({ ownerId: LI, pipelineName: 'Referral', stageName: 'Interviewed' })]);

    await h.pushOk(ada, batch(mutation('note', ulid(), { personId: jane.id, body: 'met her at a meetup', createdAt: 4, visibility: 'team' }, hlc(4, 'b'))));
    const alerts = AlertsResponse.parse(await (await h.request('/v1/alerts', { token: li })).json());
    expect(alerts.alerts.map((a) => [a.kind, a.by, a.personName])).toEqual([['note_added', ADA, 'Jane Doe']]);
  });

  it('alerts the owner when a teammate works the same profile saved as a second record', async () => {
    const li = await h.tokenFor('acme', LI);
    const ada = await h.tokenFor('acme', ADA);
    const p = pipeline();
    const jane = newPerson(2, 'jane-doe', 'Jane Doe');
    await h.pushOk(li, batch(p, jane, mutation('entry', ulid(), { pipelineId: p.id, personId: jane.id, stageId: 'read', ownerId: LI, createdAt: 2 }, hlc(3))));

    // Ada never pulled Li's record: she saved Jane again (same LinkedIn key, another id) and put her
    // in the pipeline, in one batch.
    const janeAgain = mutation('person', ulid(), personFields('jane-doe', 'Jane D.'), hlc(5, 'b'));
    const adas = mutation('entry', ulid(), { pipelineId: p.id, personId: janeAgain.id, stageId: 'interviewed', ownerId: ADA, createdAt: 5 }, hlc(6, 'b'));
    await h.pushOk(ada, batch(janeAgain, adas));
    const { alerts } = AlertsResponse.parse(await (await h.request('/v1/alerts', { token: li })).json());
    expect(alerts).toEqual([
      expect.objectContaining({ kind: 'entry_added', by: ADA, personId: janeAgain.id, detail: expect.objectContaining({ pipelineName: 'Referral', stageName: 'Interviewed', ownerId: ADA }) }),
    ]);
    // Another profile key shares nothing: no alert.
    const bob = newPerson(7, 'bob-smith', 'Bob Smith');
    await h.pushOk(ada, batch(bob, mutation('entry', ulid(), { pipelineId: p.id, personId: bob.id, stageId: 'read', ownerId: ADA, createdAt: 7 }, hlc(8, 'b'))));
    expect(AlertsResponse.parse(await (await h.request('/v1/alerts', { token: li })).json()).alerts).toHaveLength(1);
  });
});

describe('the push route served by Node', () => {
  let server: RunningServer | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function serve(): Promise<{ token: string; push: (body: string, type?: string) => Promise<Response> }> {
    dir = mkdtempSync(join(tmpdir(), 'scoutbook-push-'));
    server = await startServer({ db: join(dir, 'db.sqlite'), port: 0, poll: false, rateLimit: false, log: () => {} });
    const { token } = await createToken(server.store.db, 'acme', LI);
    const url = server.url;
    return {
      token,
      push: (body, type = 'application/json') => fetch(`${url}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body }),
    };
  }

  it('reads and checks the body from the Node stream: 200, 400 invalid_json and invalid_request, 415, 413', async () => {
    const { push } = await serve();
    const ok = await push(JSON.stringify(batch(newPerson(1))));
    expect(ok.status).toBe(200);
    expect(PushResponse.parse(await ok.json())).toMatchObject({ applied: 1, duplicates: 0 });

    const cases: [string, string | undefined, number, string][] = [
      ['{"oops":', undefined, 400, 'invalid_json'],
      ['{"clientId":"x","mutations":[]}', undefined, 400, 'invalid_request'],
      ['{}', 'text/plain', 415, 'unsupported_media_type'],
      [JSON.stringify({ clientId: 'x', mutations: [], pad: 'x'.repeat(4 * 1024 * 1024) }), undefined, 413, 'payload_too_large'],
    ];
    for (const [body, type, status, code] of cases) {
      const res = await push(body, type);
      expect(res.status, code).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });

  it('checkpoints the WAL off the event loop: the database file grows while the server writes', async () => {
    const { push } = await serve();
    const file = join(dir!, 'db.sqlite');
    const before = statSync(file).size;
    for (let i = 0; i < 20; i++) {
      const people = Array.from({ length: 50 }, (_, k) => newPerson(i * 50 + k + 1, `p-${i}-${k}`, `Person ${i}.${k}`));
      expect((await push(JSON.stringify(batch(...people)))).status).toBe(200);
    }
    // SQLite's own checkpoints are off on the server's connection; only the worker moves pages into the file.
    await expect.poll(() => statSync(file).size, { timeout: 5000 }).toBeGreaterThan(before + 100_000);
  });
});
