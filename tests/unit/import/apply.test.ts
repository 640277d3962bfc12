import { describe, expect, it } from 'vitest';
import { savePerson } from '@/utils/db/actions';
import { applyLocalChange } from '@/utils/db/local-change';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import { applyImport, existingPeople } from '@/utils/import/apply';
import { isAbortError } from '@/utils/import/cooperative';
import { planImport } from '@/utils/import/plan';
import { readImportFile } from '@/utils/import/read-import';
import { bytes, freshStore, linkedInRows, ownBytes } from './helpers';
import { pendingMutations, queuedMutations } from '@/utils/sync/outbox';

const REFERRAL = DEFAULT_PIPELINES[1]!;
const CSV = [
  'Name,Profile URL,Company,Stage,Note,Tags',
  '张伟,https://www.linkedin.com/in/zhang-wei-bd,字节跳动,Interviewed,"内推：很强, 推荐",后端;Go',
  'Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Analytical Engines,applied,,math',
  'Grace Hopper,https://www.linkedin.com/in/grace-hopper,US Navy,Sourced,,',
].join('\n');

async function planned(store: Awaited<ReturnType<typeof freshStore>>, csv = CSV) {
  const { rows } = await readImportFile(bytes(csv));
  return planImport(rows, await existingPeople(store.db), { pipeline: REFERRAL });
}

