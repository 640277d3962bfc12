import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { getDb, type StoredEntry, type StoredPerson, type StoredPipeline } from '@/utils/db/database';
import { talentRows, type TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline } from '@/utils/schema';

/** How many people the first paint shows while the rest loads: more than fit the popup. */
const FIRST_PAGE = 60;

export interface PopupData {
  rows: TalentRow[];
  pipelines: Pipeline[];
  /** False while only the first page is loaded. */
  complete: boolean;
}

/**
 * The talent bank, newest change first. The first page comes from an indexed query so the popup
 * paints at once even with 100,000 people; the whole bank follows, live (changes anywhere show).
 */
export function usePopupData(): PopupData | undefined {
  const [data, setData] = useState<PopupData>();
  useEffect(() => {
    const db = getDb();
    let complete = false;
    const build = (people: StoredPerson[], entries: StoredEntry[], pipelines: StoredPipeline[], done: boolean): PopupData => {
      const live = pipelines.filter((p) => !p.deleted && !p.archived);
      return { rows: talentRows(people, entries, live), pipelines: live, complete: done };
    };
    const subscriptions: { unsubscribe(): void }[] = [];
    let cancelled = false;
    // The whole bank (100,000 records arriving at once hold the main thread for a second) is read
    // only after the first page has painted. One live query per table: a stage move re-reads the
    // entries, not 100,000 people as well.
    const loadAll = () => {
      if (cancelled) return;
      let people: StoredPerson[] | undefined;
      let entries: StoredEntry[] | undefined;
      let pipelines: StoredPipeline[] | undefined;
      const publish = () => {
        if (!people || !entries || !pipelines) return;
        complete = true;
        setData(build(people, entries, pipelines, true));
      };
      const watch = <T,>(read: () => Promise<T>, keep: (value: T) => void) =>
        subscriptions.push(
          liveQuery(read).subscribe({
            next: (value) => {
              keep(value);
              publish();
            },
            error: (e: unknown) => console.error('[scoutbook] could not read the talent bank:', e),
          }),
        );
      watch(() => db.people.orderBy('updatedAt').reverse().toArray(), (v) => (people = v));
      watch(() => db.entries.toArray(), (v) => (entries = v));
      watch(() => db.pipelines.toArray(), (v) => (pipelines = v));
    };
    void Promise.all([db.people.orderBy('updatedAt').reverse().limit(FIRST_PAGE).toArray(), db.pipelines.toArray()])
      .then(async ([people, pipelines]) => {
        // One indexed read per person, all sent at once: `anyOf` walks a cursor, a round trip to the
        // database per step, 120 of them for 60 people.
        const ids = people.map((p) => p.id);
        const entries = await db.transaction('r', db.entries, async () =>
          (await Promise.all(ids.map((id) => db.entries.where('personId').equals(id).toArray()))).flat(),
        );
        if (!complete && !cancelled) setData(build(people, entries, pipelines, false));
      })
      .finally(() => requestAnimationFrame(() => setTimeout(loadAll)));
    return () => {
      cancelled = true;
      for (const s of subscriptions) s.unsubscribe();
    };
  }, []);
  return data;
}
