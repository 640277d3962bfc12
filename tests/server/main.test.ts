import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/main';
import { createToken } from '../../server/store/tokens';

const workDir = mkdtempSync(join(tmpdir(), 'scoutbook-main-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('startServer', () => {
  it('serves the API over HTTP until closed, on a free port when asked for port 0', async () => {
    const server = await startServer({ db: join(workDir, 'nested', 'scoutbook.sqlite'), port: 0 });
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
});
