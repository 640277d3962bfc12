import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { summarize } from './stats';

export const Machine = z.object({
  cpus: z.number().int().positive(),
  memGiB: z.number().positive(),
  node: z.string().min(1),
  chromium: z.string().min(1),
});
export type Machine = z.infer<typeof Machine>;

export const ResultEntry = z.object({
  name: z.string().min(1),
  unit: z.string().min(1),
  n: z.number().int().positive(),
  median: z.number(),
  p95: z.number(),
  min: z.number(),
  max: z.number(),
  /** Another entry measured in the same run. */
  baseline: z.string().min(1).optional(),
  /** median / the baseline's median. */
  ratio: z.number().optional(),
});
export type ResultEntry = z.infer<typeof ResultEntry>;

export const ResultsFile = z.object({
  runAt: z.iso.datetime(),
  machine: Machine,
  results: z.array(ResultEntry),
});
export type ResultsFile = z.infer<typeof ResultsFile>;

/** What a benchmark hands back: its samples, and optionally which entry it is compared with. */
export interface Measurement {
  name: string;
  unit: string;
  samples: number[];
  baseline?: string;
}

/** Three decimals: timers in pages tick in 0.1 ms, so more digits are float noise. */
const round = (v: number) => Math.round(v * 1000) / 1000;

/** Summaries with their ratio to the baseline, which must have been measured in the same run. */
export function toEntries(measured: readonly Measurement[]): ResultEntry[] {
  const byName = new Map(measured.map((m) => [m.name, summarize(m.samples)]));
  return measured.map((m) => {
    const s = byName.get(m.name)!;
    const entry: ResultEntry = { name: m.name, unit: m.unit, n: s.n, median: round(s.median), p95: round(s.p95), min: round(s.min), max: round(s.max) };
    if (m.baseline !== undefined) {
      const base = byName.get(m.baseline);
      if (!base) throw new Error(`${m.name}: its baseline ${m.baseline} was not measured in this run`);
      if (base.median === 0) throw new Error(`${m.name}: its baseline ${m.baseline} has a median of 0`);
      entry.baseline = m.baseline;
      entry.ratio = round(s.median / base.median);
    }
    return entry;
  });
}

/**
 * This run's entries replace those of the same name in the previous file; the others are kept, in
 * their order, followed by the new ones. runAt and machine are this run's. A kept entry whose
 * baseline this run re-measured loses its ratio (and baseline): that ratio was against the old
 * figure, and ratios only hold within one run.
 */
export function mergeResults(previous: ResultsFile | undefined, run: { runAt: string; machine: Machine; results: ResultEntry[] }): ResultsFile {
  const fresh = new Map(run.results.map((r) => [r.name, r]));
  const kept = (previous?.results ?? []).map((r) => {
    const replaced = fresh.get(r.name);
    if (replaced) return replaced;
    if (r.baseline === undefined || !fresh.has(r.baseline)) return r;
    const { baseline: _b, ratio: _r, ...stale } = r;
    return stale;
  });
  const keptNames = new Set(kept.map((r) => r.name));
  return { runAt: run.runAt, machine: run.machine, results: [...kept, ...run.results.filter((r) => !keptNames.has(r.name))] };
}

/** The previous results, or undefined (with a notice) when the file is missing or not valid. */
export function readResults(path: string): ResultsFile | undefined {
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    json = undefined;
  }
  const parsed = ResultsFile.safeParse(json);
  if (!parsed.success) {
    console.warn(`[bench] ignoring ${path}: not a valid results file`);
    return undefined;
  }
  return parsed.data;
}

export function writeResults(path: string, results: ResultsFile): void {
  writeFileSync(path, `${JSON.stringify(ResultsFile.parse(results), null, 2)}\n`);
}
