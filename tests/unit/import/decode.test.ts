import { describe, expect, it } from 'vitest';
import { decodeText, detectFormat, rejectNonTabular } from '@/utils/import/decode';
import { ImportError } from '@/utils/import/import-error';
import { bytes, ownBytes } from './helpers';

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) {
    out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
    o = 2;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o + 2 * i + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[o + 2 * i + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

function failure(f: () => unknown): ImportError {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

/** Deterministic "random" bytes: the test must not flake. */
function noise(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, and reports which', () => {
    expect(decodeText(bytes('姓名,公司\n张伟,字节跳动\n'))).toEqual({ text: '姓名,公司\n张伟,字节跳动\n', encoding: 'utf-8', bom: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('a,b')]))).toEqual({ text: 'a,b', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE with a BOM, and without one by the NUL pattern', () => {
    const text = 'Name,Company\nZoë,Café 😀\n';
    expect(decodeText(utf16(text, 'le', true))).toEqual({ text, encoding: 'utf-16le', bom: true });
    expect(decodeText(utf16(text, 'be', true))).toEqual({ text, encoding: 'utf-16be', bom: true });
    expect(decodeText(utf16(text, 'le', false))).toMatchObject({ text, encoding: 'utf-16le', bom: false });
    expect(decodeText(utf16(text, 'be', false))).toMatchObject({ text, encoding: 'utf-16be', bom: false });
  });

  it('falls back to GB18030 for Chinese Excel files that are not UTF-8', () => {
    const decoded = decodeText(ownBytes('gbk-people.csv'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe('姓名,公司,城市\n张伟,字节跳动,北京\n王芳,腾讯,深圳\n');
  });

  it('reads Western Excel files as windows-1252, not as Chinese mojibake', () => {
    const decoded = decodeText(ownBytes('windows-1252-semicolon.csv'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Jürgen Müller;Bäckerei Müller GmbH;München');
    expect(decoded.text).toContain('Zoë Dupré;Café Noir');
    // One lone high byte, as in csvkit's test_latin1.csv.
    expect(decodeText(new Uint8Array([...bytes('a,b,c\n4,5,'), 0xa9]))).toEqual({ text: 'a,b,c\n4,5,©', encoding: 'windows-1252', bom: false });
  });

  it('keeps a file with a stray NUL as text: the row is rejected later, by line', () => {
    expect(decodeText(new Uint8Array([...bytes('a,b,c\n'), 0, ...bytes(',2,3\n')])).text).toBe('a,b,c\n\u0000,2,3\n');
  });

  it('refuses binary files and says what they are', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(200)]);
    expect(failure(() => decodeText(png))).toMatchObject({ code: 'not-csv', message: 'This is a PNG image, not a CSV or Excel file.' });
    expect(failure(() => decodeText(bytes('%PDF-1.7\n%âãÏÓ')))).toMatchObject({ code: 'not-csv', message: expect.stringContaining('PDF') });
    expect(failure(() => decodeText(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])))).toMatchObject({ code: 'legacy-excel' });
    expect(failure(() => decodeText(new Uint8Array([0x50, 0x4b, 3, 4, ...bytes('word/document.xml')])))).toMatchObject({ code: 'not-csv', message: expect.stringContaining('zip') });
    expect(failure(() => decodeText(noise(4096)))).toMatchObject({ code: 'binary', message: expect.stringContaining('not a text file') });
    expect(failure(() => decodeText(new Uint8Array(1000)))).toMatchObject({ code: 'binary' });
    expect(failure(() => decodeText(new Uint8Array()))).toMatchObject({ code: 'empty' });
  });

  it('recognises an XLSX by its zip directory, whatever its name', () => {
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 3, 4, ...bytes('[Content_Types].xml...xl/workbook.xml')]))).toBe('xlsx');
    expect(failure(() => decodeText(new Uint8Array([0x50, 0x4b, 3, 4, ...bytes('xl/workbook.xml')])))).toMatchObject({ message: expect.stringContaining('.xlsx') });
  });
});

describe('rejectNonTabular', () => {
  it.each([
    ['<!DOCTYPE html><html><body>Profile</body></html>', 'web page'],
    ['<?xml version="1.0"?><rss/>', 'XML'],
    ['{"people": []}', 'JSON'],
    ['{"format":"scoutbook-backup","version":1}', 'Scoutbook backup'],
    ['{\\rtf1\\ansi Hello}', 'RTF'],
  ])('refuses %s', (text, what) => {
    expect(failure(() => rejectNonTabular(text)).message).toContain(what);
  });

  it('lets a CSV through, even one whose first cell starts with a bracket', () => {
    expect(() => rejectNonTabular('Name,Company\nAda,Acme\n')).not.toThrow();
    expect(() => rejectNonTabular('[draft] Name,Company\nAda,Acme\n')).not.toThrow();
  });
});
