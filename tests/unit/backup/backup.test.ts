import { describe, expect, it } from 'vitest';
import { addNote, savePerson, setStage } from '@/utils/db/actions';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import { applyLocalChange } from '@/utils/db/local-change';
import { exportBackup } from '@/utils/backup/export-backup';
import { BackupError, parseBackupText, type Backup } from '@/utils/backup/format';
import { restoreBackup } from '@/utils/backup/restore-backup';
import { createPitch, updatePitch } from '@/utils/pipelines/pitch-store';
import { freshStore } from '../import/helpers';
import { queuedMutations } from '@/utils/sync/outbox';

const RECRUITING = DEFAULT_PIPELINES[0]!.id;
const target = (slug: string) => ({ kind: 'person' as const, key: `linkedin:in/${slug}`, url: `https://www.linkedin.com/in/${slug}/` });
type Store = Awaited<ReturnType<typeof freshStore>>;

async function seeded(store: Store) {
  const id = await savePerson(store, target('zhang-wei'), { name: '张伟', headline: '工程师 "infra"\n第二行', companyName: '字节跳动' });
  await addNote(store, { personId: id }, '他说：可以聊 😀');
  await applyLocalChange(store.db, store.clock, 'note', '01J00000000000000000000PRV', { personId: id, body: 'private thought', visibility: 'private', createdAt: 1, deleted: false });
  await setStage(store, { personId: id }, RECRUITING, 'interview');
  await store.db.intel.put({ id: 'i1', companyName: '字节跳动', companyNameLower: '字节跳动', type: 'funding', title: '融资', url: 'https://36kr.com/p/1', publishedAt: '2024-05-30T00:00:00Z', fetchedAt: 5 });
  return id;
}

/** Everything a restore could touch, to prove a refused restore wrote nothing. */
async function snapshot(store: Store) {
  const { db } = store;
  return Promise.all([db.people, db.companies, db.notes, db.pipelines, db.entries, db.intel, db.outbox, db.meta].map((t) => t.toArray()));
}

