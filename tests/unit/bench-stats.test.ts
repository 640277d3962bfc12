import { describe, expect, it } from 'vitest';
import { median, quantile, summarize } from '../../bench/stats';

const range = (n: number) => Array.from({ length: n }, (_v, i) => i + 1);

describe('bench statistics', () => {
  it('median: the middle sample, or the mean of the two middle ones, whatever the input order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('p95 by nearest rank: always an observed sample', () => {
    expect(quantile(range(20), 0.95)).toBe(19);
    expect(quantile(range(30), 0.95)).toBe(29);
    expect(quantile(range(100), 0.95)).toBe(95);
    expect(quantile([3, 1, 2], 0.95)).toBe(3);
    expect(quantile([42], 0.95)).toBe(42);
  });

  it('summarize: n, median, p95, min and max', () => {
    expect(summarize([10, 2, 8, 4, 6])).toEqual({ n: 5, median: 6, p95: 10, min: 2, max: 10 });
    expect(summarize(range(30).reverse())).toEqual({ n: 30, median: 15.5, p95: 29, min: 1, max: 30 });
  });

  it('does not change its input', () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples, non-finite samples and quantiles outside (0, 1]', () => {
    expect(() => median([])).toThrow(/no samples/);
    expect(() => summarize([])).toThrow(/no samples/);
    expect(() => quantile([], 0.5)).toThrow(/no samples/);
    expect(() => summarize([1, Number.NaN])).toThrow(/finite/);
    expect(() => quantile([1], 0)).toThrow(/quantile/);
    expect(() => quantile([1], 1.5)).toThrow(/quantile/);
  });
});
