// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addNote, setStage } from '@/utils/db/actions';
import { getDb } from '@/utils/db/database';
import { pickColumns, REFERRAL_EXPORT_COLUMN_IDS } from '@/utils/export/columns';
import { exportFromDb } from '@/utils/export/export-job';
import { visitInPages } from '@/utils/export/read-pages';
import { runExport } from '@/utils/export/run-export';
import { scopeRows } from '@/utils/export/scope';
import { talentRows } from '@/utils/export/talent-bank';
import { isAbortError } from '@/utils/import/cooperative';
import { RECRUITING, savePeople, usePopupDatabase } from './popup/popup-kit';

/** The export worker's job reads everything from the database: its file must be the in-page export's, byte for byte. */

const text = async (blob: Blob) => new TextDecoder().decode(await blob.arrayBuffer());

describe('exportFromDb (the export worker)', () => {
  const db = usePopupDatabase();

  async function bank() {
    const ids = await savePeople(db.store(), [
      { name: 'Jane Doe', slug: 'jane', company: 'Acme', stage: { pipelineId: RECRUITING, stageId: 'interview' } },
      { name: '张伟', slug: 'zhangwei', company: '字节跳动', stage: { pipelineId: RECRUITING, stageId: 'sourced' } },
      { name: 'Bob Stone', slug: 'bob', company: '=cmd|calc' },
    ]);
    await addNote(db.store(), { personId: ids.get('Jane Doe')! }, 'First call');
    await addNote(db.store(), { personId: ids.get('Jane Doe')! }, 'Call back on Monday');
    const d = getDb();
    const [people, entries, pipelines] = await Promise.all([d.people.toArray(), d.entries.toArray(), d.pipelines.toArray()]);
    const live = pipelines.filter((p) => !p.deleted && !p.archived);
    return { ids, rows: talentRows(people, entries, live), pipelines: live };
  }

  it('writes the same CSV as the in-page export, in the listed order, with the last note and stages', async () => {
    const { rows, pipelines } = await bank();
    const listed = [...rows].reverse();
    const scoped = scopeRows({ kind: 'listed' }, { listed, all: rows });
    const inPage = await text(await runExport(getDb(), scoped, pipelines, pickColumns(REFERRAL_EXPORT_COLUMN_IDS), 'csv'));
    const job = { personIds: scoped.rows.map((r) => r.person.id), pipelines, columnIds: REFERRAL_EXPORT_COLUMN_IDS, format: 'csv' as const };
    const fromDb = await text(await exportFromDb(getDb(), job));
    expect(fromDb).toBe(inPage);
    expect(fromDb).toContain('Call back on Monday');
    expect(fromDb).not.toContain('First call');
    expect(fromDb.indexOf('Bob Stone')).toBeLessThan(fromDb.indexOf('Jane Doe'));
  });

  it('keeps only the chosen pipeline for a pipeline export, and skips people deleted since the list was read', async () => {
    const { ids, rows, pipelines } = await bank();
    const scoped = scopeRows({ kind: 'pipeline', pipelineId: RECRUITING }, { listed: rows, all: rows });
    await getDb().people.update(ids.get('张伟')!, { deleted: true });
    const job = { personIds: scoped.rows.map((r) => r.person.id), pipelineId: RECRUITING, pipelines, columnIds: ['name', 'stage'], format: 'csv' as const };
    const lines = (await text(await exportFromDb(getDb(), job))).trim().split('\r\n');
    expect(lines).toEqual(['Name,Stage', 'Jane Doe,Interview']);
  });

  it('lists a person in two pipelines most recently changed first, as the in-page export does', async () => {
    const { ids, rows, pipelines } = await bank();
    const other = pipelines.find((p) => p.id !== RECRUITING)!;
    await setStage(db.store(), { personId: ids.get('Jane Doe')! }, other.id, other.stages[1]!.id);
    const d = getDb();
    const fresh = talentRows(await d.people.toArray(), await d.entries.toArray(), pipelines);
    const scoped = scopeRows({ kind: 'all' }, { listed: fresh, all: fresh });
    const columns = ['name', 'pipeline', 'stage', 'stageSince', 'lastNote'];
    const inPage = await text(await runExport(d, scoped, pipelines, pickColumns(columns), 'csv'));
    const fromDb = await text(await exportFromDb(d, { personIds: scoped.rows.map((r) => r.person.id), pipelines, columnIds: columns, format: 'csv' }));
    expect(fromDb).toBe(inPage);
    expect(fromDb).toContain(`Jane Doe,${other.name}; Recruiting,${other.stages[1]!.name}; Interview`);
    // Without a pipeline column the worker reads no entries, and still lists everyone.
    const plain = await text(await exportFromDb(d, { personIds: rows.map((r) => r.person.id), pipelines, columnIds: ['name'], format: 'csv' }));
    expect(plain.trim().split('\r\n')).toEqual(['Name', ...rows.map((r) => r.person.name)]);
  });

  it('stops with an AbortError when cancelled', async () => {
    const { rows, pipelines } = await bank();
    const abort = new AbortController();
    abort.abort();
    const job = { personIds: rows.map((r) => r.person.id), pipelines, columnIds: ['name'], format: 'xlsx' as const };
    await expect(exportFromDb(getDb(), job, { signal: abort.signal }).catch((e: unknown) => isAbortError(e))).resolves.toBe(true);
  });
});

describe('visitInPages', () => {
  const db = usePopupDatabase();

  it('visits every record once, in id order, across pages', async () => {
    await savePeople(db.store(), ['a', 'b', 'c', 'd', 'e'].map((slug) => ({ name: slug.toUpperCase(), slug })));
    const seen: string[] = [];
    await visitInPages(getDb().people, (p) => seen.push(p.id), undefined, 2);
    const ids = (await getDb().people.toArray()).map((p) => p.id).sort();
    expect(seen).toEqual(ids);
    expect(seen).toHaveLength(5);
  });
});
