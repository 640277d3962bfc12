import { describe, expect, it } from 'vitest';
import { addNote, editNote, savePerson } from '@/utils/db/actions';
import { lastNotes } from '@/utils/db/last-notes';
import { applyLocalChange } from '@/utils/db/local-change';
import type { Store } from '@/utils/db/store';
import { LastNoteMirror } from '@/components/popup/last-note-mirror';
import { nextMutation } from '../../support/storage-mutation';
import { freshStore } from '../pipelines/store-fixture';

/** Runs `write` and applies the storage mutation it caused to `mirror`, as the popup does. */
async function applied(mirror: LastNoteMirror, write: () => Promise<unknown>): Promise<void> {
  const heard = nextMutation();
  await write();
  await mirror.apply(await heard);
}

async function people(store: Store, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await savePerson(store, { kind: 'person', key: `linkedin:in/n${i}`, url: `https://www.linkedin.com/in/n${i}/` }, { name: `Person ${i}` }));
  return ids;
}

/** The mirror must always answer what an indexed read of the database answers. */
async function expectInStep(mirror: LastNoteMirror, store: Store, ids: string[]): Promise<void> {
  const truth = await lastNotes(store.db, ids);
  for (const id of ids) expect(mirror.get(id)?.body, id).toBe(truth.get(id)?.body);
}

describe('LastNoteMirror (the popup’s last notes, for exports)', () => {
  it('holds each person’s newest live note after one scan, and hands every note to the scan’s visitor', async () => {
    const store = await freshStore();
    const [a, b, c] = await people(store, 3);
    await addNote(store, { personId: a! }, 'first call');
    await addNote(store, { personId: a! }, 'second call');
    const edited = await addNote(store, { personId: b! }, 'draft');
    await editNote(store, edited, 'draft, corrected');
    const mirror = new LastNoteMirror(store.db);
    expect(mirror.ready).toBe(false);

    const visited: string[] = [];
    await mirror.scan((n) => visited.push(n.body));

    expect(mirror.ready).toBe(true);
    expect(visited.sort()).toEqual(['draft', 'draft, corrected', 'first call', 'second call']);
    expect(mirror.get(a!)?.body).toBe('second call');
    expect(mirror.get(b!)?.body).toBe('draft, corrected');
    expect(mirror.get(c!)).toBeUndefined();
    await expectInStep(mirror, store, [a!, b!, c!]);
  });

  it('follows notes added, edited and deleted after the scan', async () => {
    const store = await freshStore();
    const [a, b] = await people(store, 2);
    await addNote(store, { personId: a! }, 'met at the meetup');
    const mirror = new LastNoteMirror(store.db);
    await mirror.scan();

    await applied(mirror, () => addNote(store, { personId: b! }, '电话沟通：下周二再约'));
    expect(mirror.get(b!)?.body).toBe('电话沟通：下周二再约');

    const newer = await addNote(store, { personId: a! }, 'sent the pitch');
    await applied(mirror, () => editNote(store, newer, 'sent the pitch, replied'));
    expect(mirror.get(a!)?.body).toBe('sent the pitch, replied');

    const latest = (await lastNotes(store.db, [a!])).get(a!)!;
    await applied(mirror, () => applyLocalChange(store.db, store.clock, 'note', latest.id, { deleted: true }));
    await expectInStep(mirror, store, [a!, b!]);
    expect(mirror.get(a!)?.body).not.toBe('sent the pitch, replied');

    // A note erased outright (no tombstone) is found through the person it was the last note of.
    const notesOfA = (await store.db.notes.toArray()).filter((n) => n.personId === a).map((n) => n.id);
    await applied(mirror, () => store.db.notes.bulkDelete(notesOfA));
    expect(mirror.get(a!)).toBeUndefined();
  });

  it('re-reads the people whose notes changed while it was scanning', async () => {
    const store = await freshStore();
    const ids = await people(store, 40);
    for (const id of ids) await addNote(store, { personId: id }, `old note of ${id}`);
    const mirror = new LastNoteMirror(store.db);
    // Pages of one note: the first person's note is deleted after the scan has read it and before
    // the scan ends, so the scan's own result still holds it.
    const order: string[] = [];
    let changed: Promise<void> | undefined;
    await mirror.scan(
      (n) => {
        if (n.personId === ids[0] && !changed)
          changed = applied(mirror, () => applyLocalChange(store.db, store.clock, 'note', n.id, { deleted: true })).then(() => void order.push('applied'));
      },
      undefined,
      1,
    );
    order.push('scanned');
    await changed;
    expect(order).toEqual(['applied', 'scanned']);
    expect(mirror.get(ids[0]!)).toBeUndefined();
    expect(mirror.get(ids[1]!)?.body).toBe(`old note of ${ids[1]}`);
    await expectInStep(mirror, store, ids);
  });

  it('a cancelled scan leaves it not ready, and the export then reads the notes itself', async () => {
    const store = await freshStore();
    const [a] = await people(store, 1);
    await addNote(store, { personId: a! }, 'a note');
    const mirror = new LastNoteMirror(store.db);
    const abort = new AbortController();
    abort.abort();
    await expect(mirror.scan(undefined, abort.signal)).rejects.toThrow(/cancelled/);
    expect(mirror.ready).toBe(false);
  });
});