async function refusal(store: Store, input: unknown): Promise<BackupError> {
  const before = await snapshot(store);
  const error = await restoreBackup(store, input, { mode: 'replace' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  expect(await snapshot(store)).toEqual(before);
  return error as BackupError;
}

describe('exportBackup', () => {
  it('holds every record with its clocks, tombstones and private notes included, and the device id', async () => {
    const store = await freshStore();
    const id = await seeded(store);
    const backup = await exportBackup(store.db, () => Date.UTC(2024, 4, 30));
    expect(backup).toMatchObject({ format: 'scoutbook-backup', version: 1, exportedAt: '2024-05-30T00:00:00.000Z', meta: { clientId: store.clientId } });
    expect(backup.people).toHaveLength(1);
    expect(backup.people[0]).toMatchObject({ id, name: '张伟', clocks: { name: expect.any(String), headline: expect.any(String) } });
    expect(backup.notes.map((n) => n.visibility).sort()).toEqual(['private', 'team']);
    expect(backup.pipelines).toHaveLength(3);
    expect(backup.entries).toHaveLength(1);
    expect(backup.intel).toHaveLength(1);
    expect(parseBackupText(JSON.stringify(backup))).toEqual(backup);
  });
});

describe('restoreBackup refuses bad files and writes nothing', () => {
  it.each([
    ['an array', [], 'not a JSON object'],
    ['another JSON file', { people: [] }, 'not a Scoutbook backup'],
    ['a newer format', { format: 'scoutbook-backup', version: 2, people: [] }, 'newer Scoutbook (backup format 2'],
    ['a version that is not a number', { format: 'scoutbook-backup', version: '1', people: [] }, 'no valid format version'],
  ])('%s', async (_what, input, message) => {
    const store = await freshStore();
    await seeded(store);
    expect((await refusal(store, input)).message).toContain(message);
  });

  it('a malformed record, naming where it is', async () => {
    const store = await freshStore();
    await seeded(store);
    const backup = await exportBackup(store.db);
    const broken = JSON.parse(JSON.stringify(backup)) as Backup;
    (broken.people[0] as Record<string, unknown>).name = '';
    expect((await refusal(store, broken)).message).toBe('This backup is damaged and was not restored: people[0].name: name is required.');
    const noClock = JSON.parse(JSON.stringify(backup)) as Backup;
    noClock.notes[0]!.clocks.body = 'yesterday';
    expect((await refusal(store, noClock)).message).toMatch(/notes\[0\]\.clocks\.body: must be a hybrid logical clock/);
    const twice = JSON.parse(JSON.stringify(backup)) as Backup;
    twice.people.push(twice.people[0]!);
    expect((await refusal(store, twice)).message).toContain('people: the same id appears twice');
    expect((await refusal(store, { ...backup, people: undefined })).message).toContain('people:');
  });

  it('edits dated far in the future (a wrong clock on the other device)', async () => {
    const store = await freshStore();
    const backup = await exportBackup(store.db);
    const future = '999999999999999:00000:zz';
    backup.pipelines[0]!.clocks.name = future;
    backup.pipelines[0]!.updatedAt = future;
    expect((await refusal(store, backup)).message).toContain('more than a day in the future');
  });

  it('text that is not JSON', () => {
    expect(() => parseBackupText('{"format": "scoutbook-backup", "version": 1, "peo')).toThrow('not valid JSON (the file may be cut short)');
  });
});

describe('restoreBackup', () => {
  it('replace: empties the profile and its unsent changes, loads the backup, queues it for sync (not private notes)', async () => {
    const source = await freshStore();
    const id = await seeded(source);
    const backup = await exportBackup(source.db);
    const target = await freshStore(1_763_800_000_000);
    await savePerson(target, { kind: 'person', key: 'linkedin:in/someone-else', url: 'https://www.linkedin.com/in/someone-else/' }, { name: 'Someone Else' });
    const result = await restoreBackup(target, JSON.parse(JSON.stringify(backup)), { mode: 'replace' });
    expect(result).toMatchObject({ mode: 'replace', added: 1 + 2 + 3 + 1, intel: 1 });
    expect((await target.db.people.toArray()).map((p) => p.id)).toEqual([id]);
    const queued = await queuedMutations(target.db);
    expect(queued.some((m) => m.entity === 'note' && m.id === '01J00000000000000000000PRV')).toBe(false);
    expect(queued.filter((m) => m.entity === 'person').flatMap((m) => Object.keys(m.fields))).toEqual(expect.arrayContaining(['name', 'headline', 'profileKeys']));
    // The clock moved past everything restored, so the next local edit wins.
    expect(target.clock.current() > backup.people[0]!.updatedAt).toBe(true);
  });

  it('carries people without a profile (imported from a file without URLs), with their e-mails and phones', async () => {
    const source = await freshStore();
    const id = '01J0000000000000000000NKEY';
    await applyLocalChange(source.db, source.clock, 'person', id, {
      name: 'Claus Bergh',
      companyName: 'ApproveIT',
      profileKeys: [],
      emails: ['claus@example.com'],
      phones: ['+45 12 34 56 78'],
      connectedAt: Date.UTC(2018, 0, 8),
      status: 'active',
      tags: [],
      createdAt: 1,
      deleted: false,
    });
    const backup = parseBackupText(JSON.stringify(await exportBackup(source.db)));
    expect(backup.people[0]).toMatchObject({ id, profileKeys: [], emails: ['claus@example.com'] });
    expect(backup.people[0]).not.toHaveProperty('profileUrl');
    // Replace loads the person and the three seeded pipelines; merge finds those pipelines already here.
    for (const [mode, counts] of [['replace', { added: 1 + 3 }], ['merge', { added: 1, unchanged: 3 }]] as const) {
      const target = await freshStore(1_763_800_000_000);
      expect(await restoreBackup(target, JSON.parse(JSON.stringify(backup)), { mode })).toMatchObject(counts);
      expect(await target.db.people.get(id)).toMatchObject({ name: 'Claus Bergh', profileKeys: [], emails: ['claus@example.com'], phones: ['+45 12 34 56 78'], connectedAt: Date.UTC(2018, 0, 8) });
    }
    // An e-mail the schema refuses makes the file damaged, not half-restored.
    const bad = JSON.parse(JSON.stringify(backup)) as Backup;
    (bad.people[0] as Record<string, unknown>).emails = ['not-an-email'];
    expect((await refusal(await freshStore(), bad)).message).toBe('This backup is damaged and was not restored: people[0].emails[0]: emails must be e-mail addresses.');
  });

  it('merge: per field, the later write wins on either side, and an erased field stays erased', async () => {
    const a = await freshStore(1_763_700_000_000);
    const id = await seeded(a);
    const b = await freshStore(1_763_700_500_000);
    await restoreBackup(b, await exportBackup(a.db), { mode: 'replace' });
    // Later on each device: A edits the headline, B (later still) the company and erases the location.
    await applyLocalChange(a.db, a.clock, 'person', id, { headline: 'A headline', location: 'Beijing' });
    await applyLocalChange(b.db, b.clock, 'person', id, { companyName: 'B company', tags: ['b'] });
    await applyLocalChange(b.db, b.clock, 'person', id, { location: null });
    const result = await restoreBackup(a, await exportBackup(b.db), { mode: 'merge' });
    expect(result.updated).toBe(1);
    const merged = (await a.db.people.get(id))!;
    expect(merged).toMatchObject({ headline: 'A headline', companyName: 'B company', tags: ['b'] });
    expect(merged.location).toBeUndefined();
    // Restoring the same backup again changes nothing.
    expect(await restoreBackup(a, await exportBackup(b.db), { mode: 'merge' })).toMatchObject({ added: 0, updated: 0 });
  });
});

describe('pitch templates (local only, so the backup is their one copy)', () => {
  it('travel in the backup, replace loads them, merge keeps the later edit of each', async () => {
    const a = await freshStore(1_763_700_000_000);
    await seeded(a);
    const mine = await createPitch(a.db, RECRUITING, { name: '开场', body: '你好 {{firstName}}，我们在招 {{jobTitle}}' }, 1_000);
    const backup = await exportBackup(a.db);
    expect(backup.pitches).toEqual([expect.objectContaining({ id: mine, name: '开场', pipelineId: RECRUITING })]);

    const b = await freshStore(1_763_700_500_000);
    await createPitch(b.db, RECRUITING, { name: 'gone after replace', body: 'x' }, 1_000);
    expect(await restoreBackup(b, JSON.parse(JSON.stringify(backup)), { mode: 'replace' })).toMatchObject({ pitches: 1 });
    expect((await b.db.pitches.toArray()).map((p) => p.name)).toEqual(['开场']);

    // B edits the template later; A's older copy does not overwrite it, B's newer one does overwrite A's.
    await updatePitch(b.db, mine, { name: '开场 v2', body: 'Hi {{firstName}}' }, 2_000);
    expect(await restoreBackup(b, backup, { mode: 'merge' })).toMatchObject({ pitches: 0 });
    expect((await b.db.pitches.get(mine))!.name).toBe('开场 v2');
    expect(await restoreBackup(a, await exportBackup(b.db), { mode: 'merge' })).toMatchObject({ pitches: 1 });
    expect((await a.db.pitches.get(mine))!).toMatchObject({ name: '开场 v2', body: 'Hi {{firstName}}' });
  });

  it('a template that breaks the rules (an empty text) is refused with the whole restore', async () => {
    const store = await freshStore();
    await seeded(store);
    const backup = await exportBackup(store.db);
    const broken = { ...backup, pitches: [{ id: '01J0000000000000000000PTCH', pipelineId: RECRUITING, name: 'x', body: '  ', createdAt: 1, updatedAt: 1 }] };
    expect((await refusal(store, broken)).message).toMatch(/pitches\[0\]\.body/);
  });
});
