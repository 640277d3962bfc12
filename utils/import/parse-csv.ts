import Papa from 'papaparse';
import { abortError, TimeSlicer, yieldToEventLoop, type CooperativeOptions } from './cooperative';
import type { TextEncodingName } from './decode';
import { ImportError } from './import-error';
import { findHeaderRow, sniffDelimiter, sniffLineBreak, type Delimiter, type LineBreak } from './sniff';
import { isBlank, type ParsedTable, type TableRow } from './table';

export interface ParseCsvOptions extends CooperativeOptions {
  delimiter?: Delimiter;
  /** Recorded in the result so the preview can say how the file was read. */
  encoding?: TextEncodingName;
}

/** Counts physical lines as an editor does: CRLF, LF and a lone CR (old Mac files) each end one. */
class LineCounter {
  private pos = 0;
  private breaks = 0;

  constructor(private readonly text: string) {}

  /** 1-based line on which the character at `offset` stands. Offsets must not go backwards. */
  lineAt(offset: number): number {
    const t = this.text;
    for (let i = this.pos; i < offset; i++) {
      const c = t.charCodeAt(i);
      if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) this.breaks++;
    }
    this.pos = Math.max(this.pos, offset);
    return this.breaks + 1;
  }
}

const QUOTE_ERRORS: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed',
  InvalidQuotes: 'a quote inside a field is not doubled',
};

function describeErrors(errors: Papa.ParseError[]): string {
  return errors.map((e) => QUOTE_ERRORS[e.code] ?? e.message).join('; ');
}

/** Where the table starts in a CSV text: the delimiter, and the header row found below any preamble. */
export interface CsvLayout {
  delimiter: Delimiter;
  newline: LineBreak;
  /** Index of the header row among all rows of the text, blank ones included. */
  headerIndex: number;
  header: string[];
  headerLine: number;
}

const HEADER_ROWS = 50;

/** The delimiter (sniffed unless given) and the header row, from the first rows of the text only. */
export function csvLayout(input: string, delimiter?: Delimiter): CsvLayout {
  const text = withoutBom(input);
  if (text.trim() === '') throw new ImportError('empty', 'The file has no rows.');
  const d = delimiter ?? sniffDelimiter(text);
  const newline = sniffLineBreak(text);
  const rows: string[][] = [];
  const starts: number[] = [];
  let end = 0;
  Papa.parse<string[]>(text, {
    delimiter: d,
    newline,
    skipEmptyLines: false,
    preview: HEADER_ROWS,
    step: (result) => {
      starts.push(end);
      end = result.meta.cursor;
      rows.push(result.data);
    },
  });
  const headerIndex = findHeaderRow(rows);
  if (headerIndex < 0) throw new ImportError('empty', 'The file has no rows.');
  return { delimiter: d, newline, headerIndex, header: rows[headerIndex]!.map((h) => h.trim()), headerLine: new LineCounter(text).lineAt(starts[headerIndex]!) };
}

function withoutBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}

export interface RowCounts {
  /** Data rows visited (below the header, not blank). */
  rows: number;
  /** Blank rows below the header: counted, not visited. */
  blankRows: number;
}

/**
 * Visit every data row of the text (below the header, blank ones counted and skipped) with the
 * line it starts on, without keeping them: the caller keeps what it needs. Papa runs in step mode
 * so that it can be paused: the UI thread gets the event loop back every few dozen milliseconds
 * (`visit`'s own work included), and a cancel stops the parse.
 */
export function visitCsvRows(input: string, layout: CsvLayout, options: CooperativeOptions, visit: (row: TableRow) => void): Promise<RowCounts> {
  const text = withoutBom(input);
  const counts: RowCounts = { rows: 0, blankRows: 0 };
  const lines = new LineCounter(text);
  const slicer = new TimeSlicer({ ...options, what: 'Reading the file' });
  let index = -1;
  // After a pause Papa resumes on the rest of the text and counts its cursor from there.
  let base = 0;
  let end = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    Papa.parse<string[]>(text, {
      delimiter: layout.delimiter,
      newline: layout.newline,
      skipEmptyLines: false,
      step: (result, parser) => {
        const start = end;
        end = base + result.meta.cursor;
        index++;
        // Papa's trailing empty "row" after a final line break starts at the very end: not a row.
        if (start >= text.length && isBlank(result.data)) return;
        if (index > layout.headerIndex) {
          const blank = isBlank(result.data) && !result.errors.length;
          if (blank) counts.blankRows++;
          else {
            const row: TableRow = { line: lines.lineAt(start), cells: result.data };
            if (result.errors.length) row.error = describeErrors(result.errors);
            counts.rows++;
            try {
              visit(row);
            } catch (e) {
              failed = true;
              parser.abort();
              reject(e);
              return;
            }
          }
        }
        if (!slicer.due()) return;
        parser.pause();
        base = end;
        options.onProgress?.({ done: end, total: text.length });
        void yieldToEventLoop().then(() => {
          if (options.signal?.aborted) {
            failed = true;
            parser.abort();
            reject(abortError('Reading the file cancelled'));
          } else {
            slicer.restart();
            parser.resume();
          }
        });
      },
      complete: () => {
        if (!failed) resolve(counts);
      },
    });
  });
}

/**
 * Parse CSV text into a table: the delimiter is sniffed unless given, the header row is found
 * below any preamble, and each row keeps the physical line it starts on. Keeps every row: the
 * popup's import visits them instead (visitCsvRows).
 */
export async function parseCsv(input: string, options: ParseCsvOptions = {}): Promise<ParsedTable> {
  const layout = csvLayout(input, options.delimiter);
  const rows: TableRow[] = [];
  const { blankRows } = await visitCsvRows(input, layout, options, (row) => rows.push(row));
  return {
    header: layout.header,
    headerLine: layout.headerLine,
    rows,
    blankRows,
    source: { kind: 'csv', encoding: options.encoding, delimiter: layout.delimiter },
  };
}
