import type { Benchmark } from './benchmark';
import { annotateBenchmarks } from './benchmarks/annotate';
import { bundleBenchmarks } from './benchmarks/bundle';
import { dataBenchmarks } from './benchmarks/data';
import { memoryBenchmarks } from './benchmarks/memory';
import { popupBenchmarks } from './benchmarks/popup';
import { stageMoveBenchmarks } from './benchmarks/stage-move';
import { syncBenchmarks } from './sync';

/**
 * Every benchmark. The runner keeps this order within a dataset size and runs the sizes smallest
 * first, since the lab's data only grows.
 */
export const BENCHMARKS: Benchmark[] = [
  ...bundleBenchmarks,
  ...annotateBenchmarks,
  ...memoryBenchmarks,
  ...popupBenchmarks,
  ...stageMoveBenchmarks,
  ...dataBenchmarks,
  ...syncBenchmarks,
];

/** Run order: no browser first, then by the people they need (stable). */
export function runOrder(selected: readonly Benchmark[]): Benchmark[] {
  const size = (b: Benchmark) => (b.people === 'none' ? -1 : b.people);
  return [...selected].sort((x, y) => size(x) - size(y));
}
