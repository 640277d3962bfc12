import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/main';
import { createToken } from '../../server/store/tokens';
import { batch, newPerson } from './support/records';

const workDir = mkdtempSync(join(tmpdir(), 'scoutbook-main-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('startServer', () => {
  it('serves the API over HTTP until closed, on a free port when asked for port 0', async () => {
    const server = await startServer({ db: join(workDir, 'nested', 'scoutbook.sqlite'), port: 0, poll: false, log: () => {} });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      const { token } = await createToken(server.store.db, 'acme', 'ada@example.com');
      // Keep-alive is on: close() must not wait for this idle connection to time out.
      const res = await fetch(`${server.url}/v1/sync/pull`, { headers: { authorization: `Bearer ${token}` } });
      expect(await res.json()).toEqual({ records: [], cursor: 0, hasMore: false });
    } finally {
      const started = Date.now();
      await server.close();
      expect(Date.now() - started).toBeLessThan(2000);
    }
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });

  it('drains: a request in progress when close() is called completes, new connections are refused', async () => {
    const server = await startServer({ db: join(workDir, 'drain.sqlite'), port: 0, poll: false, log: () => {} });
    const { token } = await createToken(server.store.db, 'acme', 'ada@example.com');
    const body = JSON.stringify(batch(newPerson(1, 'in-flight')));
    const half = Math.floor(body.length / 2);
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${server.url}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, half));
      // The rest arrives after shutdown has begun.
      setTimeout(() => req.end(body.slice(half)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    const res = await answered;
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ applied: 1, duplicates: 0, seq: 1 });
    await closing;
    expect(closed).toBe(true);
  });

  it('answers /health with a database check', async () => {
    const server = await startServer({ db: join(workDir, 'health.sqlite'), port: 0, poll: false, log: () => {} });
    try {
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ ok: true });
    } finally {
      await server.close();
    }
  });
});
