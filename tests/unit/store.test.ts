import { describe, expect, it } from 'vitest';
import { ulid } from 'ulidx';
import { addNote, editNote, moveEntry, savePerson, setStage, setStatus, setTags } from '@/utils/db/actions';
import { loadSiteHealth, recordExtraction } from '@/utils/db/site-health';
import { cardData } from '@/utils/db/card-data';
import { ScoutbookDb } from '@/utils/db/database';
import { DEFAULT_PIPELINES, SEED_CLOCK } from '@/utils/db/default-pipelines';
import { Pipeline } from '@/utils/schema';
import { applyLocalChange } from '@/utils/db/local-change';
import { openStore } from '@/utils/db/store';
import type { PageTarget } from '@/utils/sites/types';
import { pendingMutations, queuedMutations } from '@/utils/sync/outbox';

const RECRUITING = DEFAULT_PIPELINES[0]!.id;
const jane: PageTarget = { kind: 'person', key: 'linkedin:in/jane-doe', url: 'https://www.linkedin.com/in/jane-doe/' };

async function freshStore() {
  let now = 1_763_700_000_000;
  return openStore(new ScoutbookDb(`test-${ulid()}`), () => (now += 1000));
}

describe('local store', () => {
  it('seeds the default pipelines once, each queued for sync once', async () => {
    const store = await freshStore();
    const again = await openStore(store.db);
    expect(await again.db.pipelines.count()).toBe(3);
    expect((await queuedMutations(store.db)).map((m) => m.entity)).toEqual(['pipeline', 'pipeline', 'pipeline']);
    expect(again.clientId).toBe(store.clientId);
  });

  it('default pipelines are valid records with the stages of DESIGN §1', () => {
    for (const p of DEFAULT_PIPELINES) expect(Pipeline.safeParse({ ...p, createdAt: 0, updatedAt: SEED_CLOCK }).success).toBe(true);
    expect(DEFAULT_PIPELINES[1]!.stages.map((s) => [s.name, s.points])).toEqual([
      ['Read', 1],
      ['Applied', 2],
      ['Resume qualified', 5],
      ['Interviewed', 10],
      ['Hired', 50],
      ['Passed probation', 100],
    ]);
  });

  it('saves a person once per profile key and queues only what changed', async () => {
    const store = await freshStore();
    await store.db.outbox.clear();
    const id = await savePerson(store, jane, { name: 'Jane Doe', headline: 'Engineer' });
    expect(await savePerson(store, jane, { name: 'Jane Doe', headline: 'Engineer' })).toBe(id);
    expect(await pendingMutations(store.db)).toBe(1);
    await savePerson(store, jane, { name: 'Jane Doe', headline: 'Staff Engineer' });
    const queued = await queuedMutations(store.db);
    expect(queued).toHaveLength(2);
    expect(queued[1]!.fields).toEqual({ headline: 'Staff Engineer' });
    expect(await store.db.people.count()).toBe(1);
  });

  it('shows notes newest first, the pipeline stage, and homonym warnings on the card', async () => {
    const store = await freshStore();
    const id = await savePerson(store, jane, { name: '张伟', companyName: 'ByteDance' });
    await savePerson(store, { ...jane, key: 'linkedin:in/zhang-wei-2', url: 'https://www.linkedin.com/in/zhang-wei-2/' }, {
      name: '张伟',
      headline: 'Designer',
    });
    await addNote(store, { personId: id }, 'first');
    await addNote(store, { personId: id }, 'second');
    const entryId = await setStage(store, { personId: id }, RECRUITING, 'contacted');
    expect(await setStage(store, { personId: id }, RECRUITING, 'interview')).toBe(entryId);

    const data = await cardData(store, jane, {});
    expect(data.person?.name).toBe('张伟');
    expect(data.notes.map((n) => n.body)).toEqual(['second', 'first']);
    expect(data.entries.map((e) => [e.pipelineName, e.stageName])).toEqual([['Recruiting', 'Interview']]);
    expect(data.entries[0]!.entry.history.map((h) => h.stageId)).toEqual(['contacted', 'interview']);
    expect(data.warnings).toEqual([
      { kind: 'homonym', name: '张伟', headline: 'Designer', profileUrl: 'https://www.linkedin.com/in/zhang-wei-2/' },
    ]);
    expect(data.pipelines.map((p) => p.kind)).toEqual(['recruiting', 'referral']);
  });

  it('an unsaved page shows "not saved" data with the sales pipeline on company pages', async () => {
    const store = await freshStore();
    const data = await cardData(
      store,
      { kind: 'company', key: 'linkedin:company/audiense', url: 'https://www.linkedin.com/company/audiense/' },
      { company: { name: 'Audiense' } },
    );
    expect(data.company).toBeNull();
    expect(data.pipelines.map((p) => p.name)).toEqual(['Sales']);
  });

  it('refuses actions on unsaved people and unknown stages', async () => {
    const store = await freshStore();
    await expect(addNote(store, { personId: ulid() }, 'x')).rejects.toThrow(/save the profile first/);
    const id = await savePerson(store, jane, { name: 'Jane Doe' });
    await expect(setStage(store, { personId: id }, RECRUITING, 'nope')).rejects.toThrow(/has no stage nope/);
    await expect(moveEntry(store, ulid(), 'offer')).rejects.toThrow(/no such pipeline entry/);
  });

  it('two stage picks in quick succession make one entry, and moves racing each other keep every step of history', async () => {
    const store = await freshStore();
    const personId = await savePerson(store, jane, { name: 'Jane Doe' });
    // As a card sends them: the second pick before the first is written.
    await Promise.all([setStage(store, { personId }, RECRUITING, 'contacted'), setStage(store, { personId }, RECRUITING, 'interview')]);
    const entries = await store.db.entries.where('personId').equals(personId).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.history.map((h) => h.stageId)).toEqual(['contacted', 'interview']);
    await Promise.all([moveEntry(store, entries[0]!.id, 'offer'), moveEntry(store, entries[0]!.id, 'hired')]);
    expect((await store.db.entries.get(entries[0]!.id))!.history.map((h) => h.stageId)).toEqual(['contacted', 'interview', 'offer', 'hired']);
  });

  it('stage changes made at once from two contexts (the background and the popup) make one entry and keep every step', async () => {
    const name = `test-${ulid()}`;
    let now = 1_763_700_000_000;
    const background = await openStore(new ScoutbookDb(name), () => (now += 1000));
    const popup = await openStore(new ScoutbookDb(name), () => (now += 1000), 'page');
    const personId = await savePerson(background, jane, { name: 'Jane Doe' });
    await Promise.all([setStage(background, { personId }, RECRUITING, 'contacted'), setStage(popup, { personId }, RECRUITING, 'interview')]);
    const entries = await background.db.entries.where('personId').equals(personId).toArray();
    expect(entries).toHaveLength(1);
    await Promise.all([moveEntry(background, entries[0]!.id, 'offer'), moveEntry(popup, entries[0]!.id, 'hired')]);
    const history = (await popup.db.entries.get(entries[0]!.id))!.history.map((h) => h.stageId);
    expect(history).toHaveLength(4);
    expect(history.slice(2).sort()).toEqual(['hired', 'offer']);
  });

  it('an invalid change writes nothing, neither the record nor the outbox', async () => {
    const store = await freshStore();
    const id = await savePerson(store, jane, { name: 'Jane Doe' });
    const before = await pendingMutations(store.db);
    await expect(applyLocalChange(store.db, store.clock, 'person', id, { name: '' })).rejects.toThrow(/name: name is required/);
    expect((await store.db.people.get(id))?.name).toBe('Jane Doe');
    expect(await pendingMutations(store.db)).toBe(before);
  });

  it('private notes stay on this device: stored, never queued', async () => {
    const store = await freshStore();
    const personId = await savePerson(store, jane, { name: 'Jane Doe' });
    const before = await pendingMutations(store.db);
    const id = ulid();
    await applyLocalChange(store.db, store.clock, 'note', id, {
      personId,
      body: 'salary expectations',
      visibility: 'private',
      createdAt: 1,
      deleted: false,
    });
    expect(await store.db.notes.get(id)).toBeDefined();
    expect(await pendingMutations(store.db)).toBe(before);
  });
});

