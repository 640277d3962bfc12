import { TimeSlicer, type CooperativeOptions, type Progress } from './cooperative';
import { decodeTextInSlices, detectFormat, rejectNonTabular } from './decode';
import { ImportError } from './import-error';
import { mapRow, rowWidth, type ImportRow } from './map-rows';
import { csvLayout, visitCsvRows } from './parse-csv';
import { parseXlsx } from './parse-xlsx';
import { applyPreset, hasNameColumn, pickPreset, type ColumnMapping, type Preset, type PresetId } from './presets';
import type { Delimiter } from './sniff';
import type { ParsedTable, TableRow } from './table';

const SAMPLE_ROWS = 20;

/**
 * How long one slice of reading or checking the file may run. Shorter than the default: in the
 * extension's renderer V8 optimises for memory, and its compacting collections (50-150 ms with a
 * 100,000-row plan alive) run inside whichever slice allocated last, on top of the slice's own time.
 */
export const IMPORT_SLICE_MS = 12;

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

/** Visits every data row of a file, in order, in time slices; the visitor's own work counts in the slices. */
export type RowVisitor = (options: CooperativeOptions, visit: (row: TableRow) => void) => Promise<void>;

/**
 * A picked file, read as far as the mapping step needs (its header, first rows and counts), and
 * able to go over its rows again: the dry run maps and checks each row as it is parsed, so the
 * file's 100,000 rows are never all in memory at once (the collector's pauses over them were the
 * import's long tasks).
 */
export interface OpenedFile {
  summary: TableSummary;
  visitRows: RowVisitor;
}

/** Share of the opening's progress bar given to decoding; the parse takes the rest. */
const DECODE_SHARE = 0.25;

function scaled(onProgress: ((p: Progress) => void) | undefined, from: number, share: number) {
  return onProgress && ((p: Progress) => onProgress({ done: Math.round(1000 * (from + (share * p.done) / Math.max(1, p.total))), total: 1000 }));
}

/**
 * The file → its summary (header, counts, first rows). CSV: decoded in slices, parsed once to count
 * its rows (keeping only the first ones); the text stays, to be parsed again by `visitRows`.
 * XLSX: the sheet is parsed whole (read-excel-file has no streaming reader) and kept.
 */
export async function openImportFile(bytes: Uint8Array, options: ReadTableOptions = {}): Promise<OpenedFile> {
  if (detectFormat(bytes) === 'xlsx') {
    const table = await parseXlsx(bytes, { sheet: options.sheet });
    return { summary: summarise(table), visitRows: (opts, visit) => visitTableRows(table.rows, { ...opts, sliceMs: opts.sliceMs ?? IMPORT_SLICE_MS }, visit) };
  }
  const { signal, onProgress } = options;
  const sliceMs = options.sliceMs ?? IMPORT_SLICE_MS;
  const { text, encoding } = await decodeTextInSlices(bytes, { signal, sliceMs, onProgress: scaled(onProgress, 0, DECODE_SHARE) });
  rejectNonTabular(text);
  const layout = csvLayout(text, options.delimiter);
  const sample: TableRow[] = [];
  const counts = await visitCsvRows(text, layout, { signal, sliceMs, onProgress: scaled(onProgress, DECODE_SHARE, 1 - DECODE_SHARE) }, (row) => {
    if (sample.length < SAMPLE_ROWS) sample.push(row);
  });
  return {
    summary: {
      header: layout.header,
      headerLine: layout.headerLine,
      blankRows: counts.blankRows,
      rowCount: counts.rows,
      sample,
      source: { kind: 'csv', encoding, delimiter: layout.delimiter },
    },
    visitRows: async (opts, visit) => void (await visitCsvRows(text, layout, { ...opts, sliceMs: opts.sliceMs ?? IMPORT_SLICE_MS }, visit)),
  };
}

async function visitTableRows(rows: readonly TableRow[], options: CooperativeOptions, visit: (row: TableRow) => void): Promise<void> {
  const slicer = new TimeSlicer({ ...options, what: 'Reading the file' });
  for (let i = 0; i < rows.length; i++) {
    if ((i & 63) === 0) await slicer.step(i, rows.length);
    visit(rows[i]!);
  }
}

function summarise(table: ParsedTable): TableSummary {
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

/** Every data row of the file in our terms, in order. */
async function mapFileRows(file: OpenedFile, mapping: ColumnMapping, options: CooperativeOptions = {}): Promise<ImportRow[]> {
  const width = rowWidth(file.summary.header);
  const out: ImportRow[] = [];
  await file.visitRows(options, (row) => out.push(mapRow(row, mapping, width)));
  return out;
}

/** The file → rows in our terms, ready for the dry run; the raw cells are not kept. */
export async function readImportFile(bytes: Uint8Array, options: ReadImportOptions = {}): Promise<ImportPreview> {
  const file = await openImportFile(bytes, options);
  const picked = resolveMapping(file.summary.header, options);
  if (!hasNameColumn(picked.mapping)) throw noNameColumnError(file.summary.header);
  const rows = await mapFileRows(file, picked.mapping, { signal: options.signal });
  return { table: file.summary, ...picked, rows };
}
