// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addNote, editNote, setStage } from '@/utils/db/actions';
import { getDb } from '@/utils/db/database';
import { pickColumns, REFERRAL_EXPORT_COLUMN_IDS } from '@/utils/export/columns';
import { visitInPages } from '@/utils/export/read-pages';
import { runExport } from '@/utils/export/run-export';
import { scopeRows } from '@/utils/export/scope';
import { talentRows } from '@/utils/export/talent-bank';
import { isAbortError } from '@/utils/import/cooperative';
import { LastNoteMirror } from '@/components/popup/last-note-mirror';
import { RECRUITING, savePeople, usePopupDatabase } from './popup/popup-kit';

const text = async (blob: Blob) => new TextDecoder().decode(await blob.arrayBuffer());

describe('runExport (the popup’s export, from the rows it holds)', () => {
  const db = usePopupDatabase();

  async function bank() {
    const ids = await savePeople(db.store(), [
      { name: 'Jane Doe', slug: 'jane', company: 'Acme', stage: { pipelineId: RECRUITING, stageId: 'interview' } },
      { name: '张伟', slug: 'zhangwei', company: '字节跳动', stage: { pipelineId: RECRUITING, stageId: 'sourced' } },
      { name: 'Bob Stone', slug: 'bob', company: '=cmd|calc' },
    ]);
    await addNote(db.store(), { personId: ids.get('Jane Doe')! }, 'First call');
    const second = await addNote(db.store(), { personId: ids.get('Jane Doe')! }, 'Call back on Monday');
    await editNote(db.store(), second, 'Call back on Tuesday');
    return { ids, ...(await read()) };
  }

  async function read() {
    const d = getDb();
    const [people, entries, pipelines] = await Promise.all([d.people.toArray(), d.entries.toArray(), d.pipelines.toArray()]);
    const live = pipelines.filter((p) => !p.deleted && !p.archived);
    return { rows: talentRows(people, entries, live), pipelines: live };
  }

  it('writes the same file with the popup’s last-note mirror as with the notes read from the database', async () => {
    const { rows, pipelines } = await bank();
    const scoped = scopeRows({ kind: 'listed' }, { listed: [...rows].reverse(), all: rows });
    const columns = pickColumns(REFERRAL_EXPORT_COLUMN_IDS);
    const fromDb = await text(await runExport(getDb(), scoped, pipelines, columns, 'csv'));
    const mirror = new LastNoteMirror(getDb());
    await mirror.scan();
    const fromMirror = await text(await runExport(getDb(), scoped, pipelines, columns, 'csv', { lastNotes: mirror }));
    expect(fromMirror).toBe(fromDb);
    expect(fromDb).toContain('Call back on Tuesday');
    expect(fromDb).not.toContain('First call');
    expect(fromDb.indexOf('Bob Stone')).toBeLessThan(fromDb.indexOf('Jane Doe'));
  });

  it('lists a person in two pipelines most recently changed first, and a pipeline export keeps only that pipeline', async () => {
    const { ids, pipelines } = await bank();
    const other = pipelines.find((p) => p.id !== RECRUITING)!;
    await setStage(db.store(), { personId: ids.get('Jane Doe')! }, other.id, other.stages[1]!.id);
    const { rows } = await read();
    const columns = pickColumns(['name', 'pipeline', 'stage']);
    const all = await text(await runExport(getDb(), scopeRows({ kind: 'all' }, { listed: rows, all: rows }), pipelines, columns, 'csv'));
    expect(all).toContain(`Jane Doe,${other.name}; Recruiting,${other.stages[1]!.name}; Interview`);
    const one = await text(await runExport(getDb(), scopeRows({ kind: 'pipeline', pipelineId: RECRUITING }, { listed: rows, all: rows }), pipelines, columns, 'csv'));
    expect(one.trim().split('\r\n').sort()).toEqual(['Jane Doe,Recruiting,Interview', 'Name,Pipeline,Stage', '张伟,Recruiting,Sourced']);
  });

  it('stops with an AbortError when cancelled', async () => {
    const { rows, pipelines } = await bank();
    const abort = new AbortController();
    abort.abort();
    const scoped = scopeRows({ kind: 'all' }, { listed: rows, all: rows });
    await expect(runExport(getDb(), scoped, pipelines, pickColumns(['name']), 'xlsx', { signal: abort.signal }).catch((e: unknown) => isAbortError(e))).resolves.toBe(true);
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
