import readXlsxFile from 'read-excel-file/universal';
import { ImportError } from './import-error';
import { hasNameColumn, headerScore, pickPreset } from './presets';
import { findHeaderRow } from './sniff';
import { isBlank, type ParsedTable, type TableRow } from './table';

export interface ParseXlsxOptions {
  /** The sheet the user chose; by default the first sheet with a recognisable header. */
  sheet?: string;
}

/** Cells as text, so that CSV and XLSX rows go through the same mapping and checks. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    // Excel dates have no time zone; a date without a time is written as the date alone.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function sheetTable(rows: string[][]): { headerIndex: number; rank: number } {
  const headerIndex = findHeaderRow(rows);
  if (headerIndex < 0) return { headerIndex, rank: 0 };
  const header = rows[headerIndex]!;
  // Rank: a people table first, then any table with known columns, then anything at all.
  const rank = hasNameColumn(pickPreset(header).mapping) ? 3 : headerScore(header) > 0 ? 2 : 1;
  return { headerIndex, rank };
}

export async function parseXlsx(bytes: Uint8Array, options: ParseXlsxOptions = {}): Promise<ParsedTable> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as unknown as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    throw new ImportError('unreadable-xlsx', `This Excel file could not be read (${(e as Error).message}). Save it again from Excel, or export it as CSV (UTF-8).`);
  }
  const names = sheets.map((s) => s.sheet);
  const candidates = sheets.map((s) => {
    const rows = s.data.map((r) => r.map(cellText));
    return { name: s.sheet, rows, ...sheetTable(rows) };
  });
  let chosen;
  if (options.sheet !== undefined) {
    chosen = candidates.find((c) => c.name === options.sheet);
    if (!chosen) throw new ImportError('no-header', `This workbook has no sheet named "${options.sheet}". Its sheets: ${names.join(', ')}.`);
  } else {
    const best = Math.max(0, ...candidates.map((c) => c.rank));
    chosen = candidates.find((c) => c.rank === best);
  }
  if (!chosen || chosen.headerIndex < 0) throw new ImportError('empty', 'Every sheet of this workbook is empty.');

  const rows: TableRow[] = [];
  let blankRows = 0;
  for (let i = chosen.headerIndex + 1; i < chosen.rows.length; i++) {
    const cells = chosen.rows[i]!;
    if (isBlank(cells)) blankRows++;
    else rows.push({ line: i + 1, cells });
  }
  return {
    header: chosen.rows[chosen.headerIndex]!.map((h) => h.trim()),
    headerLine: chosen.headerIndex + 1,
    rows,
    blankRows,
    source: { kind: 'xlsx', sheet: chosen.name, sheets: names },
  };
}
