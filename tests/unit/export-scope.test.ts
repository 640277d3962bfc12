import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toggleColumn } from '@/utils/export/column-prefs';
import { exportFileName, scopeRows } from '@/utils/export/scope';
import type { TalentRow } from '@/utils/export/talent-bank';
import { columnLetter, escapeXml, sheetName, XlsxWriter } from '@/utils/export/xlsx-writer';
import type { Person, PipelineEntry } from '@/utils/schema';

const row = (id: string, stages: [string, string][] = []): TalentRow => ({
  person: { id, name: id } as Person,
  stages: stages.map(([pipelineId, stageId], i) => ({ pipeline: pipelineId, stage: stageId, entryId: `${id}-${i}`, pipelineId, stageId, activityAt: 0, entry: { id: `${id}-${i}`, pipelineId, stageId } as PipelineEntry })),
});

describe('export scopes', () => {
  const all = [row('a', [['rec', 'sourced']]), row('b', [['rec', 'interview'], ['ref', 'read']]), row('c'), row('d', [['ref', 'applied']])];
  const listed = [all[2]!, all[1]!];
  const ids = (s: { rows: TalentRow[] }) => s.rows.map((r) => r.person.id);

  it('takes the list as shown, the whole bank, a pipeline or one of its stages', () => {
    expect(ids(scopeRows({ kind: 'listed' }, { listed, all }))).toEqual(['c', 'b']);
    expect(ids(scopeRows({ kind: 'all' }, { listed, all }))).toEqual(['a', 'b', 'c', 'd']);
    expect(scopeRows({ kind: 'pipeline', pipelineId: 'ref' }, { listed, all })).toMatchObject({ pipelineId: 'ref' });
    expect(ids(scopeRows({ kind: 'pipeline', pipelineId: 'ref' }, { listed, all }))).toEqual(['b', 'd']);
    expect(ids(scopeRows({ kind: 'pipeline', pipelineId: 'rec', stageId: 'interview' }, { listed, all }))).toEqual(['b']);
  });

  it('takes the selection in list order, then selected people the filters now hide', () => {
    expect(ids(scopeRows({ kind: 'selection' }, { listed, all, selectedIds: new Set(['a', 'b']) }))).toEqual(['b', 'a']);
    expect(ids(scopeRows({ kind: 'selection' }, { listed, all }))).toEqual([]);
  });

  it('names the file after what was exported', () => {
    expect(exportFileName(['Referral 内推', 'Resume qualified'], '2024-05-30', 'xlsx')).toBe('scoutbook-referral-内推-resume-qualified-2024-05-30.xlsx');
    expect(exportFileName([''], '2024-05-30', 'csv')).toBe('scoutbook-2024-05-30.csv');
  });

  it('keeps picked columns in catalogue order whatever order they were ticked in', () => {
    expect(toggleColumn(['tags', 'name'], 'company', true)).toEqual(['name', 'company', 'tags']);
    expect(toggleColumn(['name', 'company', 'tags'], 'company', false)).toEqual(['name', 'tags']);
    expect(toggleColumn(['name', 'gone'], 'tags', true)).toEqual(['name', 'tags']);
  });
});

describe('the streaming XLSX writer', () => {
  it('escapes markup and drops characters XML cannot hold, keeping emoji and Chinese', () => {
    expect(escapeXml('<b>"A" & B</b>')).toBe('&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;');
    expect(escapeXml('a\u0000b\u0008c\u000Bd\tok\n张伟 😀 \uD800x')).toBe('abcd\tok\n张伟 😀 x');
  });

  it('names columns and sheets as Excel requires', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(sheetName('Referral: [2024] a/b?*')).toBe('Referral   2024  a b');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName(':/')).toBe('Sheet1');
  });

  it('writes a valid package: a frozen header, cells by type, over-long text cut to Excel’s limit', () => {
    const writer = new XlsxWriter({ sheetName: 'S', widths: [10, 10, 10], dateTimeFormat: 'yyyy-mm-dd hh:mm', dayFormat: 'yyyy-mm-dd' });
    writer.addRows([[{ kind: 'text', value: 'H', bold: true }, null, null]]);
    writer.addRows([[{ kind: 'text', value: 'x'.repeat(40_000) }, { kind: 'number', value: 18 }, { kind: 'date', value: new Date(Date.UTC(2024, 4, 30, 12)) }]]);
    writer.addRows([[{ kind: 'text', value: ' indented' }, { kind: 'text', value: 'line\n' }, null]]);
    const files = unzipSync(new Uint8Array(Buffer.concat(writer.finish())));
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t>H</t></is></c>');
    expect(sheet).toContain(`<t>${'x'.repeat(32_767)}</t>`);
    expect(sheet).toContain('<c r="A3" t="inlineStr"><is><t xml:space="preserve"> indented</t></is></c>');
    expect(sheet).toContain('<c r="B3" t="inlineStr"><is><t xml:space="preserve">line\n</t></is></c>');
    expect(sheet).not.toContain('x'.repeat(32_768));
    expect(sheet).toContain('<c r="B2"><v>18</v></c>');
    expect(sheet).toContain('<c r="C2" s="2"><v>45442.5</v></c>');
  });
});