describe('applyImport', () => {
  it('creates people with their notes, tags and pipeline entries, each queued for sync', async () => {
    const store = await freshStore();
    await store.db.outbox.clear();
    const plan = await planned(store);
    expect(plan.warnings).toEqual([{ line: 4, reason: 'stage "Sourced" is not a stage of Referral 内推: the person is imported without a pipeline entry' }]);
    const progress: number[] = [];
    const result = await applyImport(store, plan, { onProgress: (p) => progress.push(p.done) });
    expect(result).toEqual({ created: 3, merged: 0, notes: 1, entries: 2, skipped: [] });
    // Progress comes per written batch; three people fit in one.
    expect(progress).toEqual([3]);

    const zhang = (await store.db.people.where('profileKeys').equals('linkedin:in/zhang-wei-bd').first())!;
    expect(zhang).toMatchObject({ name: '张伟', companyName: '字节跳动', tags: ['后端', 'Go'], profileUrl: 'https://www.linkedin.com/in/zhang-wei-bd/', status: 'active' });
    const [note] = await store.db.notes.toArray();
    expect(note).toMatchObject({ personId: zhang.id, body: '内推：很强, 推荐', visibility: 'team' });
    const entries = await store.db.entries.toArray();
    // Ids made in the same millisecond do not sort by creation: compare as a set.
    expect(entries.map((e) => [e.pipelineId, e.stageId]).sort()).toEqual([
      [REFERRAL.id, 'applied'],
      [REFERRAL.id, 'interviewed'],
    ]);
    const queued = await queuedMutations(store.db);
    expect(queued.map((m) => m.entity).sort()).toEqual(['entry', 'entry', 'note', 'person', 'person', 'person']);
  });

  it('merges into saved people: fills empty fields, adds tags, never overwrites, never duplicates an entry', async () => {
    const store = await freshStore();
    const id = await savePerson(store, { kind: 'person', key: 'linkedin:in/ada-lovelace', url: 'https://www.linkedin.com/in/ada-lovelace/' }, { name: 'Ada, Countess of Lovelace', headline: 'Mathematician' });
    const first = await planned(store);
    expect(first.merge.map((m) => [m.lines, m.changes])).toEqual([[[3], ['companyName', 'tags', 'pipeline']]]);
    expect(await applyImport(store, first)).toEqual({ created: 2, merged: 1, notes: 1, entries: 2, skipped: [] });
    // The same file again: the dry run sees nothing to do, and the write adds nothing.
    const again = await planned(store);
    expect(again.unchanged.map((m) => m.lines)).toEqual([[2], [3], [4]]);
    expect(await applyImport(store, again)).toEqual({ created: 0, merged: 0, notes: 0, entries: 0, skipped: [] });
    const ada = (await store.db.people.get(id))!;
    expect(ada).toMatchObject({ name: 'Ada, Countess of Lovelace', headline: 'Mathematician', companyName: 'Analytical Engines', tags: ['math'] });
    expect(await store.db.people.count()).toBe(3);
    expect(await store.db.notes.count()).toBe(1);
    expect(await store.db.entries.count()).toBe(2);
  });

  it('writes a confirmed possible duplicate into the chosen person, and skips unconfirmed ones', async () => {
    const store = await freshStore();
    const id = await savePerson(store, { kind: 'person', key: 'linkedin:in/ada-l', url: 'https://www.linkedin.com/in/ada-l/' }, { name: 'Ada Lovelace', companyName: 'Analytical Engines' });
    await savePerson(store, { kind: 'person', key: 'linkedin:in/grace', url: 'https://www.linkedin.com/in/grace/' }, { name: 'Grace Hopper', companyName: 'US Navy' });
    const plan = await planned(store);
    expect(plan.possibleDuplicates.map((d) => d.line)).toEqual([3, 4]);
    const result = await applyImport(store, plan, { decisions: new Map([[3, { mergeInto: id }]]) });
    expect(result).toMatchObject({ created: 1, merged: 1, skipped: [{ line: 4, reason: 'skipped: possible duplicate not confirmed' }] });
    expect((await store.db.people.get(id))!.profileKeys).toEqual(['linkedin:in/ada-l', 'linkedin:in/ada-lovelace']);
  });

  it('creates people from a file without profile URLs, with their e-mails, and finds them by e-mail the next time', async () => {
    const store = await freshStore();
    await store.db.outbox.clear();
    const { rows } = await readImportFile(ownBytes('connections-2018.csv'));
    const first = await planImport(rows, await existingPeople(store.db));
    expect(await applyImport(store, first)).toEqual({ created: 3, merged: 0, notes: 0, entries: 0, skipped: [] });
    const people = await store.db.people.orderBy('name').toArray();
    expect(people.map((p) => [p.name, p.companyName, p.headline, p.emails, p.phones, p.profileKeys, p.profileUrl])).toEqual([
      ['Claudia Berg', 'ApproveIt', 'Owner', ['claudia@example.com'], [], [], undefined],
      ['No Match', 'Nowhere', 'Intern', ['nomatch@example.com'], [], [], undefined],
      ['Vik Shah', 'Variance Tech', 'CEO', ['vik@example.com'], [], [], undefined],
    ]);
    const queued = await queuedMutations(store.db);
    expect(queued.filter((m) => m.entity === 'person').map((m) => m.fields.emails).sort()).toEqual([['claudia@example.com'], ['nomatch@example.com'], ['vik@example.com']]);

    const again = await planImport(rows, await existingPeople(store.db));
    expect(again.unchanged.map((m) => [m.lines, m.matchedBy])).toEqual([
      [[2], 'email'],
      [[3], 'email'],
      [[4], 'email'],
    ]);
    expect(again.create).toEqual([]);
    expect(await applyImport(store, again)).toEqual({ created: 0, merged: 0, notes: 0, entries: 0, skipped: [] });
    expect(await store.db.people.count()).toBe(3);
  });

  it('merges e-mails and phones into a saved person matched by e-mail, without repeating an address in another case', async () => {
    const store = await freshStore();
    const id = await savePerson(store, { kind: 'person', key: 'linkedin:in/grace', url: 'https://www.linkedin.com/in/grace/' }, { name: 'Grace Hopper' });
    await applyLocalChange(store.db, store.clock, 'person', id, { emails: ['Grace@Example.com'] });
    const csv = ['Name,E-mail,Phone,Company', 'Grace M. Hopper,"grace@example.com, amazing.grace@example.org",+1 555 0100,US Navy'].join('\n');
    const { rows } = await readImportFile(bytes(csv));
    const plan = await planImport(rows, await existingPeople(store.db));
    expect(plan.merge.map((m) => [m.lines, m.personId, m.matchedBy, m.changes])).toEqual([[[2], id, 'email', ['companyName', 'emails', 'phones']]]);
    expect(await applyImport(store, plan)).toMatchObject({ created: 0, merged: 1, skipped: [] });
    expect(await store.db.people.get(id)).toMatchObject({
      name: 'Grace Hopper',
      companyName: 'US Navy',
      emails: ['Grace@Example.com', 'amazing.grace@example.org'],
      phones: ['+1 555 0100'],
      profileKeys: ['linkedin:in/grace'],
    });
  });

  it('writes the referrer on a referral entry, and creates a confirmed duplicate that has no profile URL', async () => {
    const store = await freshStore();
    await savePerson(store, { kind: 'person', key: 'linkedin:in/wang-fang', url: 'https://www.linkedin.com/in/wang-fang/' }, { name: '王芳', companyName: '腾讯' });
    const csv = ['姓名,公司,个人主页,阶段,推荐人', '张伟,字节跳动,https://www.linkedin.com/in/zhang-wei-bd,Applied,李娜', '王芳,腾讯,,Read,'].join('\n');
    const plan = await planned(store, csv);
    expect(plan.possibleDuplicates.map((d) => [d.line, d.person.profileKey])).toEqual([[3, undefined]]);
    const result = await applyImport(store, plan, { decisions: new Map([[3, 'create']]) });
    expect(result).toEqual({ created: 2, merged: 0, notes: 0, entries: 2, skipped: [] });
    const people = await store.db.people.where('name').equals('王芳').toArray();
    expect(people.map((p) => p.profileKeys)).toEqual(expect.arrayContaining([['linkedin:in/wang-fang'], []]));
    const entries = await store.db.entries.toArray();
    const byPerson = new Map((await store.db.people.toArray()).map((p) => [p.id, p]));
    expect(entries.map((e) => [byPerson.get(e.personId!)!.name, e.pipelineId, e.stageId, e.referrer]).sort()).toEqual([
      ['张伟', REFERRAL.id, 'applied', '李娜'],
      ['王芳', REFERRAL.id, 'read', undefined],
    ]);
  });

  it('writes a large file in batches, reporting progress, and a cancel halfway leaves nothing', async () => {
    const store = await freshStore();
    const rows = linkedInRows(1500, (i) => ({ note: i % 2 ? `note ${i}` : undefined }));
    const plan = await planImport(rows, []);
    const before = await pendingMutations(store.db);
    const controller = new AbortController();
    const error = await applyImport(store, plan, { signal: controller.signal, onProgress: (p) => p.done >= 700 && controller.abort() }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect([await store.db.people.count(), await store.db.notes.count(), await pendingMutations(store.db)]).toEqual([0, 0, before]);

    const progress: number[] = [];
    const result = await applyImport(store, plan, { onProgress: (p) => progress.push(p.done) });
    expect(result).toMatchObject({ created: 1500, notes: 750 });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(1500);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await store.db.people.count()).toBe(1500);
    // Every record is queued for sync: 1,500 people and 750 team notes.
    expect((await pendingMutations(store.db)) - before).toBe(2250);
  });

  it('leaves nothing behind when cancelled before the commit', async () => {
    const store = await freshStore();
    const before = { people: await store.db.people.count(), outbox: await pendingMutations(store.db), meta: await store.db.meta.toArray() };
    const plan = await planned(store);
    const controller = new AbortController();
    const error = await applyImport(store, plan, { signal: controller.signal, onProgress: () => controller.abort() }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(await store.db.people.count()).toBe(before.people);
    expect(await store.db.notes.count()).toBe(0);
    expect(await store.db.entries.count()).toBe(0);
    expect(await pendingMutations(store.db)).toBe(before.outbox);
    expect(await store.db.meta.toArray()).toEqual(before.meta);
  });
});
