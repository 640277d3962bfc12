import Dexie from 'dexie';
import type { Note } from '../schema';
import type { ScoutbookDb } from './database';

/** What a list or an export shows of a person's newest note. */
export type LastNote = Pick<Note, 'id' | 'body' | 'createdAt'>;

/** Whether `note` is newer than `held`: later creation, then the later id (ULIDs sort by time). */
export function isNewerNote(note: LastNote, held: LastNote | undefined): boolean {
  return !held || note.createdAt > held.createdAt || (note.createdAt === held.createdAt && note.id > held.id);
}

/** The newest non-deleted note of each person, one indexed read per person. */
export async function lastNotes(db: ScoutbookDb, personIds: readonly string[]): Promise<Map<string, Note>> {
  const found = await Promise.all(
    personIds.map((id) =>
      db.notes
        .where('[personId+createdAt]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .reverse()
        .filter((n) => !n.deleted)
        .first(),
    ),
  );
  const out = new Map<string, Note>();
  found.forEach((n, i) => n && out.set(personIds[i]!, n));
  return out;
}
