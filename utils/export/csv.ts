/**
 * Cells that Excel, LibreOffice or Sheets would run as a formula (OWASP CSV injection). Papa's
 * own default pattern ends in `.*$`, which misses a formula followed by a line break; this one
 * only looks at the first character.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
/** What makes a cell need quotes, as Papa.unparse decides it (tests/unit/export-csv.test.ts checks we agree). */
const NEEDS_QUOTES = /[\r\n",\uFEFF]|^ | $/;
const QUOTE = /"/g;
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string | undefined;
}

/**
 * One cell, RFC 4180: quoted when it holds a quote, comma, line break or BOM, or starts or ends
 * with a space; a formula-like cell is prefixed with `'` and quoted, so it is neutralised but its
 * text is all there. Written by hand rather than with Papa.unparse: a 100,000-row export spent
 * most of its rendering time building Papa's row arrays and testing each cell against a list.
 */
export function csvCell(value: string): string {
  if (value === '') return '';
  if (FORMULA_TRIGGER.test(value)) return `"'${value.replace(QUOTE, '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

/** One line of cells, without its line end. */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]!) : `,${csvCell(cells[i]!)}`;
  return line;
}

/**
 * RFC 4180 CSV, UTF-8 with BOM so that Excel shows Chinese correctly, CRLF line ends, and
 * formula-like cells neutralised (csvCell).
 */
export function toCsv<Row>(columns: Column<Row>[], rows: Iterable<Row>): string {
  let out = `${CSV_BOM}${csvLine(columns.map((c) => c.header))}${CSV_EOL}`;
  for (const row of rows) out += `${csvLine(columns.map((c) => c.value(row) ?? ''))}${CSV_EOL}`;
  return out;
}
