import type { TextEncodingName } from './decode';
import type { Delimiter } from './sniff';

/** One data row and where it starts in the file, as the user would find it in an editor. */
export interface TableRow {
  /** 1-based physical line (CSV, counting every line of the file, preamble included) or sheet row (XLSX). */
  line: number;
  cells: string[];
  /** What the parser found wrong with the row's quoting. */
  error?: string;
}

export type TableSource =
  | { kind: 'csv'; encoding?: TextEncodingName; delimiter: Delimiter }
  | { kind: 'xlsx'; sheet: string; sheets: string[] };

/** A parsed file: its header row and the rows below it. Blank rows are counted, not kept. */
export interface ParsedTable {
  header: string[];
  headerLine: number;
  rows: TableRow[];
  blankRows: number;
  source: TableSource;
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
