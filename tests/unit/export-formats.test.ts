import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import {
  buildExportRows,
  csvColumns,
  formatLocalDate,
  DEFAULT_EXPORT_COLUMN_IDS,
  EXPORT_COLUMNS,
  exportRows,
  pickColumns,
  REFERRAL_EXPORT_COLUMN_IDS,
  type ExportRow,
} from '@/utils/export/columns';
import { toCsv } from '@/utils/export/csv';
import { excelWallClock } from '@/utils/export/xlsx';
import { talentRows } from '@/utils/export/talent-bank';
import { isAbortError } from '@/utils/import/cooperative';
import type { Note, Person, Pipeline, PipelineEntry } from '@/utils/schema';

/** A small talent bank for the export tests: Chinese and English, a referral, a person in two pipelines. */
const HLC = (n: number) => `${String(n).padStart(15, '0')}:00000:a`;
const T0 = Date.UTC(2024, 4, 30, 6, 30);
const DAY = 86_400_000;

const PIPELINES: Pipeline[] = DEFAULT_PIPELINES.map((p) => ({ ...p, archived: false, createdAt: 0, updatedAt: HLC(1), deleted: false }));
const [RECRUITING, REFERRAL] = PIPELINES as [Pipeline, Pipeline];

const person = (id: string, fields: Partial<Person>): Person => ({
  id,
  name: id,
  createdAt: T0 - 30 * DAY,
  updatedAt: HLC(2),
  deleted: false,
  profileKeys: [`linkedin:in/${id.toLowerCase()}`],
  profileUrl: `https://www.linkedin.com/in/${id.toLowerCase()}/`,
  status: 'active',
  tags: [],
  emails: [],
  phones: [],
  ...fields,
});

const PEOPLE: Person[] = [
  person('ZHANGWEI00000000000000000A', {
    name: '张伟',
    headline: '高级工程师「基础架构」',
    companyName: '字节跳动',
    location: '北京',
    tags: ['后端', 'Go'],
    emails: ['zhang.wei@example.com', 'zw@example.org'],
    phones: ['+86 138 0013 8000'],
    profileKeys: ['linkedin:in/zhangwei00000000000000000a', 'github:zhangwei'],
  }),
  person('ADA00000000000000000000000', { name: 'Ada "Countess" Lovelace', headline: '=1+2, formula-looking', ownerId: 'li.na' }),
  person('GRACE000000000000000000000', { name: 'Grace Hopper', status: 'placed' }),
];

const entry = (id: string, personId: string, pipeline: Pipeline, stageId: string, history: [string, number][], extra: Partial<PipelineEntry> & { referrer?: string } = {}) => ({
  id,
  personId,
  pipelineId: pipeline.id,
  stageId,
  history: history.map(([s, at]) => ({ stageId: s, at })),
  createdAt: history[0]?.[1] ?? T0,
  updatedAt: HLC(3 + history.length),
  deleted: false,
  ...extra,
});

const ENTRIES: PipelineEntry[] = [
  entry('E1000000000000000000000000', PEOPLE[0]!.id, REFERRAL, 'interviewed', [
    ['read', T0 - 10 * DAY],
    ['applied', T0 - 8 * DAY],
    ['interviewed', T0 - 2 * DAY],
  ], { referrer: '李娜', ownerId: 'wang.fang' }),
  entry('E2000000000000000000000000', PEOPLE[0]!.id, RECRUITING, 'interview', [
    ['sourced', T0 - 20 * DAY],
    ['contacted', T0 - 15 * DAY],
    ['interview', T0 - 5 * DAY],
  ], { updatedAt: HLC(5) }),
  entry('E3000000000000000000000000', PEOPLE[1]!.id, RECRUITING, 'sourced', [['sourced', T0]]),
];

const NOTES: Note[] = [
  { id: 'N1000000000000000000000000', personId: PEOPLE[0]!.id, body: '他说："下周可以聊"\n第二行', visibility: 'team', createdAt: T0 - DAY, updatedAt: HLC(9), deleted: false },
];

function exportFixture(options: { pipelineId?: string } = {}): ExportRow[] {
  const rows = talentRows(PEOPLE, ENTRIES, PIPELINES).map((r) => ({ ...r, lastNote: NOTES.find((n) => n.personId === r.person.id) }));
  return buildExportRows(rows, PIPELINES, options);
}


