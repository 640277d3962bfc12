import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../bench/benchmark';
import { parseArgs, select } from '../../bench/cli';

const bench = (name: string, extra: Partial<Pick<Benchmark, 'needs' | 'heavy'>> = {}): Benchmark => ({
  name,
  people: 'none',
  run: async () => [],
  ...extra,
});

const ALL = [
  bench('bundle.content_gz_kb'),
  bench('annotate.bare_roundtrip'),
  bench('annotate.scaling.1k'),
  bench('annotate.card_paint', { needs: ['annotate.bare_roundtrip'] }),
  bench('annotate.scaling.100k', { needs: ['annotate.scaling.1k'] }),
  bench('annotate.scaling.1m', { needs: ['annotate.scaling.1k'], heavy: 'slow' }),
  bench('popup.first_paint'),
];
const names = (bs: Benchmark[]) => bs.map((b) => b.name);

describe('bench command line', () => {
  it('reads --only (both spellings), --samples, --warmup, --no-build and --heavy', () => {
    expect(parseArgs([])).toEqual({ samples: 30, warmup: 5, build: true, heavy: false });
    expect(parseArgs(['--only', 'annotate.bare']).only).toBe('annotate.bare');
    expect(parseArgs(['--only=popup.']).only).toBe('popup.');
    expect(parseArgs(['--samples', '50', '--warmup=0', '--no-build', '--heavy'])).toEqual({ samples: 50, warmup: 0, build: false, heavy: true });
  });

  it('refuses unknown arguments and bad values', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument/);
    expect(() => parseArgs(['--only'])).toThrow(/prefix/);
    expect(() => parseArgs(['--samples', '0'])).toThrow(/whole number/);
    expect(() => parseArgs(['--warmup', 'x'])).toThrow(/whole number/);
  });

  it('--only selects by name prefix, keeping registry order', () => {
    expect(names(select(ALL, 'annotate.bare'))).toEqual(['annotate.bare_roundtrip']);
    expect(names(select(ALL, 'popup'))).toEqual(['popup.first_paint']);
    expect(names(select(ALL, 'annotate.scaling.1'))).toEqual(['annotate.scaling.1k', 'annotate.scaling.100k', 'annotate.scaling.1m']);
  });

  it('adds the baselines of what it selects, so that ratios are measured in the same run', () => {
    expect(names(select(ALL, 'annotate.card_paint'))).toEqual(['annotate.bare_roundtrip', 'annotate.card_paint']);
    expect(names(select(ALL, 'annotate.scaling.1m'))).toEqual(['annotate.scaling.1k', 'annotate.scaling.1m']);
  });

  it('a full run leaves heavy benchmarks out unless asked', () => {
    expect(names(select(ALL, undefined))).not.toContain('annotate.scaling.1m');
    expect(names(select(ALL, undefined))).toHaveLength(ALL.length - 1);
    expect(names(select(ALL, undefined, true))).toEqual(names(ALL));
  });

  it('refuses a prefix that selects nothing, and an unknown baseline', () => {
    expect(() => select(ALL, 'nope')).toThrow(/no benchmark starts with "nope"/);
    expect(() => select([bench('a', { needs: ['ghost'] })], 'a')).toThrow(/unknown baseline ghost/);
  });
});
