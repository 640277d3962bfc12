import type { Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPush } from '../server/apply-push';
import { loadId, personBatch } from '../server/load/generator';
import { startServe, stopServe } from '../server/load/sync';
import { openStore } from '../server/store/open';
import { createToken } from '../server/store/tokens';
import { launchWithExtension } from '../tests/support/chromium';
import { formatHlc } from '../utils/sync/hlc';
import type { Mutation } from '../utils/sync/protocol';
import { inPage } from './in-page';

/**
 * The extension's side of sync, in Chromium with the built extension against `serve` on loopback:
 * - initial: a fresh profile is given the server and a token, and pulls `people` records until the
 *   last one is found by the card's lookup (indexed by profile key, so searchable) — once per sample,
 *   each in a new profile;
 * - incremental: a teammate pushes `changes` edits, then this profile syncs until the last edit
 *   shows in a lookup.
 * Each time is taken in an extension page, from the message that starts the sync to the lookup's answer.
 * Before each initial sync, another fresh profile puts as many rows straight into a scratch
 * IndexedDB database: the floor, measured in the same minute on the same shared machine. Not in the
 * sync's own profile: the deleted scratch database leaves LevelDB work behind (its 100,000 deleted
 * rows compacted away) that slowed the sync after it — 1–2 s more IndexedDB CPU, about 8 % more time
 * in interleaved runs (issue 7). A fresh extension has no such leftovers.
 */
export interface ClientSyncOptions {
  extensionDir: string;
  people: number;
  initialSamples: number;
  changes: number;
  incrementalSamples: number;
  log: (line: string) => void;
}

const profileKey = (i: number) => `linkedin:in/bench-${i}`;

/** People numbered 0..n-1, so that a lookup can name any of them. */
function numberedBatch(from: number, size: number, node: string, at: number): Mutation[] {
  return personBatch(size, node, at).mutations.map((m, k) => {
    const i = from + k;
    return { ...m, fields: { ...m.fields, name: `Bench Person ${i}`, profileKeys: [profileKey(i)], profileUrl: `https://www.linkedin.com/in/bench-${i}` } };
  });
}

/** SELF-CONTAINED: in an extension page. Starts sync with these settings, waits for it, then looks `key` up. */
async function syncAndFind(arg: { serverUrl?: string; token?: string; key: string; headline?: string }) {
  type Env = { ok: boolean; value?: { lastError?: string | null; person?: { headline?: string } | null }; error?: string };
  const send = (m: unknown) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Env> } } }).chrome.runtime.sendMessage(m);
  const t0 = performance.now();
  if (arg.serverUrl) {
    const saved = await send({ type: 'saveSettings', serverUrl: arg.serverUrl, token: arg.token });
    if (!saved.ok) return { error: saved.error };
  }
  const status = await send({ type: 'syncNow' });
  if (!status.ok || status.value?.lastError) return { error: status.error ?? status.value?.lastError };
  const found = await send({ type: 'lookup', target: { kind: 'person', key: arg.key, url: `https://www.linkedin.com/in/${arg.key.split('/')[1]}/` } });
  const ms = performance.now() - t0;
  const person = found.value?.person;
  if (!person) return { error: `${arg.key} was not found after the sync` };
  if (arg.headline !== undefined && person.headline !== arg.headline) return { error: `${arg.key} still has the headline ${person.headline}` };
  return { ms };
}