const ALL = EXPORT_COLUMNS;
/** Blob.text() drops a BOM; the export's exact text needs it kept. */
const exact = async (blob: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
const csvOf = async (blob: Blob) => Papa.parse<string[]>((await exact(blob)).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const local = (ms: number) => formatLocalDate(new Date(ms));

/** Bigger exports: the fixture repeated, each copy its own person. */
function many(n: number): ExportRow[] {
  const base = exportFixture();
  return Array.from({ length: n }, (_, i) => {
    const r = base[i % base.length]!;
    return { ...r, person: { ...r.person, id: `${r.person.id.slice(0, 18)}${String(i).padStart(8, '0')}`, name: `${r.person.name} ${i}` } };
  });
}

/** The text of one part of an XLSX (a zip). */
async function zipEntry(blob: Blob, name: string): Promise<string> {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  if (!files[name]) throw new Error(`${name} not found`);
  return new TextDecoder().decode(files[name]);
}

describe('export column catalogue', () => {
  const [zhang, ada, grace] = exportFixture();
  const text = (id: string, row: ExportRow) => csvColumns(pickColumns([id]))[0]!.value(row);

  it('offers every field the issue lists, with stable ids', () => {
    expect(ALL.map((c) => c.id)).toEqual([
      'name', 'headline', 'company', 'location', 'profileUrl', 'profileUrls', 'emails', 'phones', 'status', 'tags',
      'pipeline', 'stage', 'owner', 'stageSince', 'firstContact', 'addedToPipeline', 'referrer', 'points',
      'lastNote', 'lastNoteAt', 'savedAt', 'connectedAt',
    ]);
    expect(pickColumns(['name', 'gone', 'tags']).map((c) => c.id)).toEqual(['name', 'tags']);
    expect(pickColumns(REFERRAL_EXPORT_COLUMN_IDS).map((c) => c.id)).toEqual([...DEFAULT_EXPORT_COLUMN_IDS, 'referrer', 'points']);
  });

  it('lists per-pipeline values in the order of the Pipeline column', () => {
    expect(text('pipeline', zhang!)).toBe('Referral 内推; Recruiting');
    expect(text('stage', zhang!)).toBe('Interviewed; Interview');
    expect(text('owner', zhang!)).toBe('wang.fang; –');
    expect(text('referrer', zhang!)).toBe('李娜; –');
    // Referral points: Read 1 + Applied 2 + Resume qualified 5 + Interviewed 10.
    expect(text('points', zhang!)).toBe('18; –');
    expect(text('stageSince', zhang!)).toBe(`${local(T0 - 2 * DAY)}; ${local(T0 - 5 * DAY)}`);
    // Referral has no Contacted stage: its first step counts; recruiting counts from Contacted.
    expect(text('firstContact', zhang!)).toBe(`${local(T0 - 10 * DAY)}; ${local(T0 - 15 * DAY)}`);
  });

  it('reads e-mails and phones when the person has them, and every profile URL', () => {
    expect(text('emails', zhang!)).toBe('zhang.wei@example.com; zw@example.org');
    expect(text('phones', zhang!)).toBe('+86 138 0013 8000');
    expect(text('emails', ada!)).toBe('');
    expect(text('profileUrls', zhang!)).toBe('https://www.linkedin.com/in/zhangwei00000000000000000a/; https://github.com/zhangwei');
    expect(text('owner', ada!)).toBe('li.na');
    expect(text('owner', grace!)).toBe('');
    expect(text('status', grace!)).toBe('Placed');
    expect(text('lastNote', zhang!)).toBe('他说："下周可以聊"\n第二行');
  });

  it('keeps one entry per row for a pipeline export', () => {
    const rows = exportFixture({ pipelineId: DEFAULT_PIPELINES[1]!.id });
    expect(rows.map((r) => r.entries.length)).toEqual([1, 0, 0]);
    expect(text('points', rows[0]!)).toBe('18');
  });
});

describe('exportRows: CSV', () => {
  it('is exactly what toCsv writes, however it is chunked: BOM, quoting, formulas neutralised', async () => {
    const rows = exportFixture();
    const whole = toCsv(csvColumns(ALL), rows);
    for (const chunkSize of [1, 2, 500]) {
      expect(await exact(await exportRows(rows, 'csv', ALL, { chunkSize }))).toBe(whole);
    }
    const blob = await exportRows(rows, 'csv', ALL);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await blob.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const parsed = await csvOf(blob);
    expect(parsed[0]!.slice(0, 4)).toEqual(['Name', 'Headline', 'Company', 'Location']);
    expect(parsed[1]!.slice(0, 3)).toEqual(['张伟', '高级工程师「基础架构」', '字节跳动']);
    expect(parsed[2]!.slice(0, 2)).toEqual(['Ada "Countess" Lovelace', "'=1+2, formula-looking"]);
  });

  it('hands the event loop back during a large export, reports progress, and can be cancelled', async () => {
    // Large enough for several 30 ms slices even on a fast machine (10,000 rows now render in 2-3).
    const rows = many(40_000);
    // CPU time between two yields is what the UI thread would be blocked for; wall time on a shared test
    // machine also counts other processes. Progress is reported just before each yield.
    const slices: number[] = [];
    let mark = process.cpuUsage();
    let ticks = 0;
    const probe = setInterval(() => ticks++, 1);
    const blob = await exportRows(rows, 'csv', ALL, {
      onProgress: () => {
        const used = process.cpuUsage(mark);
        slices.push((used.user + used.system) / 1000);
        mark = process.cpuUsage();
      },
    });
    clearInterval(probe);
    expect((await csvOf(blob)).length).toBe(40_001);
    expect(slices.length).toBeGreaterThan(3);
    expect(ticks).toBeGreaterThan(3);
    console.info(`[export] ${slices.length} slices, longest ${Math.max(...slices).toFixed(1)} ms CPU`);
    expect(Math.max(...slices.slice(0, -1))).toBeLessThan(100);

    const controller = new AbortController();
    const cancelled = exportRows(rows, 'xlsx', ALL, { signal: controller.signal, sliceMs: 0 });
    controller.abort();
    const error = await cancelled.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).message).toBe('Export cancelled');
  });
});

