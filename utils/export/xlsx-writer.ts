import { Zip, ZipDeflate } from 'fflate';

/**
 * A minimal streaming XLSX (SpreadsheetML) writer: one sheet, inline strings, typed numbers and
 * dates, a bold frozen header row and column widths, appended in batches so the caller can hand
 * the thread back between them.
 */

export type XlsxCell =
  | null
  | { kind: 'text'; value: string; bold?: boolean }
  | { kind: 'number'; value: number }
  /** `value` is the wall-clock time to show, encoded as UTC (Excel dates have no time zone). */
  | { kind: 'date'; value: Date; dayOnly?: boolean };

/** Cell style ids, in the order of `cellXfs` in styles.xml. */
const STYLE = { bold: 1, dateTime: 2, day: 3 } as const;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel refuses longer cells. */
const MAX_CELL_CHARS = 32_767;
/** Days from Excel's epoch (1899-12-30, with its 1900 leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

/** XML 1.0 forbids most control characters, lone surrogates and U+FFFE/U+FFFF even when escaped. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** A, B, … Z, AA, AB, … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function excelSerial(d: Date): number {
  return d.getTime() / 86_400_000 + EXCEL_EPOCH_DAYS;
}

const EDGE_SPACE = /^\s|\s$/;

function cellXml(cell: XlsxCell, ref: string): string {
  if (cell === null) return '';
  if (cell.kind === 'number') return Number.isFinite(cell.value) ? `<c r="${ref}"><v>${cell.value}</v></c>` : '';
  if (cell.kind === 'date') {
    const serial = excelSerial(cell.value);
    if (!Number.isFinite(serial)) return '';
    return `<c r="${ref}" s="${cell.dayOnly ? STYLE.day : STYLE.dateTime}"><v>${serial}</v></c>`;
  }
  const text = cell.value.length > MAX_CELL_CHARS ? cell.value.slice(0, MAX_CELL_CHARS) : cell.value;
  const style = cell.bold ? ` s="${STYLE.bold}"` : '';
  // Spreadsheet apps trim a text's outer whitespace unless told to keep it; saying so on every
  // cell made a fifth of a 100,000-row sheet's XML.
  const space = EDGE_SPACE.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;

function stylesXml(dateTimeFormat: string, dayFormat: string): string {
  return `${XML_HEAD}<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="${escapeXml(dateTimeFormat)}"/><numFmt numFmtId="165" formatCode="${escapeXml(dayFormat)}"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  const clean = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31);
  return clean || 'Sheet1';
}

export interface XlsxPackageOptions {
  sheetName: string;
  dateTimeFormat: string;
  dayFormat: string;
  /** 1 (fastest) to 9; 6 is zlib's default. */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

export interface XlsxWriterOptions extends XlsxPackageOptions {
  /** Width of each column, in characters. */
  widths: number[];
}

/**
 * The sheet's XML, row batch by row batch: built where the rows are (the popup, which holds the
 * talent bank), while the package is compressed elsewhere (xlsx-package.worker.ts).
 */
export class XlsxSheetXml {
  private readonly letters: string[];
  private rowNumber = 0;

  constructor(private readonly widths: readonly number[]) {
    this.letters = widths.map((_, i) => columnLetter(i));
  }

  head(): string {
    const cols = this.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    return `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  }

  /** Rows (the first row written is the header, frozen). Cells beyond `widths` are dropped. */
  rows(rows: readonly (readonly XlsxCell[])[]): string {
    let xml = '';
    for (const row of rows) {
      const r = ++this.rowNumber;
      xml += `<row r="${r}">`;
      for (let i = 0; i < this.letters.length; i++) xml += cellXml(row[i] ?? null, `${this.letters[i]}${r}`);
      xml += '</row>';
    }
    return xml;
  }

  static readonly TAIL = '</sheetData></worksheet>';
}

/**
 * The XLSX package: the fixed parts and the sheet's XML, deflated as it comes, so a 100,000-row
 * sheet never exists as one string. (write-excel-file, which we used before, built every cell as
 * an object and the sheet XML in one call: seconds of blocked UI and ~500 MB of heap at 100k rows.)
 */
export class XlsxPackage {
  private readonly parts: Uint8Array[] = [];
  private readonly zip: Zip;
  private readonly sheet: ZipDeflate;
  private readonly encoder = new TextEncoder();
  private failure: Error | undefined;
  private finished = false;

  constructor(options: XlsxPackageOptions) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure = error;
      else this.parts.push(chunk);
      if (final) this.finished = true;
    });
    const level = options.level ?? 6;
    const small = (name: string, text: string) => {
      const file = new ZipDeflate(name, { level });
      this.zip.add(file);
      file.push(this.encoder.encode(text), true);
    };
    small('[Content_Types].xml', CONTENT_TYPES);
    small('_rels/.rels', ROOT_RELS);
    small(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets><sheet name="${escapeXml(sheetName(options.sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    small('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
    small('xl/styles.xml', stylesXml(options.dateTimeFormat, options.dayFormat));
    this.sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level });
    this.zip.add(this.sheet);
  }

  /** Append to the sheet's XML. */
  push(xml: string): void {
    this.sheet.push(this.encoder.encode(xml));
    if (this.failure) throw this.failure;
  }

  /** Close the sheet (its XML must be complete) and the zip; the parts are the file. */
  finish(): Uint8Array[] {
    this.sheet.push(new Uint8Array(0), true);
    this.zip.end();
    if (this.failure) throw this.failure;
    if (!this.finished) throw new Error('the XLSX archive did not finish');
    return this.parts;
  }
}

/** Sheet XML and package together, on one thread. */
export class XlsxWriter {
  private readonly xml: XlsxSheetXml;
  private readonly pkg: XlsxPackage;

  constructor(options: XlsxWriterOptions) {
    this.xml = new XlsxSheetXml(options.widths);
    this.pkg = new XlsxPackage(options);
    this.pkg.push(this.xml.head());
  }

  /** Append rows (the first row written is the header, frozen). Cells beyond `widths` are dropped. */
  addRows(rows: readonly (readonly XlsxCell[])[]): void {
    this.pkg.push(this.xml.rows(rows));
  }

  /** Close the sheet and the zip; the parts are the file. */
  finish(): Uint8Array[] {
    this.pkg.push(XlsxSheetXml.TAIL);
    return this.pkg.finish();
  }
}
