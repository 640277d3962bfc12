import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../server/cli';
import { createApp } from '../../server/app';
import { openStore } from '../../server/store/open';
import { createToken } from '../../server/store/tokens';
import { addFeed } from '../../server/store/feeds';
import { ensureTeam } from '../../server/store/teams';
import { FeedServer } from './support/feed-server';
import { ownFixture } from '../support/shared-fixtures';
import type { IntelImportItem, IntelItem } from '../../utils/schema';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'server/cli.ts');
const workDir = mkdtempSync(join(tmpdir(), 'scoutbook-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const feedServer = new FeedServer();
beforeAll(() => feedServer.start());
afterAll(() => feedServer.stop());

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

  it('serve prints where it listens, answers /health and exits on SIGTERM', async () => {
    const db = freshDb();
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(TSX, [CLI, 'serve', '--port', '0', '--db', db], { cwd: workDir, env });
    let stdout = '';
    const url = await new Promise<string>((found, fail) => {
      const timer = setTimeout(() => fail(new Error(`serve printed nothing: ${stdout}`)), 30_000);
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
  }, 45_000);

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

/** The CLI's main() in this process: the commands' own logic without paying for a process each. */
async function inProcess(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (stdout += `${a.join(' ')}\n`));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (stderr += `${a.join(' ')}\n`));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

// Sequential: they capture the console of this process.
describe('server CLI commands, in-process', () => {
  it('intel import stores a good file once and serves it newest first', async () => {
    const db = freshDb();
    const token = await tokenIn(db);
    const run = await inProcess(['intel', 'import', intelFile(goodItems), '--team', 'acme', '--db', db]);
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
    const run = await inProcess(['intel', 'import', file, '--team', 'acme', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('item 1: title: title is required');
    expect(run.stderr).toContain('item 2: url:');
    const store = await openStore(db);
    const rows = await store.db.selectFrom('intel_items').select('id').execute();
    await store.close();
    expect(rows).toEqual([]);
  });

  it('team create makes a team; token create --role sets the role and still prints only the token', async () => {
    const db = freshDb();
    const team = await inProcess(['team', 'create', 'globex', '--db', db]);
    expect(team.code, team.stderr).toBe(0);
    expect(team.stdout).toMatch(/^[0-9A-Z]{26}\n$/);
    const run = await inProcess(['token', 'create', '--team', 'globex', '--user', 'Eve@Globex.example', '--role', 'member', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^sb_[A-Za-z0-9_-]{43}\n$/);
    expect(run.stderr).toContain('(member)');
    const me = await withApp(db, async (app) => (await app.request('/v1/me', { headers: { authorization: `Bearer ${run.stdout.trim()}` } })).json());
    expect(me).toEqual({ team: 'globex', user: { email: 'eve@globex.example', role: 'member' } });
  });

  it('intel import reads a CSV file by its extension', async () => {
    const db = freshDb();
    const token = await tokenIn(db);
    const file = join(workDir, 'intel.csv');
    writeFileSync(file, 'companyName,companyKey,type,title,url,publishedAt,summary,amount,round\n云梯智能,,,云梯智能完成数千万元A轮融资,https://news.example/c1,2025-03-02T08:00:00+08:00,,,\n');
    const run = await inProcess(['intel', 'import', file, '--team', 'acme', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('imported 1 intel items (0 already present)\n');
    const items = await withApp(db, async (app) => {
      const res = await app.request(`/v1/intel?companyName=${encodeURIComponent('云梯智能')}`, { headers: { authorization: `Bearer ${token}` } });
      return ((await res.json()) as { items: unknown[] }).items;
    });
    expect(items).toEqual([expect.objectContaining({ type: 'funding', amount: '数千万元', round: 'Series A' })]);
  });

  it('feed poll polls the team’s feeds once and reports each', async () => {
    const db = freshDb();
    await tokenIn(db);
    feedServer.routes.set('/cli/atom.xml', { body: ownFixture('feeds/atom.xml') });
    const store = await openStore(db);
    const team = await ensureTeam(store.db, 'acme');
    await addFeed(store.db, team.id, `${feedServer.url}/cli/atom.xml`, 'Wire');
    await store.close();
    const refused = await inProcess(['feed', 'poll', '--team', 'acme', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/\tWire\tFAILED: feeds on private or loopback addresses are refused/);
    const run = await inProcess(['feed', 'poll', '--team', 'acme', '--allow-private-feeds', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^[0-9A-Z]{26}\tWire\t7 items, 6 new, 0 already known\n$/);
  });


  it('user list and user role manage roles, keeping an admin', async () => {
    const db = freshDb();
    await tokenIn(db);
    expect((await inProcess(['token', 'create', '--team', 'acme', '--user', 'bo@example.com', '--db', db])).code).toBe(0);
    expect((await inProcess(['user', 'role', '--team', 'acme', '--user', 'ada@example.com', '--role', 'member', '--db', db])).stderr).toContain('last admin');
    expect((await inProcess(['user', 'role', '--team', 'acme', '--user', 'bo@example.com', '--role', 'admin', '--db', db])).code).toBe(0);
    const list = await inProcess(['user', 'list', '--team', 'acme', '--db', db]);
    expect(list.stdout.split('\n').filter(Boolean).map((l) => l.split('\t').slice(0, 2))).toEqual([
      ['ada@example.com', 'admin'],
      ['bo@example.com', 'admin'],
    ]);
    expect((await inProcess(['user', 'role', '--team', 'acme', '--user', 'bo@example.com', '--role', 'owner', '--db', db])).code).toBe(2);
    expect((await inProcess(['user', 'list', '--team', 'nope', '--db', db])).stderr).toContain('no team nope');
  });

  it('feed add, list, remove and alias add, list; prune', async () => {
    const db = freshDb();
    await tokenIn(db);
    const added = await inProcess(['feed', 'add', 'https://36kr.com/feed', '--team', 'acme', '--name', '36氪', '--db', db]);
    expect(added.code, added.stderr).toBe(0);
    const id = added.stdout.trim();
    expect((await inProcess(['feed', 'add', 'http://127.0.0.1:9/feed', '--team', 'acme', '--db', db])).code).toBe(1);
    expect((await inProcess(['feed', 'list', '--team', 'acme', '--db', db])).stdout).toBe(`${id}\t36氪\thttps://36kr.com/feed\tnever polled\n`);
    expect((await inProcess(['feed', 'remove', id, '--db', db])).code).toBe(0);
    expect((await inProcess(['feed', 'list', '--team', 'acme', '--db', db])).stdout).toBe('');
    expect((await inProcess(['alias', 'add', '字节', 'ByteDance', '--team', 'acme', '--db', db])).code).toBe(0);
    expect((await inProcess(['alias', 'list', '--team', 'acme', '--db', db])).stdout).toMatch(/\t字节\t= ByteDance\n$/);
    expect((await inProcess(['prune', '--keep-days', '30', '--db', db])).stdout).toBe('pruned 0 applied mutation ids and 0 alerts\n');
  });
});