async function teammatePush(url: string, token: string, mutations: Mutation[]): Promise<void> {
  const res = await fetch(`${url}/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'writer', mutations }),
  });
  if (!res.ok) throw new Error(`the teammate's push failed: ${res.status} ${await res.text()}`);
}

/**
 * SELF-CONTAINED: in an extension page. The floor under a first sync: the same number of rows,
 * shaped like synced people (clocks included) and indexed like the people table, put straight into
 * a scratch IndexedDB database in pages of 1,000, one transaction each. No Dexie, no network, no sync.
 * Both sides commit with the default durability, which Chromium has made 'relaxed' (no fsync at
 * commit) since version 121: an explicit 'relaxed' measured the same, on both sides (issue 7).
 * 1,000 rows per transaction is not a handicap: 2,500 and 5,000 cost as much CPU or more.
 */
async function rawIndexedDbPut(arg: { rows: number }): Promise<number> {
  const name = `scoutbook-bench-floor-${Math.random().toString(36).slice(2)}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const people = open.result.createObjectStore('people', { keyPath: 'id' });
      people.createIndex('profileKeys', 'profileKeys', { multiEntry: true });
      for (const index of ['name', 'companyKey', 'updatedAt']) people.createIndex(index, index);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const hlc = (i: number) => `${String(1795300000000 + i).padStart(15, '0')}:00000:seed`;
  const row = (i: number) => ({
    id: `01KAB${String(i).padStart(21, '0')}`,
    name: `Bench Person ${i}`,
    headline: 'Senior Engineer at Example',
    companyName: 'Example',
    createdAt: 1795300000000,
    profileKeys: [`linkedin:in/bench-${i}`],
    profileUrl: `https://www.linkedin.com/in/bench-${i}`,
    tags: ['load'],
    emails: [],
    phones: [],
    status: 'active',
    deleted: false,
    updatedAt: hlc(i),
    clocks: Object.fromEntries(['name', 'headline', 'companyName', 'createdAt', 'profileKeys', 'profileUrl', 'tags', 'deleted'].map((f) => [f, hlc(i)])),
  });
  const t0 = performance.now();
  for (let from = 0; from < arg.rows; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, arg.rows - from) }, (_, k) => row(from + k));
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('people', 'readwrite');
      for (const r of rows) tx.objectStore('people').put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - t0;
  db.close();
  indexedDB.deleteDatabase(name);
  return ms;
}

/**
 * CPU time (user + system, ms) of this Chromium so far: the browser process started with this
 * extension and every process under it. On a shared machine wall time swings with the others'
 * load; CPU time says what the sync itself cost. Undefined where /proc is not there.
 */
export function chromiumCpuMs(extensionDir: string): number | undefined {
  let stats: { pid: number; ppid: number; ticks: number; cmdline: string }[];
  try {
    stats = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((pid) => {
        try {
          // Fields after the parenthesised command name: state ppid … utime(14) stime(15).
          const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
          const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          return [{ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), cmdline }];
        } catch {
          return []; // exited meanwhile
        }
      });
  } catch {
    return undefined;
  }
  const tree = new Set(stats.filter((p) => p.cmdline.includes(`--load-extension=${extensionDir}`) && !p.cmdline.includes('--type=')).map((p) => p.pid));
  if (!tree.size) return undefined;
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of stats) {
      if (tree.has(p.pid) || !tree.has(p.ppid)) continue;
      tree.add(p.pid);
      grew = true;
    }
  }
  const ticks = stats.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** What `fn` took, and the CPU time Chromium spent meanwhile (when it can be read). */
async function withCpu<T>(extensionDir: string, fn: () => Promise<T>): Promise<{ value: T; cpuMs?: number }> {
  const before = chromiumCpuMs(extensionDir);
  const value = await fn();
  const after = chromiumCpuMs(extensionDir);
  return { value, cpuMs: before === undefined || after === undefined ? undefined : after - before };
}

async function extensionPage(ext: Awaited<ReturnType<typeof launchWithExtension>>): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  return page;
}

export interface ClientSyncResult {
  initial: number[];
  floor: number[];
  incremental: number[];
  /** Chromium's CPU time during each initial sync and each floor run (empty without /proc). */
  initialCpu: number[];
  floorCpu: number[];
}

/** A sync server in a scratch directory, holding `people` numbered people and tokens to read and write them. */
export async function seededServer(people: number, log: (line: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'scoutbook-client-sync-'));
  const db = join(dir, 'sync.sqlite');
  const store = await openStore(db);
  const reader = (await createToken(store.db, 'bench', 'reader@bench.example')).token;
  const writer = (await createToken(store.db, 'bench', 'writer@bench.example')).token;
  const team = await store.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
  const at = Date.now() - 60_000;
  const ids: string[] = [];
  for (let n = 0; n < people; n += 200) {
    const batch = numberedBatch(n, Math.min(200, people - n), 'seed', at);
    ids.push(...batch.map((m) => m.id));
    await applyPush(store.db, { teamId: team.id, email: 'writer@bench.example' }, batch);
  }
  await store.close();
  let server: Awaited<ReturnType<typeof startServe>> | undefined;
  try {
    server = await startServe(db);
  } catch (e) {
    await stopServe(undefined, dir);
    throw e;
  }
  log(`[sync] ${people.toLocaleString('en')} people on ${server.url}`);
  const running = server;
  return { url: running.url, reader, writer, ids, stop: () => stopServe(running, dir) };
}

