import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { openStore } from '../../server/store/open';
import { createToken } from '../../server/store/tokens';
import type { IntelImportItem, IntelItem } from '../../utils/schema';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'server/cli.ts');
const workDir = mkdtempSync(join(tmpdir(), 'scoutbook-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let dbCount = 0;
/** A database file of its own, so that the tests can run concurrently. */
function freshDb(): string {
  dbCount += 1;
  return join(workDir, `db-${dbCount}`, 'scoutbook.sqlite');
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(TSX, [CLI, ...args], { cwd: workDir, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function withApp<T>(db: string, work: (app: ReturnType<typeof createApp>) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await work(createApp({ db: store.db, log: () => {} }));
  } finally {
    await store.close();
  }
}

/** A token made in-process: only the token test pays for spawning `token create`. */
async function tokenIn(db: string, team = 'acme'): Promise<string> {
  const store = await openStore(db);
  try {
    return (await createToken(store.db, team, 'ada@example.com')).token;
  } finally {
    await store.close();
  }
}

function intelFile(items: unknown[]): string {
  const file = join(workDir, `intel-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(items));
  return file;
}

const goodItems: IntelImportItem[] = [
  { companyName: 'Acme', type: 'funding', title: 'Acme raises Series B', url: 'https://news.example/b', publishedAt: '2025-02-01T00:00:00Z', source: '36Kr' },
  { companyName: 'Acme', type: 'hiring', title: 'Acme hires 50 engineers', url: 'https://news.example/h', publishedAt: '2025-03-01T00:00:00Z' },
  { companyName: 'ACME', companyKey: 'linkedin:company/acme', type: 'product', title: 'Acme ships v2', url: 'https://news.example/p', publishedAt: '2025-01-01T00:00:00Z' },
];

describe.concurrent('server CLI', () => {
  it('token create prints only the token, and the token works', async () => {
    const db = freshDb();
    const run = await cli(['token', 'create', '--team', 'acme', '--user', 'ada@example.com', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^sb_[A-Za-z0-9_-]{43}\n$/);
    expect(run.stderr).not.toContain(run.stdout.trim());
    const res = await withApp(db, async (app) =>
      app.request('/v1/sync/pull', { headers: { authorization: `Bearer ${run.stdout.trim()}` } }),
    );
    expect(res.status).toBe(200);
  });

  it('intel import stores a good file once and serves it newest first', async () => {
    const db = freshDb();
    const token = await tokenIn(db);
    const run = await cli(['intel', 'import', intelFile(goodItems), '--team', 'acme', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('imported 3 intel items (0 already present)\n');

    const items = await withApp(db, async (app) => {
      const res = await app.request('/v1/intel?companyName=acme&companyKey=linkedin:company/acme', {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await res.json()) as { items: IntelItem[] }).items;
    });
    expect(items.map((i) => i.title)).toEqual(['Acme hires 50 engineers', 'Acme raises Series B', 'Acme ships v2']);
  });

  it('intel import of a bad file reports every bad item, exits 1 and imports nothing', async () => {
    const db = freshDb();
    await tokenIn(db);
    const file = intelFile([goodItems[0], { ...goodItems[1], title: '' }, { ...goodItems[2], url: 'javascript:alert(1)' }]);
    const run = await cli(['intel', 'import', file, '--team', 'acme', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('item 1: title: title is required');
    expect(run.stderr).toContain('item 2: url:');
    const store = await openStore(db);
    const rows = await store.db.selectFrom('intel_items').select('id').execute();
    await store.close();
    expect(rows).toEqual([]);
  });

  it('serve prints where it listens, answers /health and exits on SIGTERM', async () => {
    const db = freshDb();
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(TSX, [CLI, 'serve', '--port', '0', '--db', db], { cwd: workDir, env });
    let stdout = '';
    const url = await new Promise<string>((found, fail) => {
      const timer = setTimeout(() => fail(new Error(`serve printed nothing: ${stdout}`)), 15_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const match = /^Scoutbook sync API listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          found(match[1]!);
        }
      });
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const res = await fetch(`${url}/health`);
      expect(await res.json()).toEqual({ ok: true });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('answers an unknown command or a missing option with usage and exit 2', async () => {
    const [unknown, missing] = await Promise.all([
      cli(['frobnicate']),
      cli(['token', 'create', '--team', 'acme', '--db', freshDb()]),
    ]);
    for (const run of [unknown, missing]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('usage: npm run server');
    }
    expect(missing.stderr).toContain('missing --user');
  });
});
