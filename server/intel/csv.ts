import Papa from 'papaparse';
import { describeZodError } from '../../utils/schema';
import { ImportItem } from '../store/intel';
import { classify, extractFunding } from './classify';

export const CSV_COLUMNS = ['companyName', 'companyKey', 'type', 'title', 'url', 'publishedAt', 'summary', 'amount', 'round'] as const;
const REQUIRED = ['companyName', 'title', 'url', 'publishedAt'] as const;

export interface CsvResult {
  items: ImportItem[];
  /** "line 3: url: …", numbered as a spreadsheet shows them (the header is line 1). */
  problems: string[];
  rows: number;
}

/**
 * Intel from a CSV file with the header companyName,companyKey,type,title,url,publishedAt,summary,
 * amount,round (any order; only companyName, title, url and publishedAt are required). An empty
 * type is classified from the title; an empty amount or round of funding news is read from it.
 */
export function parseIntelCsv(text: string): CsvResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const problems: string[] = [];
  const header = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) return { items: [], rows: 0, problems: [`line 1: the header lacks ${missing.join(', ')} (expected ${CSV_COLUMNS.join(',')})`] };
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) problems.push(`line 1: unknown columns ${unknown.join(', ')} (expected ${CSV_COLUMNS.join(',')})`);

  // Papaparse reports rows, not lines; a quoted cell may span lines, so lines are counted from the text.
  const lineStarts = rowLines(text.replace(/^\uFEFF/, ''));
  const items: ImportItem[] = [];
  parsed.data.forEach((row, index) => {
    const line = lineStarts[index + 1] ?? index + 2;
    const cells: Record<string, string | undefined> = {};
    for (const column of CSV_COLUMNS) {
      const v = row[column]?.trim();
      cells[column] = v === '' ? undefined : v;
    }
    if (cells.title !== undefined && cells.type === undefined) cells.type = classify(cells.title, cells.summary).type;
    if (cells.type === 'funding' && cells.title !== undefined && (cells.amount === undefined || cells.round === undefined)) {
      const found = extractFunding(cells.title);
      cells.amount ??= found.amount;
      cells.round ??= found.round;
    }
    const result = ImportItem.safeParse(Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== undefined)));
    if (result.success) items.push(result.data);
    else problems.push(`line ${line}: ${describeZodError(result.error)}`);
  });
  for (const e of parsed.errors) problems.push(`line ${lineStarts[(e.row ?? 0) + 1] ?? '?'}: ${e.message}`);
  return { items, problems, rows: parsed.data.length };
}

/** The 1-based line on which each CSV record starts (record 0 is the header), honouring quoted newlines. */
function rowLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atRecordStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (atRecordStart) {
      if (ch === '\n' || ch === '\r') {
        if (ch === '\n') line += 1;
        continue;
      }
      starts.push(line);
      atRecordStart = false;
    }
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n') {
      line += 1;
      if (!quoted) atRecordStart = true;
    }
  }
  return starts;
}