/** The floor (rawIndexedDbPut) in a fresh profile of its own, closed afterwards. */
async function floorSample(extensionDir: string, people: number, log: (line: string) => void) {
  const ext = await launchWithExtension({ extensionDir });
  try {
    const page = await extensionPage(ext);
    const put = await withCpu(extensionDir, () => inPage(page, rawIndexedDbPut, { rows: people }));
    log(`[sync] IndexedDB floor, ${people.toLocaleString('en')} rows put directly: ${(put.value / 1000).toFixed(2)} s (Chromium CPU ${put.cpuMs ?? '?'} ms)`);
    return put;
  } finally {
    await ext.close();
  }
}

/**
 * One initial-sync sample: the floor first (unless `floor: false`, for A/B runs alternating builds
 * quickly: NaN), then, in a fresh profile, the sync until the last person is found. Returns that
 * profile open, for more; the caller closes it.
 */
export async function initialSample(
  extensionDir: string,
  server: { url: string; reader: string },
  people: number,
  log: (line: string) => void,
  options: { floor?: boolean; beforeSync?: () => Promise<void> } = {},
) {
  const put = options.floor === false ? { value: NaN, cpuMs: undefined } : await floorSample(extensionDir, people, log);
  const ext = await launchWithExtension({ extensionDir });
  try {
    const page = await extensionPage(ext);
    await options.beforeSync?.();
    const synced = await withCpu(extensionDir, () => inPage(page, syncAndFind, { serverUrl: server.url, token: server.reader, key: profileKey(people - 1) }));
    const r = synced.value;
    if (r.ms === undefined) throw new Error(`initial sync: ${r.error}`);
    log(`[sync] initial sync of ${people.toLocaleString('en')} records: ${(r.ms / 1000).toFixed(2)} s (Chromium CPU ${synced.cpuMs ?? '?'} ms)`);
    return { ext, page, floor: put.value, floorCpu: put.cpuMs, initial: r.ms, initialCpu: synced.cpuMs };
  } catch (e) {
    await ext.close();
    throw e;
  }
}

export async function measureClientSync(o: ClientSyncOptions): Promise<ClientSyncResult> {
  const server = await seededServer(o.people, o.log);
  try {
    const { url, writer, ids } = server;
    const initial: number[] = [];
    const floor: number[] = [];
    const incremental: number[] = [];
    const initialCpu: number[] = [];
    const floorCpu: number[] = [];
    for (let s = 0; s < o.initialSamples; s++) {
      const sample = await initialSample(o.extensionDir, server, o.people, o.log);
      const { ext, page } = sample;
      try {
        floor.push(sample.floor);
        if (sample.floorCpu !== undefined) floorCpu.push(sample.floorCpu);
        initial.push(sample.initial);
        if (sample.initialCpu !== undefined) initialCpu.push(sample.initialCpu);
        // Incremental syncs in the last profile, once it holds everything.
        if (s < o.initialSamples - 1) continue;
        for (let k = 0; k < o.incrementalSamples; k++) {
          const headline = `Moved on, round ${k}`;
          const picked = Array.from({ length: o.changes }, (_, j) => (k * o.changes + j) % o.people);
          await teammatePush(url, writer, picked.map((i, j) => ({ mutationId: loadId(), entity: 'person', id: ids[i]!, hlc: formatHlc({ ms: Date.now(), counter: j, node: 'writer' }), fields: { headline } })));
          const r2 = await inPage(page, syncAndFind, { key: profileKey(picked.at(-1)!), headline });
          if (r2.ms === undefined) throw new Error(`incremental sync: ${r2.error}`);
          incremental.push(r2.ms);
        }
        o.log(`[sync] incremental syncs of ${o.changes} changes: ${incremental.map((v) => v.toFixed(0)).join(', ')} ms`);
      } finally {
        await ext.close();
      }
    }
    return { initial, floor, incremental, initialCpu, floorCpu };
  } finally {
    await server.stop();
  }
}
