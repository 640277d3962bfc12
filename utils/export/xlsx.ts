import { TimeSlicer, throwIfAborted } from '../import/cooperative';
import type { ExportColumn, ExportOptions, ExportRow, ExportRowSource } from './columns';
import { xlsxPackageSink } from './xlsx-package-sink';
import { XlsxSheetXml, type XlsxCell } from './xlsx-writer';

export const XLSX_DATE_FORMAT = 'yyyy-mm-dd hh:mm';
export const XLSX_DAY_FORMAT = 'yyyy-mm-dd';
const MAX_WIDTH = 60;
/**
 * Rows turned into XML and sent to be deflated at a time: small enough that a batch's garbage dies
 * in the young generation (see ExportRowSource).
 */
const BATCH = 64;

/**
 * Excel dates carry no time zone: a cell holds the wall-clock time it shows. Shifting by the local
 * offset makes the cell show the user's local time, as the CSV export does.
 */
export function excelWallClock(d: Date): Date {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
}

/**
 * A single value keeps its type (a real Excel date, a number); several values — a person in two
 * pipelines — become one text cell joined like the CSV, so nothing is dropped.
 */
export function xlsxCell(column: ExportColumn, row: ExportRow): XlsxCell {
  const values = column.values(row);
  if (values.length > 1 || column.shape === 'list') {
    const joined = column.text(row);
    return joined ? { kind: 'text', value: joined } : null;
  }
  const v = values[0];
  if (v === undefined) return null;
  if (v instanceof Date) return { kind: 'date', value: excelWallClock(v), dayOnly: column.dayOnly };
  if (typeof v === 'number') return { kind: 'number', value: v };
  return { kind: 'text', value: v };
}

/**
 * XLSX with typed dates, a frozen bold header row and column widths. The sheet's XML is built here
 * in time slices, and compressed into the package by a worker as it comes (xlsx-package-sink.ts).
 */
export async function toXlsx(
  source: ExportRowSource,
  columns: readonly ExportColumn[],
  options: ExportOptions & { sheetName?: string } = {},
): Promise<Blob> {
  const sheet = new XlsxSheetXml(columns.map((c) => Math.min(MAX_WIDTH, Math.max(c.width, c.header.length + 2))));
  const sink = xlsxPackageSink({ sheetName: options.sheetName ?? 'Scoutbook', dateTimeFormat: XLSX_DATE_FORMAT, dayFormat: XLSX_DAY_FORMAT, level: 1 });
  try {
    await sink.push(sheet.head() + sheet.rows([columns.map((c): XlsxCell => ({ kind: 'text', value: c.header, bold: true }))]));
    const slicer = new TimeSlicer({ ...options, what: 'Export' });
    for (let from = 0; from < source.length; from += BATCH) {
      await slicer.step(from, source.length);
      await sink.push(sheet.rows(source.rows(from, from + BATCH).map((row) => columns.map((c) => xlsxCell(c, row)))));
    }
    throwIfAborted(options.signal, 'Export cancelled');
    await sink.push(XlsxSheetXml.TAIL);
    const blob = await sink.finish('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    options.onProgress?.({ done: source.length, total: source.length });
    return blob;
  } catch (e) {
    sink.cancel();
    throw e;
  }
}
