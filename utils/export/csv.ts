import Papa from 'papaparse';

/**
 * Cells that Excel, LibreOffice or Sheets would run as a formula (OWASP CSV injection). Papa's
 * own default pattern ends in `.*$`, which misses a formula followed by a line break; this one
 * only looks at the first character.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
const BOM = '\uFEFF';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string | undefined;
}

/**
 * RFC 4180 CSV, UTF-8 with BOM so that Excel shows Chinese correctly, CRLF line ends, and
 * formula-like cells prefixed with `'` and quoted: neutralised, but their text is all there.
 */
export function toCsv<Row>(columns: Column<Row>[], rows: Iterable<Row>): string {
  const data: string[][] = [];
  for (const row of rows) data.push(columns.map((c) => c.value(row) ?? ''));
  const body = Papa.unparse(
    { fields: columns.map((c) => c.header), data },
    { escapeFormulae: FORMULA_TRIGGER, newline: '\r\n', quotes: false },
  );
  return `${BOM}${body}\r\n`;
}
