import type { Options } from './cli';
import type { Lab } from './lab';
import type { Measurement } from './results';

interface Common {
  /** Entry name (or the prefix of the entries it reports, e.g. `bundle.content_gz_kb`). */
  name: string;
  /** Benchmarks it needs measured in the same run (its baselines). */
  needs?: string[];
  /** Why it is too slow for a default run: it runs when selected by --only, or with --heavy. */
  heavy?: string;
}

/** One benchmark: either without a browser, or in the lab with at least `people` people stored. */
export type Benchmark = Common &
  (
    | { people: 'none'; run(options: Options): Promise<Measurement[]> }
    | { people: number; run(lab: Lab): Promise<Measurement[]> }
  );
