import Papa from 'papaparse';
import { abortError, TimeSlicer, yieldToEventLoop, type CooperativeOptions } from './cooperative';
import type { TextEncodingName } from './decode';
import { ImportError } from './import-error';
import { findHeaderRow, sniffDelimiter, type Delimiter } from './sniff';
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

/**
 * Every row of the text with its start line. Papa runs in step mode so that it can be paused: the
 * UI thread gets the event loop back every few dozen milliseconds, and a cancel stops the parse.
 */
function parseRows(text: string, delimiter: Delimiter, options: CooperativeOptions): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  const lines = new LineCounter(text);
  const slicer = new TimeSlicer({ ...options, what: 'Reading the file' });
  // After a pause Papa resumes on the rest of the text and counts its cursor from there.
  let base = 0;
  let end = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: false,
      step: (result, parser) => {
        const start = end;
        end = base + result.meta.cursor;
        // Papa's trailing empty "row" after a final line break starts at the very end: not a row.
        if (start >= text.length && isBlank(result.data)) return;
        const row: TableRow = { line: lines.lineAt(start), cells: result.data };
        if (result.errors.length) row.error = describeErrors(result.errors);
        rows.push(row);
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
        if (!failed) resolve(rows);
      },
    });
  });
}

/**
 * Parse CSV text into a table: the delimiter is sniffed unless given, the header row is found
 * below any preamble, and each row keeps the physical line it starts on.
 */
export async function parseCsv(input: string, options: ParseCsvOptions = {}): Promise<ParsedTable> {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new ImportError('empty', 'The file has no rows.');
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const all = await parseRows(text, delimiter, options);
  const headerIndex = findHeaderRow(all.slice(0, 50).map((r) => r.cells));
  if (headerIndex < 0) throw new ImportError('empty', 'The file has no rows.');
  const headerRow = all[headerIndex]!;
  const rows: TableRow[] = [];
  let blankRows = 0;
  for (let i = headerIndex + 1; i < all.length; i++) {
    const row = all[i]!;
    if (isBlank(row.cells) && !row.error) blankRows++;
    else rows.push(row);
  }
  return {
    header: headerRow.cells.map((h) => h.trim()),
    headerLine: headerRow.line,
    rows,
    blankRows,
    source: { kind: 'csv', encoding: options.encoding, delimiter },
  };
}
