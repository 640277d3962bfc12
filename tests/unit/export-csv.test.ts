import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, type Column } from '@/utils/export/csv';
import { TALENT_COLUMNS, talentRows } from '@/utils/export/talent-bank';
import type { Person, Pipeline, PipelineEntry } from '@/utils/schema';
import { hasSharedFixtures, sharedFixture } from '../support/shared-fixtures';

const cols: Column<string[]>[] = [
  { header: 'A', value: (r) => r[0] },
  { header: 'B', value: (r) => r[1] },
];
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('CSV export', () => {
  it('writes a UTF-8 BOM, CRLF line ends and RFC 4180 quoting', () => {
    const csv = toCsv(cols, [
      ['张伟', 'a,b'],
      ['say "hi"', 'line\nbreak'],
    ]);
    expect(csv.startsWith('\uFEFFA,B\r\n')).toBe(true);
    expect(csv).toBe('\uFEFFA,B\r\n张伟,"a,b"\r\n"say ""hi""","line\nbreak"\r\n');
    expect(parse(csv)).toEqual([
      ['A', 'B'],
      ['张伟', 'a,b'],
      ['say "hi"', 'line\nbreak'],
    ]);
  });

  it('neutralises formula cells with a quote prefix and keeps their text, even across a line break', () => {
    const risky = ['=1+2', '+86 138 0013 8000', '-', '@handle', '\tx', '\rx', '=cmd|\' /C calc\'!A0\nmore'];
    const csv = toCsv(cols, risky.map((v) => [v, 'ok']));
    const cells = parse(csv).slice(1).map((r) => r[0]);
    expect(cells).toEqual(risky.map((v) => `'${v}`));
  });

  it('writes exactly what Papa.unparse wrote before, for any cells (quotes, commas, line breaks, spaces, BOM, formulas)', () => {
    const tricky = fc.constantFrom('"', ',', '\r', '\n', ' ', '\uFEFF', '=', '+', '-', '@', '\t', "'", 'a', '张', ';');
    const cell = fc.oneof(fc.string(), fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 }), (rows) => {
        const papa = Papa.unparse({ fields: ['A', 'B'], data: rows }, { escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n', quotes: false });
        expect(toCsv(cols, rows)).toBe(`\uFEFF${papa}\r\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it.skipIf(!hasSharedFixtures)('neutralises every payload of the public CSV-injection lists without losing text', () => {
    const payloads = [
      ...sharedFixture('csv-injection-payloads__payloadbox/Intruder/csv-payload.txt').split('\n'),
      ...sharedFixture('PayloadsAllTheThings__swisskyrepo/CSV Injection/payloads_extracted_from_README.txt').split('\n'),
    ].filter((p) => p.length > 0);
    expect(payloads.length).toBeGreaterThan(10);
    const cells = parse(toCsv(cols, payloads.map((p) => [p, '']))).slice(1).map((r) => r[0]!);
    cells.forEach((cell, i) => {
      expect(cell.replace(/^'/, '')).toBe(payloads[i]);
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });
});

describe('talent bank export rows', () => {
  const HLC = (n: number) => `00000000000000${n}:00000:a`;
  const pipeline: Pipeline = {
    id: 'P0000000000000000000000000',
    name: 'Recruiting',
    kind: 'recruiting',
    stages: [
      { id: 'sourced', name: 'Sourced' },
      { id: 'interview', name: 'Interview' },
    ],
    archived: false,
    createdAt: 0,
    updatedAt: HLC(1),
    deleted: false,
  };
  const person = (id: string, name: string, deleted = false): Person => ({
    id,
    name,
    createdAt: 0,
    updatedAt: HLC(1),
    deleted,
    profileKeys: [`linkedin:in/${id}`],
    profileUrl: `https://www.linkedin.com/in/${id}/`,
    status: 'active',
    tags: ['rust'],
    emails: [],
    phones: [],
    companyName: '字节跳动',
  });
  const entry: PipelineEntry = {
    id: 'E0000000000000000000000000',
    pipelineId: pipeline.id,
    personId: 'A0000000000000000000000000',
    stageId: 'interview',
    history: [],
    createdAt: 0,
    updatedAt: HLC(2),
    deleted: false,
  };

  it('lists live people with their pipeline and stage, and exports them', () => {
    const rows = talentRows(
      [person('A0000000000000000000000000', '张伟'), person('B0000000000000000000000000', 'Gone', true)],
      [entry],
      [pipeline],
    );
    expect(rows).toHaveLength(1);
    const [header, line] = toCsv(TALENT_COLUMNS, rows).slice(1).split('\r\n');
    expect(header).toBe('Name,Headline,Company,Location,Profile URL,Status,Pipeline,Stage,Tags,Last note');
    expect(line).toBe('张伟,,字节跳动,,https://www.linkedin.com/in/A0000000000000000000000000/,Active,Recruiting,Interview,rust,');
  });
});
