import { describe, expect, it } from 'vitest';
import { isAbortError } from '@/utils/import/cooperative';
import { parseCsv } from '@/utils/import/parse-csv';
import { findHeaderRow, sniffDelimiter } from '@/utils/import/sniff';

describe('sniffDelimiter', () => {
  it('finds comma, semicolon and tab, and is not fooled by quoted commas or a preamble', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('Name;Company;City\n"Smith, Anna";Acme, Inc.;Berlin\nBob;X;Y\n')).toBe(';');
    expect(sniffDelimiter('"Date"\t"Title"\n"2017/06/08"\t"Hello, world, again"\n')).toBe('\t');
    expect(sniffDelimiter('Notes:\n"a, b, c, d, e"\n\nFirst Name,Last Name\nAda,Lovelace\nAlan,Turing\n')).toBe(',');
  });

  it('defaults to a comma for a single column', () => {
    expect(sniffDelimiter('Name\nAda\nAlan\n')).toBe(',');
  });
});

describe('findHeaderRow', () => {
  it('skips a preamble to the first row naming known columns, in English or Chinese', () => {
    expect(findHeaderRow([['Notes:'], ['When exporting, some e-mails are missing'], [''], ['First Name', 'Last Name', 'URL'], ['Ada', 'L', 'x']])).toBe(3);
    expect(findHeaderRow([['客户名单 2024'], ['姓名', '公司', '手机号码'], ['张伟', '字节跳动', '13800138000']])).toBe(1);
  });

  it('takes the first non-empty row when nothing is recognised', () => {
    expect(findHeaderRow([[''], ['Date', 'Share Title'], ['2017', 'https://www.linkedin.com/feed/update/1']])).toBe(1);
  });
});

describe('parseCsv', () => {
  it('numbers rows by the physical line they start on, counting the preamble and multi-line cells', async () => {
    const text = 'Notes:\n"a\nb"\n\nName,Note\nAda,"one\ntwo\nthree"\n\nAlan,ok\n';
    const table = await parseCsv(text);
    expect(table.headerLine).toBe(5);
    expect(table.header).toEqual(['Name', 'Note']);
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [6, 'Ada'],
      [10, 'Alan'],
    ]);
    expect(table.blankRows).toBe(1);
  });

  it('counts CRLF and lone CR (old Mac) line ends as one line each', async () => {
    const crlf = await parseCsv('Name,City\r\nAda,"London\r\nUK"\r\nAlan,Wilmslow\r\n');
    expect(crlf.rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['Ada', 'London\r\nUK']],
      [4, ['Alan', 'Wilmslow']],
    ]);
    const cr = await parseCsv('a,b,c\r1,2,3\r"Once upon\ra time",5,6\r');
    expect(cr.rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['1', '2', '3']],
      [3, ['Once upon\ra time', '5', '6']],
    ]);
  });

  it('gives the same rows and lines when it yields to the event loop after every row', async () => {
    const lines = ['Name,Bio'];
    for (let i = 0; i < 300; i++) lines.push(i % 7 === 0 ? `P${i},"multi\nline ${i}"` : `P${i},bio ${i}`);
    const text = `${lines.join('\n')}\n`;
    const whole = await parseCsv(text);
    let progress = 0;
    const sliced = await parseCsv(text, { sliceMs: 0, onProgress: () => progress++ });
    expect(sliced.rows).toEqual(whole.rows);
    expect(progress).toBeGreaterThan(100);
    expect(whole.rows.at(-1)!.line).toBe(text.split('\n').length - 1);
  });

  it('stops with an AbortError when cancelled', async () => {
    const text = `Name\n${Array.from({ length: 1000 }, (_, i) => `P${i}`).join('\n')}`;
    const controller = new AbortController();
    const parsing = parseCsv(text, { sliceMs: 0, signal: controller.signal });
    controller.abort();
    const error = await parsing.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
  });

  it('reports broken quoting on the row', async () => {
    const table = await parseCsv('Name,City\nAda,"London\n');
    expect(table.rows[0]).toMatchObject({ line: 2, error: 'a quoted field is never closed' });
  });

  it('refuses an empty file', async () => {
    await expect(parseCsv('\n\n  \n')).rejects.toMatchObject({ code: 'empty' });
  });
});
