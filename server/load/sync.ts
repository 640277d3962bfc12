import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPush } from '../apply-push';
import { openStore } from '../store/open';
import { createToken } from '../store/tokens';
import { personBatch, runLoad, type LoadResult } from './generator';

/**
 * The sync API under load, as a user runs it: `serve` on a fresh SQLite file in its own process,
 * load from this process over 127.0.0.1. Measures pull requests per second and push batches (of
 * 50 mutations) per second, each with its latency quantiles.
 */
export interface SyncLoadOptions {
  /** Seconds per measured round. */
  seconds: number;
  rounds: number;
  concurrency: { pull: number; push: number };
  /** Mutations per push batch. */
  batchSize: number;
  /** People stored before the pull rounds, so that pulls return records. */
  seedPeople: number;
  /** Records each pull returns (the cursor stays this far behind the head). */
  pullBehind: number;
  users: number;
  /** Which measurements to run (both by default); `push` alone is the quicker A/B of the write path. */
  only?: 'pull' | 'push';
  log?: (line: string) => void;
}

export const DEFAULT_SYNC_LOAD: SyncLoadOptions = {
  seconds: 5,
  rounds: 3,
  concurrency: { pull: 8, push: 8 },
  batchSize: 50,
  seedPeople: 5000,
  pullBehind: 20,
  users: 8,
};

export interface RoundResult extends LoadResult {
  /** CPU time the server process spent per request (user + system), from /proc: what its throughput would be on one idle core is 1000 / this. */
  serverCpuMs: number | undefined;
}

export interface SyncLoadReport {
  pull: RoundResult[];
  push: RoundResult[];
}

/** User + system CPU milliseconds a process has used, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

async function measured(pid: number | undefined, round: () => Promise<LoadResult>): Promise<RoundResult> {
  const before = cpuMs(pid);
  const result = await round();
  const after = cpuMs(pid);
  return { ...result, serverCpuMs: before === undefined || after === undefined || result.requests === 0 ? undefined : (after - before) / result.requests };
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `serve` on `db` in a process of its own (no feed polling, no rate limit), until its child is killed. */
export async function startServe(db: string): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  // One process (node with tsx's loader, not the tsx CLI, which forks), so that its CPU time can be read.
  // Request logs go to /dev/null: a pipe's writes are synchronous on Linux and would measure the reader.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli.ts'), 'serve', '--port', '0', '--db', db, '--no-poll', '--rate-limit', '0'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((found, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('serve did not start within 60 s')), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        found(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
  });
  return { child, url };
}

export async function syncLoad(partial: Partial<SyncLoadOptions> = {}): Promise<SyncLoadReport> {
  const o = { ...DEFAULT_SYNC_LOAD, ...partial };
  const log = o.log ?? ((line: string) => console.error(line));
  const dir = mkdtempSync(join(tmpdir(), 'scoutbook-load-'));
  const db = join(dir, 'load.sqlite');
  let server: { child: ChildProcess; url: string } | undefined;
  try {
    const store = await openStore(db);
    const tokens: string[] = [];
    for (let u = 0; u < o.users; u++) tokens.push((await createToken(store.db, 'load', `user${u}@load.example`)).token);
    const team = await store.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
    for (let n = 0; n < o.seedPeople; n += 200) await applyPush(store.db, { teamId: team.id }, personBatch(Math.min(200, o.seedPeople - n), 'seed').mutations);
    const head = (await store.db.selectFrom('teams').select('seq').executeTakeFirstOrThrow()).seq;
    await store.close();

    server = await startServe(db);
    log(`[load] serve at ${server.url}; ${o.seedPeople} people stored; ${o.users} tokens`);
    const url = server.url;
    const pullRound = () =>
      runLoad({
        url,
        tokens,
        concurrency: o.concurrency.pull,
        durationMs: o.seconds * 1000,
        maxRequests: o.seconds * 20_000,
        next: (i) => ({ method: 'GET', path: `/v1/sync/pull?cursor=${head - o.pullBehind}&limit=100`, token: tokens[i % tokens.length]! }),
      });
    const pushRound = (round: number) => {
      // Bodies are built ahead, outside the measured loop.
      const bodies = Array.from({ length: Math.min(o.seconds * 1500, 15_000) }, (_, i) => JSON.stringify(personBatch(o.batchSize, `load${round}x${i % 64}`)));
      return runLoad({
        url,
        tokens,
        concurrency: o.concurrency.push,
        durationMs: o.seconds * 1000,
        maxRequests: bodies.length,
        next: (i) => ({ method: 'POST', path: '/v1/sync/push', body: bodies[i]!, token: tokens[i % tokens.length]! }),
      });
    };

    await runLoad({ url, tokens, concurrency: 4, durationMs: 1000, maxRequests: 2000, next: (i) => ({ method: 'GET', path: `/v1/sync/pull?cursor=${head - o.pullBehind}`, token: tokens[i % tokens.length]! }) });
    const report: SyncLoadReport = { pull: [], push: [] };
    for (let r = 0; r < o.rounds && o.only !== 'push'; r++) {
      report.pull.push(await measured(server.child.pid, pullRound));
      log(`[load] pull round ${r + 1}: ${summary(report.pull.at(-1)!)}`);
    }
    for (let r = 0; r < o.rounds && o.only !== 'pull'; r++) {
      report.push.push(await measured(server.child.pid, () => pushRound(r)));
      log(`[load] push round ${r + 1}: ${summary(report.push.at(-1)!)}`);
    }
    return report;
  } finally {
    await stopServe(server, dir);
  }
}

/** Stops a server startServe started (if it got that far) and deletes its database directory. */
export async function stopServe(server: { child: ChildProcess } | undefined, dir: string): Promise<void> {
  if (server) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}

export function summary(r: RoundResult): string {
  const cpu = r.serverCpuMs === undefined ? '' : `; server CPU ${r.serverCpuMs.toFixed(3)} ms/request (${(1000 / r.serverCpuMs).toFixed(0)}/s per core)`;
  return `${r.perSecond.toFixed(0)}/s over ${r.seconds.toFixed(1)} s (${r.requests} requests, ${r.errors} errors), p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms${cpu}${r.errorSamples.length ? `; e.g. ${r.errorSamples[0]}` : ''}`;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** `npx tsx server/load/sync.ts [--seconds 5] [--rounds 3] [--only pull|push]`: prints a JSON summary on stdout. */
async function cli(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : Number(argv[i + 1]);
  };
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt === -1 ? undefined : argv[onlyAt + 1];
  if (only !== undefined && only !== 'pull' && only !== 'push') throw new Error('--only takes pull or push');
  const report = await syncLoad({ ...(arg('seconds') && { seconds: arg('seconds')! }), ...(arg('rounds') && { rounds: arg('rounds')! }), ...(only && { only }) });
  const figures = (rs: RoundResult[]) => ({
    perSecond: Math.round(median(rs.map((r) => r.perSecond))),
    p99_ms: +median(rs.map((r) => r.p99)).toFixed(1),
    errors: rs.reduce((n, r) => n + r.errors, 0),
    serverCpuMsPerRequest: rs.every((r) => r.serverCpuMs !== undefined) ? +median(rs.map((r) => r.serverCpuMs!)).toFixed(3) : null,
  });
  console.log(
    JSON.stringify({ ...(report.pull.length && { 'sync.pull_rps': figures(report.pull) }), ...(report.push.length && { 'sync.push_batches_ps': figures(report.push) }) }, null, 2),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await cli(process.argv.slice(2));
