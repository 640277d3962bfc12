import { TimeSlicer, type CooperativeOptions } from './cooperative';
import { ImportError } from './import-error';

/**
 * Bytes → text for CSV import. Real exports arrive as UTF-8 with or without BOM, UTF-16 with a BOM
 * (LinkedIn's own Shares.csv), GBK/GB18030 from Chinese Excel, and windows-1252 from Western Excel.
 * We never guess silently: the encoding used is reported so the preview can show it.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

export type FileFormat = 'text' | 'xlsx';

const SAMPLE = 64 * 1024;

interface Signature {
  bytes: number[];
  what: string;
}

/** Files people pick by mistake. Checked before decoding so they get a message, not mojibake. */
const SIGNATURES: Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { bytes: [0x4d, 0x5a], what: 'a Windows program' },
];
const ZIP = [0x50, 0x4b];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const n = [...needle].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * What kind of file this is, judged by its content (not its name: LinkedIn names a tab-separated
 * UTF-16 file `.csv`). Throws an ImportError for anything we cannot read.
 */
export function detectFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) throw new ImportError('empty', 'The file is empty.');
  if (startsWith(bytes, ZIP) && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) {
    // A workbook names its parts in the zip's directories: local headers at the start, central directory at the end.
    const head = bytes.subarray(0, SAMPLE);
    const tail = bytes.subarray(Math.max(0, bytes.length - SAMPLE));
    if (containsAscii(head, 'xl/') || containsAscii(tail, 'xl/workbook')) return 'xlsx';
    throw new ImportError('not-csv', 'This is a zip archive, not a CSV or Excel file. Unzip it and import the CSV inside.');
  }
  if (startsWith(bytes, OLE2)) {
    throw new ImportError('legacy-excel', 'This is an old Excel .xls file. Open it in Excel and save it as .xlsx or CSV (UTF-8), then import that.');
  }
  for (const s of SIGNATURES) {
    if (startsWith(bytes, s.bytes)) throw new ImportError('not-csv', `This is ${s.what}, not a CSV or Excel file.`);
  }
  return 'text';
}

function decode(bytes: Uint8Array, label: string, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** ASCII text stored as UTF-16 without a BOM has a NUL in every other byte. */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul / half > 0.4 && evenNul / half < 0.05) return 'utf-16le';
  if (evenNul / half > 0.4 && oddNul / half < 0.05) return 'utf-16be';
  return undefined;
}

/** Control characters other than TAB, LF, VT, FF, CR and ESC never occur in text files. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let controls = 0;
  let nuls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nuls++;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  // A stray NUL in a CSV is a bad row that we report by line; a file full of them is not text.
  return (controls >= 4 && controls / n > 0.02) || (nuls >= 2 && nuls / n > 0.1);
}

/**
 * GB18030 decodes almost any byte soup without error, including Latin-1 ("Müller" is a valid GBK
 * pair). Chinese text is mostly pairs of high bytes; Western text has high bytes between ASCII.
 */
