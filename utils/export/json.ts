import { TimeSlicer } from '../import/cooperative';
import type { CellValue, ExportColumn, ExportOptions, ExportRow } from './columns';
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

/** The rows as a JSON array, built in parts (one row per line) so a large export never stalls the UI. */
export async function toJsonText(rows: readonly ExportRow[], columns: readonly ExportColumn[], options: ExportOptions = {}): Promise<string[]> {
  const parts: string[] = ['['];
  const slicer = new TimeSlicer({ ...options, what: 'Export' });
  for (const [i, row] of rows.entries()) {
    await slicer.step(i, rows.length);
    parts.push(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(jsonRow(row, columns))}`);
  }
  parts.push(rows.length ? '\n]\n' : ']\n');
  options.onProgress?.({ done: rows.length, total: rows.length });
  return parts;
}
