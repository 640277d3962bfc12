import { describe, expect, it } from 'vitest';
import { decodeText, decodeTextInSlices } from '@/utils/import/decode';
import { bytes, ownBytes } from './helpers';

/** UTF-16 code units as bytes, with or without a BOM. */
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  const o = bom ? 2 : 0;
  if (bom) out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o + 2 * i + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[o + 2 * i + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

// Two-, three- and four-byte UTF-8 characters, a surrogate pair in UTF-16: every slice size below
// puts a slice boundary inside some of them.
const TEXT = 'Name,Company,Note\nMüller,字节跳动,👩‍💻 ok\n张伟,阿里巴巴,"quoted, 𠮷"\n';
const SLICES = [1, 2, 3, 5, 7, 64];

describe('decodeTextInSlices', () => {
  it('decodes UTF-8, with and without a BOM, whatever the slice boundaries cut', async () => {
    for (const sliceBytes of SLICES) {
      expect(await decodeTextInSlices(bytes(TEXT), { sliceBytes })).toEqual({ text: TEXT, encoding: 'utf-8', bom: false });
      expect(await decodeTextInSlices(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(TEXT)]), { sliceBytes })).toEqual({ text: TEXT, encoding: 'utf-8', bom: true });
    }
  });

  it('decodes UTF-16 LE and BE (BOM or not), a slice boundary between the bytes of a unit or inside a surrogate pair', async () => {
    for (const sliceBytes of SLICES) {
      for (const endian of ['le', 'be'] as const) {
        expect(await decodeTextInSlices(utf16(TEXT, endian, true), { sliceBytes })).toEqual({ text: TEXT, encoding: `utf-16${endian}`, bom: true });
        expect(await decodeTextInSlices(utf16(TEXT, endian, false), { sliceBytes })).toEqual({ text: TEXT, encoding: `utf-16${endian}`, bom: false });
      }
    }
  });

  it('decodes GB18030 (a file that is not UTF-8), its two-byte characters cut by the slices', async () => {
    const gbk = ownBytes('gbk-people.csv');
    const whole = decodeText(gbk);
    expect(whole.encoding).toBe('gb18030');
    expect(whole.text).toMatch(/[\u4e00-\u9fff]/);
    for (const sliceBytes of SLICES) expect(await decodeTextInSlices(gbk, { sliceBytes })).toEqual(whole);
  });

  it('falls back as decodeText does when the bytes turn out not to be UTF-8 far into the file', async () => {
    // Valid UTF-8 for 300 KB, then a windows-1252 "©": only the last slice fails.
    const latin = new Uint8Array([...bytes(`a,b,c\n${'x,y,z\n'.repeat(50_000)}4,5,`), 0xa9]);
    const whole = decodeText(latin);
    expect(whole.encoding).toBe('windows-1252');
    expect(await decodeTextInSlices(latin, { sliceBytes: 4096 })).toEqual(whole);
  });

  it('refuses a UTF-8 BOM over bytes that are not UTF-8, and stops when cancelled', async () => {
    await expect(decodeTextInSlices(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('a,b\n'), 0xff, 0xfe]), { sliceBytes: 2 })).rejects.toMatchObject({ code: 'bad-encoding' });
    const controller = new AbortController();
    controller.abort();
    await expect(decodeTextInSlices(bytes(TEXT), { sliceBytes: 4, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('hands the thread back between slices of a big file', async () => {
    let progress = 0;
    const big = bytes('Name,Company\n' + 'Ada,Analytical Engines\n'.repeat(40_000));
    await decodeTextInSlices(big, { sliceBytes: 16 * 1024, sliceMs: 0, onProgress: () => progress++ });
    expect(progress).toBeGreaterThanOrEqual(Math.floor(big.length / (16 * 1024)) - 1);
  });
});
