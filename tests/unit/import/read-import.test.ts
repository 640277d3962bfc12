import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { planImport } from '@/utils/import/plan';
import { readImportFile } from '@/utils/import/read-import';
import { ownBytes } from './helpers';

async function xlsxBytes(sheets: { sheet: string; data: (string | number | Date | null)[][] }[]): Promise<Uint8Array> {
  const blob = await writeXlsxFile(sheets.map((s) => ({ sheet: s.sheet, data: s.data, dateFormat: 'yyyy-mm-dd' })));
  return new Uint8Array(await (await blob.toBlob()).arrayBuffer());
}

describe('readImportFile on our synthetic files', () => {
  it('LinkedIn Recruiter template: Chinese names, note visibility, lists', async () => {
    const { preset, rows } = await readImportFile(ownBytes('recruiter-import.csv'));
    expect(preset.id).toBe('linkedin-recruiter');
    expect(rows[0]).toEqual({
      line: 2,
      name: 'Grace Hopper',
      headline: 'Rear Admiral',
      companyName: 'US Navy',
      location: 'Arlington',
      emails: ['grace@example.com'],
      phones: ['+1 555 0100'],
      tags: ['cobol', 'compilers'],
      note: 'Met at a conference, strong fit',
      noteVisibility: 'team',
      stage: 'Interview',
    });
    expect(rows[1]).toMatchObject({ name: '张伟', note: '仅自己可见的备注', noteVisibility: 'private', tags: ['后端'] });
    // The template has no profile URL column: people are created from their name, e-mail and phone.
    const plan = await planImport(rows, []);
    expect(plan.create.map((c) => [c.lines, c.person.name, c.person.emails, c.person.phones, c.person.profileKey])).toEqual([
      [[2], 'Grace Hopper', ['grace@example.com'], ['+1 555 0100'], undefined],
      [[3], '张伟', ['zhang.wei@example.com'], ['+86 138 0013 8000'], undefined],
    ]);
    expect(plan.rejected).toEqual([{ line: 4, reason: 'invalid e-mail address: not-an-email' }]);
    // Without a chosen pipeline the Pipeline stage column is ignored, row by row.
    expect(plan.warnings.map((w) => w.line)).toEqual([2, 3]);
  });

  it('Talent Hub Candidates.csv: ;-separated e-mails, phones and tags', async () => {
    const { preset, rows } = await readImportFile(ownBytes('talent-hub-candidates.csv'));
    expect(preset.id).toBe('linkedin-talent-hub');
    expect(rows[0]).toMatchObject({
      name: 'Katherine Johnson',
      emails: ['kj@example.com', 'katherine@example.org'],
      phones: ['+1 555 0101', '+1 555 0102'],
      tags: ['nasa', 'math'],
      profileUrl: 'https://www.linkedin.com/in/katherine-johnson',
    });
  });

  it('a Chinese sheet mapped by header names, with doubled quotes and 、-separated tags', async () => {
    const { preset, rows } = await readImportFile(ownBytes('generic-chinese.csv'));
    expect(preset.id).toBe('generic');
    expect(rows[0]).toMatchObject({ name: '张伟', companyName: '字节跳动', headline: '后端工程师', location: '北京', phones: ['13800138000'], note: '他说："可以聊聊"', tags: ['后端', 'Go'] });
    const plan = await planImport(rows, []);
    expect(plan.create.map((c) => c.person.profileKey)).toEqual(['linkedin:in/zhang-wei-bd', 'linkedin:in/li-na-pm']);
  });

  it('GB18030 and windows-1252 files, semicolon-separated, say how they were read', async () => {
    const gbk = await readImportFile(ownBytes('gbk-people.csv'));
    expect(gbk.table.source).toEqual({ kind: 'csv', encoding: 'gb18030', delimiter: ',' });
    expect(gbk.rows.map((r) => [r.name, r.companyName, r.location])).toEqual([
      ['张伟', '字节跳动', '北京'],
      ['王芳', '腾讯', '深圳'],
    ]);
    const latin = await readImportFile(ownBytes('windows-1252-semicolon.csv'));
    expect(latin.table.source).toEqual({ kind: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(latin.rows[0]).toMatchObject({ name: 'Jürgen Müller', companyName: 'Bäckerei Müller GmbH', location: 'München' });
  });

  it('ragged rows and NULs are rejected by line, a trailing delimiter is not', async () => {
    const { rows, table } = await readImportFile(ownBytes('ragged-semicolon.csv'));
    expect(table.source).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    const plan = await planImport(rows, []);
    // Line 2 ends with a delimiter: not ragged, so its person is created (no profile URL is needed).
    expect(plan.create.map((c) => [c.lines, c.person.name, c.person.companyName, c.person.tags])).toEqual([[[2], 'Smith, Anna', 'Acme', ['a']]]);
    expect(plan.rejected).toEqual([
      { line: 3, reason: 'ragged row: 2 fields where the header has 3' },
      { line: 4, reason: 'ragged row: 4 fields where the header has 3' },
      { line: 5, reason: 'field 2 contains a NUL character (the file may be damaged)' },
    ]);
  });

  it('a UTF-16 tab-separated export named .csv decodes, and has no people in it', async () => {
    await expect(readImportFile(ownBytes('shares-utf16le-tab.csv'))).rejects.toMatchObject({
      code: 'no-name-column',
      message: expect.stringContaining('"Date", "Share Title", "Share Link", "Visibility"'),
    });
  });

  it('picks the first XLSX sheet with people in it, reports every sheet, and numbers rows as Excel does', async () => {
    const bytes = await xlsxBytes([
      { sheet: 'Read me', data: [['Exported from our ATS'], ['Do not edit']] },
      {
        sheet: '候选人',
        data: [
          ['候选人名单', null, null, null],
          ['姓名', '公司', 'LinkedIn', '联系日期'],
          ['张伟', '字节跳动', 'https://www.linkedin.com/in/zhang-wei', new Date(Date.UTC(2024, 4, 30))],
          [null, null, null, null],
          ['Zoë Dupré 😀', 'Café "Noir"', 'https://www.linkedin.com/in/zoe', null],
        ],
      },
    ]);
    const { table, rows } = await readImportFile(bytes);
    expect(table.source).toEqual({ kind: 'xlsx', sheet: '候选人', sheets: ['Read me', '候选人'] });
    expect(table.headerLine).toBe(2);
    expect(table.blankRows).toBe(1);
    expect(rows.map((r) => [r.line, r.name, r.companyName])).toEqual([
      [3, '张伟', '字节跳动'],
      [5, 'Zoë Dupré 😀', 'Café "Noir"'],
    ]);
    expect(table.sample[0]!.cells[3]).toBe('2024-05-30');
    await expect(readImportFile(bytes, { sheet: 'Read me' })).rejects.toMatchObject({ code: 'no-name-column' });
    await expect(readImportFile(bytes, { sheet: 'Nope' })).rejects.toMatchObject({ message: expect.stringContaining('Read me, 候选人') });
  });

  it('refuses files that are not tables at all, saying what they are', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await expect(readImportFile(png)).rejects.toMatchObject({ code: 'not-csv', message: 'This is a PNG image, not a CSV or Excel file.' });
    const noise = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 251);
    await expect(readImportFile(noise)).rejects.toMatchObject({ code: 'binary' });
    await expect(readImportFile(new TextEncoder().encode('<!DOCTYPE html><html></html>'))).rejects.toMatchObject({ code: 'not-csv' });
  });

  it('refuses a damaged XLSX with a clear message', async () => {
    const good = await xlsxBytes([{ sheet: 'S', data: [['Name'], ['Ada']] }]);
    await expect(readImportFile(good.slice(0, good.length - 120))).rejects.toMatchObject({ code: 'unreadable-xlsx', message: expect.stringContaining('could not be read') });
  });
});
