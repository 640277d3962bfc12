import { describe, expect, it } from 'vitest';
import { addNote, findPersonByKey, savePerson, setStage } from '@/utils/db/actions';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import { applyLocalChange } from '@/utils/db/local-change';
import { forgetPerson, subjectAccessExport } from '@/utils/backup/erasure';
import { exportBackup } from '@/utils/backup/export-backup';
import { restoreBackup } from '@/utils/backup/restore-backup';
import { freshStore } from '../import/helpers';
import { queuedMutations } from '@/utils/sync/outbox';

const RECRUITING = DEFAULT_PIPELINES[0]!.id;
const jane = { kind: 'person' as const, key: 'linkedin:in/jane-doe', url: 'https://www.linkedin.com/in/jane-doe/' };

async function janeWithHistory() {
  const store = await freshStore();
  const id = await savePerson(store, jane, { name: 'Jane Doe', headline: 'Engineer', companyName: 'Acme', location: 'Berlin' });
  await applyLocalChange(store.db, store.clock, 'person', id, { emails: ['jane.doe@example.com'], phones: ['+49 30 1234567'], connectedAt: Date.UTC(2020, 0, 2) });
  await addNote(store, { personId: id }, 'Met at KubeCon');
  await applyLocalChange(store.db, store.clock, 'note', '01J00000000000000000000PRV', { personId: id, body: 'private: salary 100k', visibility: 'private', createdAt: 2, deleted: false });
  const entryId = await setStage(store, { personId: id }, RECRUITING, 'contacted');
  await setStage(store, { personId: id }, RECRUITING, 'interview');
  const other = await savePerson(store, { ...jane, key: 'linkedin:in/john', url: 'https://www.linkedin.com/in/john/' }, { name: 'John Roe' });
  await addNote(store, { personId: other }, 'unrelated');
  return { store, id, entryId, other };
}

describe('subjectAccessExport', () => {
  it('returns everything held about one person, readable, and nothing about anyone else', async () => {
    const { store, id } = await janeWithHistory();
    const report = await subjectAccessExport(store.db, id, () => Date.UTC(2024, 4, 30));
    expect(report).toMatchObject({ format: 'scoutbook-subject-access', version: 1, exportedAt: '2024-05-30T00:00:00.000Z' });
    expect(report.person).toMatchObject({
      id,
      name: 'Jane Doe',
      headline: 'Engineer',
      companyName: 'Acme',
      location: 'Berlin',
      profileKeys: ['linkedin:in/jane-doe'],
      emails: ['jane.doe@example.com'],
      phones: ['+49 30 1234567'],
      connectedAt: Date.UTC(2020, 0, 2),
    });
    expect(report.person).not.toHaveProperty('clocks');
    expect(report.notes.map((n) => n.body).sort()).toEqual(['Met at KubeCon', 'private: salary 100k']);
    expect(report.entries).toHaveLength(1);
    expect(report.entries[0]).toMatchObject({ pipelineName: 'Recruiting', stageName: 'Interview' });
    expect(report.entries[0]!.history.map((h) => [h.stageName, typeof h.at])).toEqual([
      ['Contacted', 'string'],
      ['Interview', 'string'],
    ]);
    expect(JSON.stringify(report)).not.toContain('John');
  });
});

describe('forgetPerson', () => {
  it('erases the person, their notes and entries, keeping only tombstones, and tells the server', async () => {
    const { store, id, entryId, other } = await janeWithHistory();
    const pendingBefore = await queuedMutations(store.db);
    expect(pendingBefore.some((m) => m.fields.body === 'Met at KubeCon')).toBe(true);

    expect(await forgetPerson(store, id)).toEqual({ notes: 2, entries: 1 });

    const tomb = (await store.db.people.get(id))!;
    expect(Object.keys(tomb).sort()).toEqual(['clocks', 'deleted', 'id', 'updatedAt']);
    expect(tomb.deleted).toBe(true);
    expect(await findPersonByKey(store, jane.key)).toBeUndefined();
    const entry = (await store.db.entries.get(entryId))!;
    expect(Object.keys(entry).sort()).toEqual(['clocks', 'deleted', 'id', 'updatedAt']);
    // The private note never left the device: it is simply gone. The team note is a tombstone.
    expect(await store.db.notes.get('01J00000000000000000000PRV')).toBeUndefined();
    const notes = await store.db.notes.toArray();
    expect(notes.filter((n) => !n.deleted).map((n) => n.body)).toEqual(['unrelated']);
    const [noteTomb, ...more] = notes.filter((n) => n.deleted);
    expect(more).toEqual([]);
    expect(Object.keys(noteTomb!).sort()).toEqual(['clocks', 'deleted', 'id', 'updatedAt']);

    // Content still waiting to be sent is dropped; what is queued is the erasure, every field null.
    const queued = await queuedMutations(store.db);
    expect(JSON.stringify(queued)).not.toContain('KubeCon');
    expect(JSON.stringify(queued)).not.toContain('Jane');
    expect(JSON.stringify(queued)).not.toContain('jane.doe@example.com');
    expect(JSON.stringify(queued)).not.toContain('1234567');
    const erase = queued.find((m) => m.entity === 'person' && m.id === id)!;
    expect(erase.fields).toMatchObject({ deleted: true, name: null, headline: null, profileKeys: null, profileUrl: null, emails: null, phones: null, connectedAt: null });
    // Someone else's data is untouched.
    expect((await store.db.people.get(other))!.name).toBe('John Roe');
  });

  it('a restore of an older backup does not bring the forgotten person back', async () => {
    const { store, id } = await janeWithHistory();
    const before = await exportBackup(store.db);
    await forgetPerson(store, id);
    const result = await restoreBackup(store, JSON.parse(JSON.stringify(before)), { mode: 'merge' });
    const tomb = (await store.db.people.get(id))!;
    expect(tomb.deleted).toBe(true);
    expect(tomb).not.toHaveProperty('name');
    // Only the private note, which was deleted outright rather than tombstoned, comes back with an old backup.
    expect(result.added).toBe(1);
  });

  it('refuses an unknown id', async () => {
    const store = await freshStore();
    await expect(forgetPerson(store, '01J0000000000000000000NONE')).rejects.toThrow('no such person');
  });
});
