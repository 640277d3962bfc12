/** The figures reported for a list of samples. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

function sorted(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error('no samples: a benchmark must measure at least once');
  if (samples.some((s) => !Number.isFinite(s))) throw new Error('samples must be finite numbers');
  return [...samples].sort((a, b) => a - b);
}

/** The middle value; for an even count, the mean of the two middle values. */
export function median(samples: readonly number[]): number {
  const s = sorted(samples);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The q-quantile by the nearest-rank method: the smallest sample with at least q of all samples at or
 * below it (p95 of 20 samples is the 19th smallest; of 30, the 29th). Always an observed value.
 */
export function quantile(samples: readonly number[], q: number): number {
  if (!(q > 0 && q <= 1)) throw new Error('quantile must be in (0, 1]');
  const s = sorted(samples);
  return s[Math.ceil(q * s.length) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const s = sorted(samples);
  return { n: s.length, median: median(s), p95: quantile(s, 0.95), min: s[0]!, max: s[s.length - 1]! };
}
