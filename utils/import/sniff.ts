import Papa from 'papaparse';
import { headerScore } from './presets';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: Delimiter[] = [',', ';', '\t'];
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 60;

/**
 * Comma, semicolon (regional Excel, which LinkedIn's own help warns about) or tab (LinkedIn's
 * Shares.csv). The winner is the delimiter that splits the most sample rows into the same number
 * of fields, more than one; a preamble line or a quoted comma cannot outvote the data rows.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, SAMPLE_CHARS);
  const cut = sample.length < text.length;
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: true }).data;
    // The last sampled row may be cut in half by the sample's end.
    if (cut && rows.length > 1) rows.pop();
    const counts = new Map<number, number>();
    for (const r of rows) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

const HEADER_SEARCH_ROWS = 50;

/**
 * Index of the header row among the first rows. LinkedIn's 2024 Connections.csv opens with a
 * "Notes:" preamble and a blank line; other exports put a title row above the table. The first
 * row naming two known columns wins; else the row naming most; else the first non-empty row.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  let best = -1;
  let bestScore = 0;
  let firstNonEmpty = -1;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const cells = rows[i]!.map((c) => c.trim());
    if (firstNonEmpty < 0 && cells.some((c) => c !== '')) firstNonEmpty = i;
    const score = headerScore(cells);
    if (score >= 2) return i;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best >= 0 ? best : firstNonEmpty;
}

export type LineBreak = '\n' | '\r\n' | '\r';
const NEWLINE_SAMPLE = 64 * 1024;

/**
 * The line break, judged as Papa judges it (quoted text removed, then whichever of CR, CRLF and LF
 * the lines end with) but from the first 64 KB instead of the first megabyte: Papa's own guess
 * runs a regular expression over a megabyte on every parse of the text, ~15 ms in the popup.
 */
export function sniffLineBreak(text: string): LineBreak {
  const sample = text.slice(0, NEWLINE_SAMPLE).replace(/"[^]*?"/g, '');
  const r = sample.split('\r');
  const n = sample.split('\n');
  if (r.length === 1 || (n.length > 1 && n[0]!.length < r[0]!.length)) return '\n';
  let withN = 0;
  for (const line of r) if (line[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}
