import type { Benchmark } from './benchmark';

export interface Options {
  /** Run the benchmarks whose name starts with this (plus their baselines). */
  only?: string;
  /** Measured samples per benchmark (after warm-up). */
  samples: number;
  warmup: number;
  /** Build the e2e extension first (default), or reuse the last bench build. */
  build: boolean;
  /** Also run the heavy benchmarks (1M people) in a full run. */
  heavy: boolean;
}

const USAGE = 'usage: npm run bench -- [--only <prefix>] [--samples N] [--warmup N] [--no-build] [--heavy]';

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { samples: 30, warmup: 5, build: true, heavy: false };
  const count = (flag: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs a whole number ≥ ${min}\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--only') {
      const v = value();
      if (!v) throw new Error(`--only needs a name prefix\n${USAGE}`);
      options.only = v;
    } else if (flag === '--samples') options.samples = count(flag, value(), 1);
    else if (flag === '--warmup') options.warmup = count(flag, value(), 0);
    else if (flag === '--no-build') options.build = false;
    else if (flag === '--heavy') options.heavy = true;
    else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  return options;
}

/**
 * The benchmarks to run, in registry order: those whose name starts with `only` (all when absent),
 * plus, transitively, the baselines they need. Heavy ones join a full run only with `heavy`.
 */
export function select(all: readonly Benchmark[], only: string | undefined, heavy = false): Benchmark[] {
  const wanted = new Set(
    all.filter((b) => (only === undefined ? heavy || !b.heavy : b.name.startsWith(only))).map((b) => b.name),
  );
  if (only !== undefined && wanted.size === 0) throw new Error(`no benchmark starts with "${only}"; there are: ${all.map((b) => b.name).join(', ')}`);
  const byName = new Map(all.map((b) => [b.name, b]));
  const queue = [...wanted];
  while (queue.length) {
    for (const need of byName.get(queue.pop()!)?.needs ?? []) {
      if (!byName.has(need)) throw new Error(`unknown baseline ${need}`);
      if (!wanted.has(need)) {
        wanted.add(need);
        queue.push(need);
      }
    }
  }
  return all.filter((b) => wanted.has(b.name));
}
