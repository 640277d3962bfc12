import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS, runOrder } from './registry';
import { buildExtension, otherRuns, removeRunBuilds } from './build';
import { parseArgs, select } from './cli';
import { Lab } from './lab';
import { machine } from './machine';
import { mergeResults, readResults, toEntries, writeResults, type Measurement } from './results';
import { markdownTable, textTable } from './table';
import { checkTargets } from './targets';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const selected = runOrder(select(BENCHMARKS, options.only, options.heavy));
  const skipped = BENCHMARKS.filter((b) => b.heavy && !selected.includes(b));
  if (options.only === undefined) for (const b of skipped) console.log(`[bench] skipping ${b.name} (${b.heavy}); run it with --only ${b.name} or --heavy`);
  console.log(`[bench] running: ${selected.map((b) => b.name).join(', ')}`);

  const started = Date.now();
  const load = () => loadavg()[0]!.toFixed(1);
  console.log(`[bench] source ${revision()}; load average ${load()} on ${machine().cpus} CPUs`);
  const others = otherRuns();
  if (others.length) console.warn(`[bench] warning: other bench runs in this tree (pid ${others.join(', ')}): each measures the other's load`);
  const measured: Measurement[] = [];
  const failures: string[] = [];
  let lab: Lab | undefined;
  try {
    for (const b of selected) {
      const t0 = Date.now();
      try {
        if (b.people === 'none') measured.push(...(await b.run(options)));
        else {
          lab ??= await Lab.open({ extensionDir: buildExtension('e2e', { force: options.build }), ...options });
          await lab.grow(b.people);
          measured.push(...(await b.run(lab)));
        }
        console.log(`[bench] ${b.name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } catch (e) {
        failures.push(`${b.name}: ${(e as Error).message}`);
        console.error(`[bench] ${b.name} FAILED: ${(e as Error).stack ?? e}`);
      }
    }
  } finally {
    await lab?.close();
    removeRunBuilds();
  }

  // An entry whose baseline failed keeps its figures, without a ratio.
  const names = new Set(measured.map((m) => m.name));
  const entries = toEntries(measured.map((m) => (m.baseline && !names.has(m.baseline) ? { ...m, baseline: undefined } : m)));
  if (entries.length) {
    const previous = readResults(RESULTS);
    const file = mergeResults(previous, { runAt: new Date().toISOString(), machine: machine(), results: entries });
    writeResults(RESULTS, file);
    for (const r of file.results.filter((r) => !r.baseline && previous?.results.find((p) => p.name === r.name)?.baseline))
      console.log(`[bench] ${r.name}: ratio dropped from results.json (its baseline was re-measured in this run; run it again)`);
    console.log(`\n${textTable(entries)}\n`);
    for (const line of checkTargets(entries)) console.log(line);
    const m = file.machine;
    console.log(`\nbench/results.json (${file.runAt}; ${m.cpus} CPUs, ${m.memGiB} GiB, Node ${m.node}, Chromium ${m.chromium}):\n`);
    console.log(markdownTable(file.results));
  }
  console.log(`\n[bench] ${((Date.now() - started) / 1000).toFixed(1)} s in all; load average now ${load()}`);
  for (const f of failures) console.error(`[bench] failed: ${f}`);
  return failures.length ? 1 : 0;
}

/** The commit measured, and whether the tree had uncommitted changes. */
function revision(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown (not a git checkout)';
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[bench] ${(e as Error).message}`);
    process.exit(2);
  },
);