describe('exportRows: JSON', () => {
  it('writes plain objects keyed by column id, ISO dates, arrays for lists and per-pipeline values', async () => {
    const blob = await exportRows(exportFixture(), 'json', ALL);
    expect(blob.type).toBe('application/json');
    const rows = JSON.parse(await blob.text()) as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      name: '张伟',
      emails: ['zhang.wei@example.com', 'zw@example.org'],
      tags: ['后端', 'Go'],
      pipeline: ['Referral 内推', 'Recruiting'],
      owner: ['wang.fang', null],
      points: [18, null],
      stageSince: [new Date(T0 - 2 * DAY).toISOString(), new Date(T0 - 5 * DAY).toISOString()],
      lastNote: '他说："下周可以聊"\n第二行',
      lastNoteAt: new Date(T0 - DAY).toISOString(),
    });
    expect(rows[2]).toMatchObject({ name: 'Grace Hopper', headline: null, pipeline: [], emails: [], lastNote: null });
    expect(JSON.parse(await (await exportRows([], 'json', ALL)).text())).toEqual([]);
  });
});

describe('exportRows: XLSX', () => {
  it('writes typed dates and numbers, Chinese intact, a frozen bold header row and column widths', async () => {
    const rows = exportFixture({ pipelineId: DEFAULT_PIPELINES[1]!.id });
    const columns = pickColumns(['name', 'company', 'pipeline', 'stage', 'stageSince', 'points', 'referrer', 'tags', 'lastNote']);
    const blob = await exportRows(rows, 'xlsx', columns);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet] = await readXlsxFile(blob);
    expect(sheet!.sheet).toBe('Scoutbook');
    const data = sheet!.data as unknown[][];
    expect(data[0]).toEqual(['Name', 'Company', 'Pipeline', 'Stage', 'In stage since', 'Points', 'Referrer', 'Tags', 'Last note']);
    expect(data[1]!.slice(0, 4)).toEqual(['张伟', '字节跳动', 'Referral 内推', 'Interviewed']);
    // A real Excel date (a serial number with a date format), showing the local wall-clock time.
    expect(data[1]![4]).toBeInstanceOf(Date);
    // Excel serial numbers are floating-point days: compare to the second.
    expect(Math.round((data[1]![4] as Date).getTime() / 1000)).toBe(excelWallClock(new Date(T0 - 2 * DAY)).getTime() / 1000);
    expect(data[1]![5]).toBe(18);
    expect(data[1]!.slice(6)).toEqual(['李娜', '后端; Go', '他说："下周可以聊"\n第二行']);
    expect(data[2]![0]).toBe('Ada "Countess" Lovelace');
    expect(data[2]![4]).toBeNull();

    const xml = await zipEntry(blob, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toMatch(/<col [^>]*width="22"/);
  });

  it('joins several values of a date column as text rather than dropping any', async () => {
    const [zhang] = exportFixture();
    const [sheet] = await readXlsxFile(await exportRows([zhang!], 'xlsx', pickColumns(['stageSince', 'points'])));
    expect((sheet!.data as unknown[][])[1]).toEqual([`${local(T0 - 2 * DAY)}; ${local(T0 - 5 * DAY)}`, '18; –']);
  });
});
