import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Our own builds, away from the .output/ that other work in this tree (npm test, npm start) uses. */
const CACHE = resolve('node_modules/.cache/scoutbook-bench');

export type Flavour = 'e2e' | 'production';

export function extensionDir(flavour: Flavour): string {
  return join(CACHE, flavour, 'chrome-mv3');
}

/**
 * Build the Chrome extension: `e2e` is `npm run build:e2e` (open shadow root, timing marks), the one
 * the browser benchmarks drive; `production` is `npm run build`, what ships (bundle sizes).
 */
export function buildExtension(flavour: Flavour, { force }: { force: boolean }): string {
  const dir = extensionDir(flavour);
  if (!force && existsSync(join(dir, 'manifest.json'))) return dir;
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/wxt-build.ts', join(CACHE, flavour)], {
    env: { ...process.env, SCOUTBOOK_E2E: flavour === 'e2e' ? '1' : '0' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the ${flavour} build failed:\n${run.stdout}\n${run.stderr}`);
  console.log(`[bench] built the ${flavour} extension in ${((Date.now() - started) / 1000).toFixed(1)} s → ${dir}`);
  return dir;
}
