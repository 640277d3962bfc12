import type { CooperativeOptions } from './cooperative';
import { decodeText, detectFormat, rejectNonTabular } from './decode';
import { ImportError } from './import-error';
import { mapRows, type ImportRow } from './map-rows';
import { parseCsv } from './parse-csv';
import { parseXlsx } from './parse-xlsx';
import { hasNameColumn, pickPreset, type ColumnMapping, type Preset } from './presets';
import type { Delimiter } from './sniff';
import type { ParsedTable, TableRow } from './table';

const SAMPLE_ROWS = 20;

export interface ReadImportOptions extends CooperativeOptions {
  /** XLSX: the sheet the user picked from `table.source.sheets`. */
  sheet?: string;
  /** CSV: the delimiter the user picked, when the sniffed one was wrong. */
  delimiter?: Delimiter;
  /** The user's own mapping, when no preset fits. */
  mapping?: ColumnMapping;
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
 * A picked file → rows in our terms, ready for the dry run. The format is judged by content, so a
 * tab-separated UTF-16 file named `.csv` (LinkedIn's Shares.csv) or an XLSX renamed `.csv` works.
 */
export async function readImportFile(bytes: Uint8Array, options: ReadImportOptions = {}): Promise<ImportPreview> {
  let table: ParsedTable;
  if (detectFormat(bytes) === 'xlsx') {
    table = await parseXlsx(bytes, { sheet: options.sheet });
  } else {
    const { text, encoding } = decodeText(bytes);
    rejectNonTabular(text);
    table = await parseCsv(text, { ...options, encoding });
  }
  const picked = options.mapping ? { preset: pickPreset(table.header).preset, mapping: options.mapping } : pickPreset(table.header);
  if (!hasNameColumn(picked.mapping)) {
    const columns = table.header.filter((h) => h !== '').slice(0, 12).map((h) => `"${h}"`).join(', ');
    throw new ImportError(
      'no-name-column',
      `No name column found, so there are no people to import. This file's columns are ${columns || '(none)'}; a people file needs "Name" (or "First Name" and "Last Name", "姓名").`,
    );
  }
  const rows = mapRows(table, picked.mapping);
  // The raw cells are dropped here: for a 50 MB file they are most of the memory.
  const { rows: raw, ...summary } = table;
  return { table: { ...summary, rowCount: raw.length, sample: raw.slice(0, SAMPLE_ROWS) }, ...picked, rows };
}
