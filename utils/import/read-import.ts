import { TimeSlicer, type CooperativeOptions } from './cooperative';
import { decodeText, detectFormat, rejectNonTabular } from './decode';
import { ImportError } from './import-error';
import { mapRow, rowWidth, type ImportRow } from './map-rows';
import { parseCsv } from './parse-csv';
import { parseXlsx } from './parse-xlsx';
import { applyPreset, hasNameColumn, pickPreset, type ColumnMapping, type Preset, type PresetId } from './presets';
import type { Delimiter } from './sniff';
import type { ParsedTable, TableRow } from './table';

const SAMPLE_ROWS = 20;

export interface ReadTableOptions extends CooperativeOptions {
  /** XLSX: the sheet the user picked from `table.source.sheets`. */
  sheet?: string;
  /** CSV: the delimiter the user picked, when the sniffed one was wrong. */
  delimiter?: Delimiter;
}

export interface ReadImportOptions extends ReadTableOptions {
  /** The user's own mapping, when no preset fits. */
  mapping?: ColumnMapping;
  /** The preset the user picked instead of the detected one. */
  presetId?: PresetId;
}

/** The parsed table without its rows (they live on as `rows`), plus the first rows for the mapping preview. */
export type TableSummary = Omit<ParsedTable, 'rows'> & { rowCount: number; sample: TableRow[] };

export interface ImportPreview {
  table: TableSummary;
  preset: Preset;
  mapping: ColumnMapping;
  rows: ImportRow[];
}

/**
 * A picked file → its table. The format is judged by content, so a tab-separated UTF-16 file named
 * `.csv` (LinkedIn's Shares.csv) or an XLSX renamed `.csv` works.
 */
export async function readImportTable(bytes: Uint8Array, options: ReadTableOptions = {}): Promise<ParsedTable> {
  if (detectFormat(bytes) === 'xlsx') return parseXlsx(bytes, { sheet: options.sheet });
  const { text, encoding } = decodeText(bytes);
  rejectNonTabular(text);
  return parseCsv(text, { ...options, encoding });
}

export function summarise(table: ParsedTable): TableSummary {
  const { rows, ...summary } = table;
  return { ...summary, rowCount: rows.length, sample: rows.slice(0, SAMPLE_ROWS) };
}

/** The preset and mapping for a table: the user's, else the picked preset's, else the detected one. */
export function resolveMapping(header: string[], options: Pick<ReadImportOptions, 'mapping' | 'presetId'> = {}): { preset: Preset; mapping: ColumnMapping } {
  const picked = options.presetId ? applyPreset(options.presetId, header) : pickPreset(header);
  return options.mapping ? { preset: picked.preset, mapping: options.mapping } : picked;
}

/** A mapping without a name column cannot import anyone: say so, naming the file's columns. */
export function noNameColumnError(header: string[]): ImportError {
  const columns = header.filter((h) => h !== '').slice(0, 12).map((h) => `"${h}"`).join(', ');
  return new ImportError(
    'no-name-column',
    `No name column found, so there are no people to import. This file's columns are ${columns || '(none)'}; a people file needs "Name" (or "First Name" and "Last Name", "姓名").`,
  );
}

/** Every row of the table in our terms, in time slices (100k rows would hold the UI thread). */
export async function mapTable(table: ParsedTable, mapping: ColumnMapping, options: CooperativeOptions = {}): Promise<ImportRow[]> {
  const width = rowWidth(table.header);
  const slicer = new TimeSlicer({ ...options, what: 'Reading the file' });
  const out: ImportRow[] = new Array<ImportRow>(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    if ((i & 255) === 0 && slicer.due()) await slicer.step(i, table.rows.length);
    out[i] = mapRow(table.rows[i]!, mapping, width);
  }
  return out;
}

/** The file → rows in our terms, ready for the dry run; the raw cells are not kept. */
export async function readImportFile(bytes: Uint8Array, options: ReadImportOptions = {}): Promise<ImportPreview> {
  const table = await readImportTable(bytes, options);
  const picked = resolveMapping(table.header, options);
  if (!hasNameColumn(picked.mapping)) throw noNameColumnError(table.header);
  const rows = await mapTable(table, picked.mapping, { signal: options.signal });
  return { table: summarise(table), ...picked, rows };
}
