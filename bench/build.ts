import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Our own builds, away from the .output/ that other work in this tree (npm test, npm start) uses. */
const CACHE = resolve('node_modules/.cache/scoutbook-bench');
/** This run's builds: another bench run in the same tree must not rebuild under our feet. */
const RUN_DIR = join(CACHE, `run-${process.pid}`);

export type Flavour = 'e2e' | 'production';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Other bench runs going on in this tree (they and we will measure each other's load). */
export function otherRuns(): number[] {
  if (!existsSync(CACHE)) return [];
  const pids = readdirSync(CACHE)
    .map((d) => /^run-(\d+)$/.exec(d)?.[1])
    .filter((p): p is string => p !== undefined)
    .map(Number)
    .filter((p) => p !== process.pid);
  for (const pid of pids.filter((p) => !alive(p))) rmSync(join(CACHE, `run-${pid}`), { recursive: true, force: true });
  return pids.filter(alive);
}

/**
 * Build the Chrome extension into this run's directory: `e2e` is `npm run build:e2e` (open shadow
 * root, timing marks), the one the browser benchmarks drive; `production` is `npm run build`, what
 * ships (bundle sizes). The result is also kept as the last build, which `--no-build` reuses.
 */
export function buildExtension(flavour: Flavour, { force }: { force: boolean }): string {
  // A/B runs: measure a build kept aside (its `chrome-mv3` directory) instead of building.
  const given = process.env.SCOUTBOOK_BENCH_EXTENSION_DIR;
  if (given && flavour === 'e2e') return given;
  const last = join(CACHE, 'last', flavour);
  if (!force && existsSync(join(last, 'chrome-mv3', 'manifest.json'))) return join(last, 'chrome-mv3');
  const out = join(RUN_DIR, flavour);
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/wxt-build.ts', out], {
    env: { ...process.env, SCOUTBOOK_E2E: flavour === 'e2e' ? '1' : '0' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the ${flavour} build failed:\n${run.stdout}\n${run.stderr}`);
  rmSync(last, { recursive: true, force: true });
  cpSync(out, last, { recursive: true });
  console.log(`[bench] built the ${flavour} extension in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return join(out, 'chrome-mv3');
}

/** Remove this run's builds (the last build stays for --no-build). */
export function removeRunBuilds(): void {
  rmSync(RUN_DIR, { recursive: true, force: true });
}
