import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/open';
import { createToken } from '../../server/store/tokens';
import type { PullResponse, PushRequest } from '../../utils/sync/protocol';
import { batch, mutation, hlc, personFields } from './support/records';
import { ulid } from 'ulidx';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'server/cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'scoutbook-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PER_BATCH = 20;
const WORKERS = 4;

function serve(db: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the server in a child process of its
  // own, so SIGKILL would kill the wrapper and leave the server running (and the test would prove nothing).
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--db', db, '--no-poll', '--rate-limit', '0'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((found, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`serve did not start: ${out} ${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        found({ child, url: m[1]!, stderr: () => err });
      }
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${err}`)));
  });
}

/** Batch n: PER_BATCH new people whose headline names the batch. */
function makeBatch(n: number): PushRequest {
  return batch(
    ...Array.from({ length: PER_BATCH }, (_, i) =>
      mutation('person', ulid(), { ...personFields(`b${n}-${i}`, `Batch ${n} person ${i}`), headline: `batch-${n}` }, hlc(n * 100 + i)),
    ),
  );
}

async function pullAll(url: string, token: string): Promise<PullResponse['records']> {
  const records: PullResponse['records'] = [];
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${url}/v1/sync/pull?cursor=${cursor}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await res.json()) as PullResponse;
    records.push(...page.records);
    cursor = page.cursor;
    if (!page.hasMore) return records;
  }
}

describe('crash safety', () => {
  it('after kill -9 under load, every acknowledged batch is whole and no batch is half-applied', async () => {
    const db = join(dir, 'crash.sqlite');
    const store = await openStore(db);
    const { token } = await createToken(store.db, 'acme', 'ada@example.com');
    await store.close();

    const first = await serve(db);
    const batches = new Map<number, PushRequest>();
    const acked = new Set<number>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const n = next++;
        const body = makeBatch(n);
        batches.set(n, body);
        try {
          const res = await fetch(`${first.url}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
          if (res.status === 200) acked.add(n);
          else throw new Error(`push answered ${res.status}: ${await res.text()}`);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const running = Array.from({ length: WORKERS }, worker);
    // Kill in the middle of the load, with pushes in flight.
    while (acked.size < 40) await new Promise((r) => setTimeout(r, 10));
    const exited = new Promise((r) => first.child.once('exit', r));
    killed = true;
    first.child.kill('SIGKILL');
    await Promise.all(running);
    await exited;
    expect(acked.size).toBeGreaterThanOrEqual(40);

    const second = await serve(db);
    try {
      const byBatch = new Map<number, number>();
      for (const r of await pullAll(second.url, token)) {
        const n = Number(/^batch-(\d+)$/.exec(String(r.data.headline))![1]);
        byBatch.set(n, (byBatch.get(n) ?? 0) + 1);
      }
      for (const n of acked) expect(byBatch.get(n), `acknowledged batch ${n}`).toBe(PER_BATCH);
      for (const [n, count] of byBatch) expect(count, `batch ${n} is all or nothing`).toBe(PER_BATCH);
      // The client retries what was never acknowledged: each lands exactly once.
      for (const [n, body] of batches) {
        if (acked.has(n)) continue;
        const res = await fetch(`${second.url}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(res.status).toBe(200);
      }
      const after = await pullAll(second.url, token);
      expect(after).toHaveLength(batches.size * PER_BATCH);
      expect(new Set(after.map((r) => r.seq)).size).toBe(after.length);
    } finally {
      const exited2 = new Promise((r) => second.child.once('exit', r));
      second.child.kill('SIGTERM');
      await exited2;
    }
    // The servers logged a JSON line per request — and never the token.
    const logged = `${first.stderr()}\n${second.stderr()}`;
    expect(logged).toContain('"msg":"request"');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(token.slice(3));
  }, 60_000);
});