describe('card actions', () => {
  it('an edited note replaces the old one in the card, and both stay in the database', async () => {
    const store = await freshStore();
    const personId = await savePerson(store, jane, { name: 'Jane Doe' });
    const first = await addNote(store, { personId }, 'Prefers remote');
    const revision = await editNote(store, first, 'Prefers remote; Berlin 2 days');
    const data = await cardData(store, jane, {});
    expect(data.notes.map((n) => [n.id, n.body, n.revisionOf])).toEqual([[revision, 'Prefers remote; Berlin 2 days', first]]);
    expect(await store.db.notes.count()).toBe(2);
  });

  it('status and tags change; tags are trimmed and unique', async () => {
    const store = await freshStore();
    const personId = await savePerson(store, jane, { name: 'Jane Doe' });
    await setStatus(store, personId, 'do_not_contact');
    await setTags(store, personId, [' golang ', 'Golang', 'berlin', '']);
    const p = await store.db.people.get(personId);
    expect([p?.status, p?.tags]).toEqual(['do_not_contact', ['golang', 'berlin']]);
  });

  it('records the owner on entries and warns when a teammate owns the person', async () => {
    const store = await freshStore();
    await store.db.meta.put({ key: 'settings', value: { serverUrl: '', token: '', userName: 'Li Wei' } });
    const personId = await savePerson(store, jane, { name: 'Jane Doe' });
    const entryId = await setStage(store, { personId }, RECRUITING, 'sourced');
    const mine = await cardData(store, jane, {});
    expect(mine.entries[0]!.entry.ownerId).toBe('Li Wei');
    expect(mine.entries[0]!.entry.history[0]!.by).toBe('Li Wei');
    expect(mine.warnings).toEqual([]);

    await applyLocalChange(store.db, store.clock, 'entry', entryId, { ownerId: 'Wang Fang' });
    const theirs = await cardData(store, jane, {});
    expect(theirs.warnings).toEqual([{ kind: 'owned', owner: 'Wang Fang', pipelineName: 'Recruiting', stageName: 'Sourced' }]);
  });

  it('site health keeps the alternative that matched and the last miss, without rewriting on every view', async () => {
    const store = await freshStore();
    await recordExtraction(store.db, { site: 'linkedin', matched: 'voyager-2022' }, 1000);
    await recordExtraction(store.db, { site: 'linkedin', matched: 'voyager-2022' }, 2000);
    await recordExtraction(store.db, { site: 'linkedin', miss: 'profile-not-found', url: 'https://www.linkedin.com/in/x/' }, 3000);
    expect((await loadSiteHealth(store.db)).linkedin).toEqual({
      matched: 'voyager-2022',
      lastSuccessAt: 1000,
      lastMiss: 'profile-not-found',
      lastMissUrl: 'https://www.linkedin.com/in/x/',
      lastMissAt: 3000,
    });
  });
});

