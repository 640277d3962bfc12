import { getDb } from '@/utils/db/database';
import { talentRows, type TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline } from '@/utils/schema';

/** How many people the first paint shows while the rest loads: more than fit the popup. */
const FIRST_PAGE = 60;

export interface FirstPage {
  rows: TalentRow[];
  pipelines: Pipeline[];
}

let started: Promise<FirstPage> | undefined;

/**
 * Starts reading the first page. The popup's entry point calls this before React and the app are
 * evaluated, so that opening the database and the first queries overlap with that work instead of
 * following the first render.
 */
export function startFirstPage(): void {
  started ??= readFirstPage();
  started.catch(() => {
    // takeFirstPage's caller reports it.
  });
}

/** The read startFirstPage started, or a new one; the next call reads afresh (the bank moves on). */
export function takeFirstPage(): Promise<FirstPage> {
  const page = started ?? readFirstPage();
  started = undefined;
  return page;
}

/** The newest people and their pipeline entries, read by index. */
function readFirstPage(): Promise<FirstPage> {
  return (async () => {
    const db = getDb();
    const [people, pipelines] = await Promise.all([db.people.orderBy('updatedAt').reverse().limit(FIRST_PAGE).toArray(), db.pipelines.toArray()]);
    // One indexed read per person, all sent at once: `anyOf` walks a cursor, a round trip to the
    // database per step, 120 of them for 60 people.
    const entries = await db.transaction('r', db.entries, async () =>
      (await Promise.all(people.map((p) => db.entries.where('personId').equals(p.id).toArray()))).flat(),
    );
    const live = pipelines.filter((p) => !p.deleted && !p.archived);
    return { rows: talentRows(people, entries, live), pipelines: live };
  })();
}
