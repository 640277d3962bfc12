import type { ResultEntry } from './results';

/** The targets of issue 3: an entry's figure must be at most `max`. */
export interface Target {
  name: string;
  figure: 'median' | 'p95' | 'ratio';
  max: number;
}

export const TARGETS: Target[] = [
  { name: 'annotate.card_paint', figure: 'median', max: 30 },
  { name: 'annotate.card_paint', figure: 'p95', max: 60 },
  { name: 'annotate.card_paint', figure: 'ratio', max: 3 },
  { name: 'annotate.scaling.1m', figure: 'ratio', max: 2 },
  { name: 'annotate.spa_nav', figure: 'median', max: 50 },
  { name: 'popup.first_paint', figure: 'median', max: 150 },
  { name: 'search.keystroke_100k', figure: 'median', max: 30 },
  { name: 'pipeline.stage_move', figure: 'median', max: 20 },
  { name: 'bundle.content_gz_kb.', figure: 'median', max: 120 },
  { name: 'sync.pull_p99_ms', figure: 'median', max: 50 },
  { name: 'sync.push_p99_ms', figure: 'median', max: 50 },
  { name: 'sync.initial_100k', figure: 'median', max: 15_000 },
  { name: 'sync.incremental_100', figure: 'median', max: 300 },
  { name: 'memory.tab_mb', figure: 'median', max: 10 },
  { name: 'export.csv_100k', figure: 'median', max: 2000 },
  { name: 'export.xlsx_100k', figure: 'median', max: 8000 },
  { name: 'import.csv_100k', figure: 'median', max: 10_000 },
  { name: 'export.csv_100k.longest_task_ms', figure: 'p95', max: 100 },
  { name: 'export.xlsx_100k.longest_task_ms', figure: 'p95', max: 100 },
  { name: 'import.csv_100k.longest_task_ms', figure: 'p95', max: 100 },
  { name: 'export.csv_100k.peak_heap_mb', figure: 'p95', max: 300 },
  { name: 'export.xlsx_100k.peak_heap_mb', figure: 'p95', max: 300 },
  { name: 'import.csv_100k.peak_heap_mb', figure: 'p95', max: 300 },
];

/** One line per target whose entry is in `results` (a name ending in `.` covers every entry it prefixes). */
export function checkTargets(results: readonly ResultEntry[]): string[] {
  return TARGETS.flatMap((t) =>
    results
      .filter((r) => (t.name.endsWith('.') ? r.name.startsWith(t.name) : r.name === t.name))
      .map((r) => {
        const v = r[t.figure];
        const verdict = v === undefined ? 'n/a' : v <= t.max ? 'met' : 'MISSED';
        return `${verdict.padEnd(6)} ${r.name} ${t.figure} ${v === undefined ? '-' : v.toFixed(2)} (target ≤ ${t.max})`;
      }),
  );
}
