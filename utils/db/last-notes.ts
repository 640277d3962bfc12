import Dexie from 'dexie';
import type { Note } from '../schema';
import type { ScoutbookDb } from './database';

/** The newest non-deleted note of each person, one indexed read per person. */
export async function lastNotes(db: ScoutbookDb, personIds: string[]): Promise<Map<string, Note>> {
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
