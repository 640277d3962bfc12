import { TimeSlicer } from '../import/cooperative';
import type { CellValue, ExportColumn, ExportOptions, ExportRow, ExportRowSource } from './columns';
import { formatLocalDay } from './dates';

type JsonValue = string | number | null;

function jsonValue(v: CellValue | undefined, dayOnly = false): JsonValue {
  if (v === undefined) return null;
  if (v instanceof Date) return dayOnly ? formatLocalDay(v) : v.toISOString();
  return v;
}

/**
 * One row as a plain object keyed by column id. The shape of a key never depends on the row:
 * single values are a value or null, lists and per-pipeline columns are always arrays.
 */
export function jsonRow(row: ExportRow, columns: readonly ExportColumn[]): Record<string, JsonValue | JsonValue[]> {
  const out: Record<string, JsonValue | JsonValue[]> = {};
  for (const c of columns) {
    const values = c.values(row).map((v) => jsonValue(v, c.dayOnly));
    out[c.id] = c.shape === 'one' ? (values[0] ?? null) : values;
  }
  return out;
}

/** Rows made and rendered at a time (see ExportRowSource). */
const BATCH = 128;

/** The rows as a JSON array, built in parts (one row per line) so a large export never stalls the UI. */
export async function toJsonText(source: ExportRowSource, columns: readonly ExportColumn[], options: ExportOptions = {}): Promise<string[]> {
  const parts: string[] = ['['];
  const slicer = new TimeSlicer({ ...options, what: 'Export' });
  for (let from = 0; from < source.length; from += BATCH) {
    await slicer.step(from, source.length);
    source.rows(from, from + BATCH).forEach((row, i) => parts.push(`${from + i === 0 ? '\n' : ',\n'}${JSON.stringify(jsonRow(row, columns))}`));
  }
  parts.push(source.length ? '\n]\n' : ']\n');
  options.onProgress?.({ done: source.length, total: source.length });
  return parts;
}