describe('identities', () => {
  it('the member-id page and the vanity page of one person resolve to one record once seen', async () => {
    const store = await freshStore();
    const urn = 'linkedin:in/acoaab7kqm2bxyz9lpqrstuvwxyz0123abcdefg';
    const urnTarget: PageTarget = { kind: 'person', key: urn, url: 'https://www.linkedin.com/in/ACoAAB7kQm2BxYz9LpQrStUvWxYz0123abcdEFG/' };
    const id = await savePerson(store, urnTarget, { name: 'Mei-Lin Chen', altKeys: ['linkedin:in/mei-lin-chen'] });
    const vanity: PageTarget = { kind: 'person', key: 'linkedin:in/mei-lin-chen', url: 'https://www.linkedin.com/in/mei-lin-chen/' };
    expect((await cardData(store, vanity, {})).person?.id).toBe(id);
    expect(await savePerson(store, vanity, { name: 'Mei-Lin Chen' })).toBe(id);
    expect((await store.db.people.get(id))?.profileKeys.sort()).toEqual([urn, 'linkedin:in/mei-lin-chen'].sort());
    expect(await store.db.people.count()).toBe(1);
  });

  it('a key already held by another record is not merged into this one', async () => {
    const store = await freshStore();
    const janeId = await savePerson(store, jane, { name: 'Jane Doe' });
    const other: PageTarget = { kind: 'person', key: 'linkedin:in/jane-doe-2', url: 'https://www.linkedin.com/in/jane-doe-2/' };
    const otherId = await savePerson(store, other, { name: 'Jane Doe' });
    // A page of the second record that (wrongly) names the first one's key as its own alias.
    expect(await savePerson(store, other, { name: 'Jane Doe', altKeys: [jane.key] })).toBe(otherId);
    expect((await store.db.people.get(otherId))?.profileKeys).toEqual([other.key]);
    expect((await store.db.people.get(janeId))?.profileKeys).toEqual([jane.key]);
  });
});
