import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/universal';
import { TimeSlicer, throwIfAborted } from '../import/cooperative';
import type { ExportColumn, ExportOptions, ExportRow } from './columns';

export const XLSX_DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const MAX_WIDTH = 60;

/**
 * Excel dates carry no time zone and write-excel-file converts from UTC. Shifting by the local
 * offset makes the cell show the user's wall-clock time, as the CSV export does.
 */
export function excelWallClock(d: Date): Date {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
}

/**
 * A single value keeps its type (a real Excel date, a number); several values — a person in two
 * pipelines — become one text cell joined like the CSV, so nothing is dropped.
 */
export function xlsxCell(column: ExportColumn, row: ExportRow): Cell {
  const values = column.values(row);
  if (values.length > 1 || column.shape === 'list') {
    const joined = column.text(row);
    return joined ? { value: joined, type: String } : null;
  }
  const v = values[0];
  if (v === undefined) return null;
  if (v instanceof Date) return { value: excelWallClock(v), type: Date, format: XLSX_DATE_FORMAT };
  if (typeof v === 'number') return { value: v, type: Number };
  return { value: v, type: String };
}

/**
 * XLSX with typed dates, a frozen header row and column widths. Rows are turned into cells in
 * time slices; the zip itself is one call into write-excel-file.
 */
export async function toXlsx(
  rows: readonly ExportRow[],
  columns: readonly ExportColumn[],
  options: ExportOptions & { sheetName?: string } = {},
): Promise<Blob> {
  const header: Row = columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' }));
  const data: Row[] = [header];
  const slicer = new TimeSlicer({ ...options, what: 'Export' });
  for (const [i, row] of rows.entries()) {
    await slicer.step(i, rows.length);
    data.push(columns.map((c) => xlsxCell(c, row)));
  }
  throwIfAborted(options.signal, 'Export cancelled');
  const widths = columns.map((c) => ({ width: Math.min(MAX_WIDTH, Math.max(c.width, c.header.length + 2)) }));
  const blob = await writeXlsxFile(data, {
    sheet: options.sheetName ?? 'Scoutbook',
    columns: widths,
    stickyRowsCount: 1,
    dateFormat: XLSX_DATE_FORMAT,
  }).toBlob();
  throwIfAborted(options.signal, 'Export cancelled');
  options.onProgress?.({ done: rows.length, total: rows.length });
  return blob;
}
