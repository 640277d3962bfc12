import { search, type SearchIndex } from './search-index';

/**
 * Time a search per keystroke, as a user types each query letter by letter (from the
 * `fromLength`-th letter on). For bench/ and the unit test: milliseconds per keystroke, in order.
 */
export function keystrokeTimes(
  index: SearchIndex,
  queries: readonly string[],
  options: { fromLength?: number; limit?: number; now?: () => number } = {},
): number[] {
  const { fromLength = 1, limit, now = () => performance.now() } = options;
  const samples: number[] = [];
  for (const q of queries) {
    const chars = [...q];
    for (let n = Math.max(1, fromLength); n <= chars.length; n++) {
      const typed = chars.slice(0, n).join('');
      const t0 = now();
      search(index, typed, limit);
      samples.push(now() - t0);
    }
  }
  return samples;
}

/** The q-quantile (0..1) of samples, by nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