function looksLikeGbk(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lone = 0;
  const n = Math.min(bytes.length, SAMPLE * 4);
  for (let i = 0; i < n; i++) {
    if (bytes[i]! < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    if (next >= 0x80 || (next >= 0x30 && next <= 0x39 && bytes[i]! >= 0x81 && bytes[i]! <= 0xfe)) {
      pairs++;
      i++;
    } else {
      lone++;
    }
  }
  return pairs > 0 && pairs >= lone * 3;
}

/** One way to read the bytes: an encoding, the BOM bytes to skip, and what a decoding error means. */
interface Attempt {
  encoding: TextEncodingName;
  skip: number;
  bom: boolean;
  /** false: any byte maps to a character (windows-1252), so nothing can fail. */
  fatal: boolean;
  /** The message when this attempt fails; without one, the next attempt is tried. */
  failure?: string;
}

/**
 * The attempts in order, UTF-8 first. Cheap checks on the first bytes decide which encodings are
 * worth trying; the decoding itself is left to the caller (in one go, or in slices).
 */
function* attempts(bytes: Uint8Array): Generator<Attempt> {
  if (detectFormat(bytes) === 'xlsx') {
    throw new ImportError('not-csv', 'This is an Excel workbook: import it as an .xlsx file.');
  }
  const bomAttempt = (encoding: TextEncodingName, skip: number): Attempt => ({
    encoding,
    skip,
    bom: true,
    fatal: true,
    failure: `The file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}.`,
  });
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return yield bomAttempt('utf-8', 3);
  if (startsWith(bytes, [0xff, 0xfe])) return yield bomAttempt('utf-16le', 2);
  if (startsWith(bytes, [0xfe, 0xff])) return yield bomAttempt('utf-16be', 2);

  const utf16 = bomlessUtf16(bytes);
  if (utf16) yield { encoding: utf16, skip: 0, bom: false, fatal: true };
  if (looksBinary(bytes)) {
    throw new ImportError('binary', 'This is not a text file: it is full of control characters. Choose a CSV or Excel (.xlsx) file.');
  }
  yield { encoding: 'utf-8', skip: 0, bom: false, fatal: true };
  if (looksLikeGbk(bytes)) yield { encoding: 'gb18030', skip: 0, bom: false, fatal: true };
  // windows-1252 maps every byte, so this cannot fail; it is the last resort, and is reported as such.
  yield { encoding: 'windows-1252', skip: 0, bom: false, fatal: false };
}

function failed(attempt: Attempt): undefined {
  if (attempt.failure) throw new ImportError('bad-encoding', attempt.failure);
  return undefined;
}

/** Decode a text file, trying UTF-8 first and reporting the encoding used. */
export function decodeText(bytes: Uint8Array): DecodedText {
  for (const a of attempts(bytes)) {
    const text = decode(bytes.subarray(a.skip), a.encoding, a.fatal) ?? failed(a);
    if (text !== undefined) return { text, encoding: a.encoding, bom: a.bom };
  }
  throw new Error('unreachable: windows-1252 decodes anything');
}

/** Bytes per decoding slice: about a millisecond of TextDecoder work. */
const SLICE_BYTES = 256 * 1024;

export interface DecodeOptions extends CooperativeOptions {
  /** Bytes per TextDecoder call (tests use tiny ones to put boundaries inside characters). */
  sliceBytes?: number;
}

/** One attempt, streamed: a character cut by a slice boundary is finished by the next slice (stream: true). */
async function decodeInSlices(bytes: Uint8Array, a: Attempt, sliceBytes: number, slicer: TimeSlicer): Promise<string | undefined> {
  const decoder = new TextDecoder(a.encoding, { fatal: a.fatal, ignoreBOM: true });
  const parts: string[] = [];
  try {
    for (let at = a.skip; at < bytes.length; at += sliceBytes) {
      await slicer.step(at, bytes.length);
      parts.push(decoder.decode(bytes.subarray(at, Math.min(at + sliceBytes, bytes.length)), { stream: true }));
    }
    parts.push(decoder.decode());
  } catch (e) {
    if (e instanceof TypeError) return undefined;
    throw e;
  }
  return parts.join('');
}

/**
 * decodeText for big files: the same choices, decoded in slices between which the UI thread is
 * free (one TextDecoder call over an 11 MB file was a long task of its own).
 */
export async function decodeTextInSlices(bytes: Uint8Array, options: DecodeOptions = {}): Promise<DecodedText> {
  const slicer = new TimeSlicer({ ...options, what: 'Reading the file' });
  for (const a of attempts(bytes)) {
    const text = (await decodeInSlices(bytes, a, options.sliceBytes ?? SLICE_BYTES, slicer)) ?? failed(a);
    if (text !== undefined) return { text, encoding: a.encoding, bom: a.bom };
  }
  throw new Error('unreachable: windows-1252 decodes anything');
}

/** Text files that are clearly something else: a saved web page, a JSON file, our own backup. */
export function rejectNonTabular(text: string): void {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new ImportError('not-csv', 'This is a web page (HTML), not a CSV file.');
  }
  if (head.startsWith('<?xml')) throw new ImportError('not-csv', 'This is an XML file, not a CSV file.');
  if (head.startsWith('{\\rtf')) throw new ImportError('not-csv', 'This is a rich-text (RTF) document, not a CSV file.');
  if (head.startsWith('{') || head.startsWith('[')) {
    if (head.includes('"scoutbook-backup"')) {
      throw new ImportError('not-csv', 'This is a Scoutbook backup: restore it from Settings → Backup instead of importing it.');
    }
    if (text.length < 20_000_000) {
      try {
        JSON.parse(text);
        throw new ImportError('not-csv', 'This is a JSON file, not a CSV file.');
      } catch (e) {
        if (e instanceof ImportError) throw e;
      }
    }
  }
}
