import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeResults, readResults, ResultsFile, toEntries, writeResults, type ResultEntry } from '../../bench/results';

const machine = { cpus: 2, memGiB: 23.5, node: 'v20.20.2', chromium: '156.0.8078.79' };
const entry = (name: string, median: number): ResultEntry => ({ name, unit: 'ms', n: 1, median, p95: median, min: median, max: median });

describe('bench results', () => {
  it('summarises each measurement and divides its median by its baseline median', () => {
    const entries = toEntries([
      { name: 'bare', unit: 'ms', samples: [2, 4, 3] },
      { name: 'card', unit: 'ms', samples: [9, 6, 12, 3], baseline: 'bare' },
    ]);
    expect(entries).toEqual([
      { name: 'bare', unit: 'ms', n: 3, median: 3, p95: 4, min: 2, max: 4 },
      { name: 'card', unit: 'ms', n: 4, median: 7.5, p95: 12, min: 3, max: 12, baseline: 'bare', ratio: 2.5 },
    ]);
  });

  it('rounds figures and ratios to three decimals (page timers tick in 0.1 ms)', () => {
    const [bare, card] = toEntries([
      { name: 'bare', unit: 'ms', samples: [2.6000000000931323] },
      { name: 'card', unit: 'ms', samples: [33.35], baseline: 'bare' },
    ]);
    expect(bare!.median).toBe(2.6);
    expect(card!.ratio).toBe(12.827);
  });

  it('refuses a baseline not measured in the same run, or with a median of 0', () => {
    expect(() => toEntries([{ name: 'card', unit: 'ms', samples: [1], baseline: 'bare' }])).toThrow(/not measured in this run/);
    expect(() =>
      toEntries([
        { name: 'bare', unit: 'ms', samples: [0] },
        { name: 'card', unit: 'ms', samples: [1], baseline: 'bare' },
      ]),
    ).toThrow(/median of 0/);
  });

  it('merges a partial run: same names replaced in place, others kept, new ones appended, runAt and machine current', () => {
    const previous: ResultsFile = {
      runAt: '2026-01-01T00:00:00.000Z',
      machine: { ...machine, chromium: '150.0' },
      results: [entry('a', 1), entry('b', 2), entry('c', 3)],
    };
    const merged = mergeResults(previous, { runAt: '2026-02-02T00:00:00.000Z', machine, results: [entry('b', 20), entry('d', 4)] });
    expect(merged.runAt).toBe('2026-02-02T00:00:00.000Z');
    expect(merged.machine).toEqual(machine);
    expect(merged.results.map((r) => [r.name, r.median])).toEqual([
      ['a', 1],
      ['b', 20],
      ['c', 3],
      ['d', 4],
    ]);
    expect(mergeResults(undefined, { runAt: merged.runAt, machine, results: [entry('x', 1)] }).results).toEqual([entry('x', 1)]);
  });

  it('drops the ratio of a kept entry whose baseline this run re-measured: ratios only hold within one run', () => {
    const previous: ResultsFile = {
      runAt: '2026-01-01T00:00:00.000Z',
      machine,
      results: [entry('base', 10), { ...entry('big', 20), baseline: 'base', ratio: 2 }, { ...entry('other', 5), baseline: 'x', ratio: 1 }],
    };
    const merged = mergeResults(previous, { runAt: '2026-02-02T00:00:00.000Z', machine, results: [entry('base', 8)] });
    expect(merged.results).toEqual([entry('base', 8), entry('big', 20), { ...entry('other', 5), baseline: 'x', ratio: 1 }]);
  });

  it('has the documented JSON shape', () => {
    const good = { runAt: '2026-11-21T19:56:59.259Z', machine, results: [{ ...entry('card', 7.5), baseline: 'bare', ratio: 2.5 }] };
    expect(ResultsFile.parse(good)).toEqual(good);
    expect(ResultsFile.safeParse({ ...good, runAt: 'yesterday' }).success).toBe(false);
    expect(ResultsFile.safeParse({ ...good, machine: { cpus: 2 } }).success).toBe(false);
    expect(ResultsFile.safeParse({ ...good, results: [{ name: 'x', unit: 'ms', n: 0, median: 1, p95: 1, min: 1, max: 1 }] }).success).toBe(false);
    expect(ResultsFile.safeParse({ ...good, results: [{ name: 'x', unit: 'ms', n: 1, median: '1', p95: 1, min: 1, max: 1 }] }).success).toBe(false);
  });

  it('writes a file it reads back, and ignores a missing or corrupt one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
    const file = join(dir, 'results.json');
    expect(readResults(file)).toBeUndefined();
    const results: ResultsFile = { runAt: '2026-11-21T19:56:59.259Z', machine, results: [entry('a', 1)] };
    writeResults(file, results);
    expect(readResults(file)).toEqual(results);
    writeFileSync(file, '{ not json');
    expect(readResults(file)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ results: 'nope' }));
    expect(readResults(file)).toBeUndefined();
  });
});
