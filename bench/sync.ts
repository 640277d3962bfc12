import { syncLoad } from '../server/load/sync';
import type { Benchmark } from './benchmark';
import { buildExtension } from './build';
import { measureClientSync } from './sync-client';

/**
 * The sync API under load (issue 7): `serve` on SQLite in its own process, load from this process
 * over 127.0.0.1 (server/load/). Each sample is one measured round of a few seconds. Targets:
 * sync.pull_rps ≥ 2,000 with p99 ≤ 50 ms; sync.push_batches_ps ≥ 500 (50 mutations each) with
 * p99 ≤ 50 ms. The *_cpu_ms entries are the server's CPU time per request (from /proc), which
 * says what one idle core would sustain (1000 / ms) on a shared, noisy machine.
 */
export const syncBenchmarks: Benchmark[] = [
  {
    name: 'sync.pull_rps',
    people: 'none',
    run: async (options) => {
      const report = await syncLoad({ rounds: Math.max(1, Math.min(options.samples, 5)), seconds: 3, log: (line) => console.log(line) });
      const cpu = (rs: { serverCpuMs: number | undefined }[]) => rs.flatMap((r) => (r.serverCpuMs === undefined ? [] : [r.serverCpuMs]));
      return [
        { name: 'sync.pull_rps', unit: 'req/s', samples: report.pull.map((r) => r.perSecond) },
        { name: 'sync.pull_p99_ms', unit: 'ms', samples: report.pull.map((r) => r.p99) },
        ...(cpu(report.pull).length ? [{ name: 'sync.pull_cpu_ms', unit: 'ms', samples: cpu(report.pull) }] : []),
        { name: 'sync.push_batches_ps', unit: 'batches/s', samples: report.push.map((r) => r.perSecond) },
        { name: 'sync.push_p99_ms', unit: 'ms', samples: report.push.map((r) => r.p99) },
        ...(cpu(report.push).length ? [{ name: 'sync.push_cpu_ms', unit: 'ms', samples: cpu(report.push) }] : []),
      ];
    },
  },
  {
    // The extension's side (bench/sync-client.ts): a fresh profile pulling 100,000 records until the
    // last one is found by the card's lookup (target ≤ 15 s), then incremental syncs of 100 changes
    // a teammate pushed (target ≤ 300 ms). Chromium with the built e2e extension, `serve` on SQLite.
    // Its baseline is IndexedDB alone putting as many rows, in a fresh profile of its own (the floor).
    name: 'sync.initial_100k',
    people: 'none',
    run: async (options) => {
      const extensionDir = buildExtension('e2e', { force: options.build });
      const r = await measureClientSync({
        extensionDir,
        people: 100_000,
        initialSamples: Math.max(1, Math.min(options.samples, 3)),
        changes: 100,
        incrementalSamples: options.warmup + Math.min(options.samples, 20),
        log: (line) => console.log(line),
      });
      return [
        { name: 'sync.idb_floor_100k', unit: 'ms', samples: r.floor },
        { name: 'sync.initial_100k', unit: 'ms', samples: r.initial, baseline: 'sync.idb_floor_100k' },
        { name: 'sync.incremental_100', unit: 'ms', samples: r.incremental.slice(options.warmup) },
        // Chromium's CPU time (all its processes) during the same runs: steadier than wall time on a shared machine.
        ...(r.floorCpu.length ? [{ name: 'sync.idb_floor_100k_cpu_ms', unit: 'ms', samples: r.floorCpu }] : []),
        ...(r.initialCpu.length
          ? [{ name: 'sync.initial_100k_cpu_ms', unit: 'ms', samples: r.initialCpu, ...(r.floorCpu.length ? { baseline: 'sync.idb_floor_100k_cpu_ms' } : {}) }]
          : []),
      ];
    },
  },
];
