import type { ResultEntry } from './results';

const HEADERS = ['name', 'unit', 'n', 'median', 'p95', 'min', 'max', 'baseline', 'ratio'];

function num(v: number): string {
  const abs = Math.abs(v);
  return v.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

function cells(r: ResultEntry): string[] {
  return [r.name, r.unit, String(r.n), num(r.median), num(r.p95), num(r.min), num(r.max), r.baseline ?? '', r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`];
}

/** A plain-text table for the terminal, numbers right-aligned. */
export function textTable(results: readonly ResultEntry[]): string {
  const rows = [HEADERS, ...results.map(cells)];
  const widths = HEADERS.map((_h, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const numeric = new Set([2, 3, 4, 5, 6, 8]);
  return rows
    .map((r) => r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}

/** The same as a markdown table, to paste into a README. */
export function markdownTable(results: readonly ResultEntry[]): string {
  const line = (c: string[]) => `| ${c.join(' | ')} |`;
  return [line(HEADERS), line(HEADERS.map((_h, i) => (i >= 2 && i !== 7 ? '---:' : '---'))), ...results.map((r) => line(cells(r)))].join('\n');
}
