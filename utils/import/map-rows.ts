import type { ColumnMapping, ImportField } from './presets';
import type { ParsedTable, TableRow } from './table';

/** One imported row in our terms, before it is checked and matched by the dry run (plan.ts). */
export interface ImportRow {
  line: number;
  name?: string;
  headline?: string;
  companyName?: string;
  location?: string;
  profileUrl?: string;
  emails: string[];
  phones: string[];
  tags: string[];
  note?: string;
  noteVisibility?: 'team' | 'private';
  stage?: string;
  referrer?: string;
  /** As written in the file ("30 May 2024", "1/8/18, 6:14 PM"); plan.ts reads it into Person.connectedAt. */
  connectedOn?: string;
  /** Why the row cannot be imported whatever it holds: a ragged row, a NUL, broken quoting. */
  defect?: string;
}

/** Talent Hub separates lists with `;`, hand-made sheets with commas or Chinese enumeration marks. */
const LIST_SEPARATOR = /[;,，；、\n]+/;
const PHONE_SEPARATOR = /[;,，；\n]+/;
const HAN = /^[\p{Script=Han}·]+$/u;

function list(value: string, separator: RegExp): string[] {
  const out: string[] = [];
  for (const part of value.split(separator)) {
    const v = part.trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** 张 + 伟 is 张伟, not "伟 张": Chinese names put the family name first, with no space. */
export function joinName(first: string | undefined, last: string | undefined): string | undefined {
  const f = first?.trim() ?? '';
  const l = last?.trim() ?? '';
  if (!f || !l) return f || l || undefined;
  return HAN.test(f) && HAN.test(l) ? `${l}${f}` : `${f} ${l}`;
}

/** Recruiter's Note visibility: ONLY_ME stays on this device; PROJECT_MEMBERS and ANYONE are team notes. */
function visibility(value: string | undefined): 'team' | 'private' | undefined {
  if (!value) return undefined;
  const v = value.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (v === 'ONLY_ME' || v === 'PRIVATE' || v === '仅自己') return 'private';
  return 'team';
}

/** How many fields a row needs and may hold: unnamed trailing header cells are optional. */
export interface RowWidth {
  min: number;
  max: number;
}

export function rowWidth(header: readonly string[]): RowWidth {
  let min = header.length;
  while (min > 0 && header[min - 1]!.trim() === '') min--;
  return { min, max: header.length };
}

function defectOf(row: TableRow, width: RowWidth): string | undefined {
  if (row.error) return `broken quoting: ${row.error}`;
  const nul = row.cells.findIndex((c) => c.includes('\u0000'));
  if (nul >= 0) return `field ${nul + 1} contains a NUL character (the file may be damaged)`;
  const n = row.cells.length;
  // Extra empty cells are a trailing delimiter, which spreadsheet tools often write; extra text is not.
  if (n < width.min || (n > width.max && row.cells.slice(width.max).some((c) => c.trim() !== ''))) {
    return `ragged row: ${n} field${n === 1 ? '' : 's'} where the header has ${width.max}`;
  }
  return undefined;
}

/** Shared by every row without a list value: hundreds of thousands of empty arrays add up. */
const NONE: string[] = [];

function cell(row: TableRow, mapping: ColumnMapping, field: ImportField): string | undefined {
  const index = mapping[field];
  const v = index === undefined ? undefined : row.cells[index]?.trim();
  return v ? v : undefined;
}

export function mapRow(row: TableRow, mapping: ColumnMapping, width: RowWidth): ImportRow {
  const email = cell(row, mapping, 'email');
  const phone = cell(row, mapping, 'phone');
  const tags = cell(row, mapping, 'tags');
  const out: ImportRow = {
    line: row.line,
    emails: email ? list(email, LIST_SEPARATOR) : NONE,
    phones: phone ? list(phone, PHONE_SEPARATOR) : NONE,
    tags: tags ? list(tags, LIST_SEPARATOR) : NONE,
  };
  // Only the fields the row has: absent keys keep 400k rows small and previews tidy.
  const name = cell(row, mapping, 'fullName') ?? joinName(cell(row, mapping, 'firstName'), cell(row, mapping, 'lastName'));
  if (name) out.name = name;
  for (const [field, key] of TEXT_FIELDS) {
    const v = cell(row, mapping, field);
    if (v) out[key] = v;
  }
  const noteVisibility = visibility(cell(row, mapping, 'noteVisibility'));
  if (noteVisibility) out.noteVisibility = noteVisibility;
  const defect = defectOf(row, width);
  if (defect) out.defect = defect;
  return out;
}

type TextKey = 'headline' | 'companyName' | 'location' | 'profileUrl' | 'note' | 'stage' | 'referrer' | 'connectedOn';
const TEXT_FIELDS: [ImportField, TextKey][] = [
  ['headline', 'headline'],
  ['company', 'companyName'],
  ['location', 'location'],
  ['profileUrl', 'profileUrl'],
  ['note', 'note'],
  ['stage', 'stage'],
  ['referrer', 'referrer'],
  ['connectedOn', 'connectedOn'],
];

export function mapRows(table: ParsedTable, mapping: ColumnMapping): ImportRow[] {
  const width = rowWidth(table.header);
  return table.rows.map((row) => mapRow(row, mapping, width));
}
