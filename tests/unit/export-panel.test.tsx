// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel, type ExportPanelProps } from '@/components/popup/ExportPanel';
import { LastNoteMirror } from '@/components/popup/last-note-mirror';
import { addNote } from '@/utils/db/actions';
import { getDb } from '@/utils/db/database';
import { talentRows } from '@/utils/export/talent-bank';
import { nextMutation } from '../support/storage-mutation';
import { RECRUITING, savePeople, usePopupDatabase, withI18n } from './popup/popup-kit';


/** The export panel as a user drives it: pick people, columns and format, export, read the file. */

let downloads: { name: string; blob: Blob }[] = [];
beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => vi.restoreAllMocks());

async function rowsFromDb() {
  const db = getDb();
  const [people, entries, pipelines] = await Promise.all([db.people.toArray(), db.entries.toArray(), db.pipelines.toArray()]);
  return { rows: talentRows(people, entries, pipelines), pipelines };
}

async function csvOf(blob: Blob): Promise<string[][]> {
  const text = new TextDecoder().decode(await blob.arrayBuffer());
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

describe('ExportPanel', () => {
  const db = usePopupDatabase();

  async function setUp(extra: Partial<ExportPanelProps> = {}) {
    const ids = await savePeople(db.store(), [
      { name: 'Jane Doe', slug: 'jane', company: 'Acme', stage: { pipelineId: RECRUITING, stageId: 'interview' } },
      { name: '张伟', slug: 'zhangwei', company: '字节跳动', stage: { pipelineId: RECRUITING, stageId: 'sourced' } },
      { name: 'Bob Stone', slug: 'bob', company: '=cmd|calc' },
    ]);
    await addNote(db.store(), { personId: ids.get('Jane Doe')! }, 'Call back on Monday');
    const { rows, pipelines } = await rowsFromDb();
    const listed = rows.filter((r) => r.person.name !== 'Bob Stone');
    const view = render(withI18n(<ExportPanel rows={listed} allRows={rows} pipelines={pipelines.filter((p) => !p.deleted)} {...extra} />));
    return { ids, view };
  }

  it('exports the listed people in the default columns, Chinese intact and formulas neutralised', async () => {
    await setUp();
    expect(screen.getByTestId('sb-export-count').textContent).toBe('2 people');
    fireEvent.change(screen.getByTestId('sb-export-scope'), { target: { value: 'all' } });
    expect(screen.getByTestId('sb-export-count').textContent).toBe('3 people');
    fireEvent.click(screen.getByTestId('sb-export-run'));
    await waitFor(() => expect(screen.getByTestId('sb-export-message').textContent).toBe('Exported 3 people.'));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^scoutbook-talent-bank-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await downloads[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await csvOf(downloads[0]!.blob);
    expect(csv[0]!.slice(0, 3)).toEqual(['Name', 'Headline', 'Company']);
    const byName = new Map(csv.slice(1).map((r) => [r[0]!, r]));
    expect(byName.get('张伟')![2]).toBe('字节跳动');
    expect(byName.get('Bob Stone')![2]).toBe("'=cmd|calc");
    const header = csv[0]!;
    expect(byName.get('Jane Doe')![header.indexOf('Stage')]).toBe('Interview');
    expect(byName.get('Jane Doe')![header.indexOf('Last note')]).toBe('Call back on Monday');
  });

  it('exports one stage of a pipeline, and only the columns picked, which it remembers', async () => {
    const { view } = await setUp();
    fireEvent.change(screen.getByTestId('sb-export-scope'), { target: { value: 'stage' } });
    fireEvent.change(screen.getByTestId('sb-export-pipeline'), { target: { value: RECRUITING } });
    fireEvent.change(screen.getByTestId('sb-export-stage'), { target: { value: 'interview' } });
    expect(screen.getByTestId('sb-export-count').textContent).toBe('1 people');
    for (const id of ['headline', 'location', 'profileUrl', 'emails', 'phones', 'status', 'pipeline', 'owner', 'stageSince', 'tags', 'lastNote'])
      fireEvent.click(screen.getByTestId(`sb-export-column-${id}`));
    fireEvent.click(screen.getByTestId('sb-export-column-addedToPipeline'));
    fireEvent.change(screen.getByTestId('sb-export-format'), { target: { value: 'json' } });
    fireEvent.click(screen.getByTestId('sb-export-run'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/^scoutbook-recruiting-interview-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(await downloads[0]!.blob.text()) as Record<string, unknown>[];
    expect(json).toHaveLength(1);
    // Columns in catalogue order, whatever order they were ticked in.
    expect(Object.keys(json[0]!)).toEqual(['name', 'company', 'stage', 'addedToPipeline']);
    expect(json[0]).toMatchObject({ name: 'Jane Doe', company: 'Acme', stage: ['Interview'] });

    // Opened again (another popup), the panel offers the same columns and format.
    view.unmount();
    const { rows, pipelines } = await rowsFromDb();
    render(withI18n(<ExportPanel rows={rows} pipelines={pipelines} />));
    await waitFor(() => expect(screen.getByTestId<HTMLSelectElement>('sb-export-format').value).toBe('json'));
    expect(screen.getByTestId<HTMLInputElement>('sb-export-column-headline').checked).toBe(false);
    expect(screen.getByTestId<HTMLInputElement>('sb-export-column-addedToPipeline').checked).toBe(true);
  });

  it('offers the selection the App passes, and exports just those people as XLSX', async () => {
    const ids = await (async () => {
      const map = await savePeople(db.store(), [
        { name: 'Jane Doe', slug: 'jane' },
        { name: 'Bob Stone', slug: 'bob' },
      ]);
      return map;
    })();
    const { rows, pipelines } = await rowsFromDb();
    render(withI18n(<ExportPanel rows={rows} pipelines={pipelines} selectedIds={new Set([ids.get('Bob Stone')!])} initialScope="selection" />));
    expect(screen.getByTestId<HTMLSelectElement>('sb-export-scope').value).toBe('selection');
    expect(screen.getByTestId('sb-export-count').textContent).toBe('1 people');
    fireEvent.change(screen.getByTestId('sb-export-format'), { target: { value: 'xlsx' } });
    fireEvent.click(screen.getByTestId('sb-export-run'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/^scoutbook-selection-.*\.xlsx$/);
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    const [sheet] = await readXlsxFile(downloads[0]!.blob);
    expect((sheet!.data as unknown[][]).map((r) => r[0])).toEqual(['Name', 'Bob Stone']);
  });

  it('takes the last notes from the popup’s mirror of them once it has read them, and follows a note added after', async () => {
    const ids = await savePeople(db.store(), [
      { name: 'Jane Doe', slug: 'jane' },
      { name: '李娜', slug: 'lina' },
    ]);
    await addNote(db.store(), { personId: ids.get('Jane Doe')! }, 'Call back on Monday');
    const lastNotes = new LastNoteMirror(getDb());
    await lastNotes.scan();
    const heard = nextMutation();
    await addNote(db.store(), { personId: ids.get('李娜')! }, '电话沟通：下周二再约');
    await lastNotes.apply(await heard);
    // Proof that the file comes from the mirror: the notes are gone from the database behind its back.
    await getDb().notes.clear();
    const { rows, pipelines } = await rowsFromDb();
    render(withI18n(<ExportPanel rows={rows} pipelines={pipelines} lastNotes={lastNotes} />));
    fireEvent.click(screen.getByTestId('sb-export-run'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const csv = await csvOf(downloads[0]!.blob);
    const column = csv[0]!.indexOf('Last note');
    expect(Object.fromEntries(csv.slice(1).map((r) => [r[0], r[column]]))).toEqual({ 'Jane Doe': 'Call back on Monday', 李娜: '电话沟通：下周二再约' });
  });
});
