import { getDb } from '@/utils/db/database';
import { talentRows, type TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline } from '@/utils/schema';
import { FIRST_PAGE_SIZE, takeEarlyFirstPage, type EarlyFirstPage } from './first-page-early';

export interface FirstPage {
  rows: TalentRow[];
  pipelines: Pipeline[];
}

let started: Promise<FirstPage> | undefined;
/** What `started` resolved to, once it has. */
let ready: FirstPage | undefined;

/**
 * Starts reading the first page. The popup's entry point calls this before React and the app are
 * evaluated. When popup.html's early script already started the read (first-page-early.ts), this
 * takes it over; otherwise (tests, an old page) it reads through Dexie.
 */
export function startFirstPage(): void {
  if (started) return;
  const page = readFirstPage();
  started = page;
  page.then(
    (value) => {
      if (started === page) ready = value;
    },
    () => {
      // takeFirstPage's caller reports it.
    },
  );
}

/**
 * The first page if it has been read already, so that the popup's very first render can show it.
 * It stays available to takeFirstPage, which returns this same object.
 */
export function readyFirstPage(): FirstPage | undefined {
  return ready;
}

/** The read startFirstPage started, or a new one; the next call reads afresh (the bank moves on). */
export function takeFirstPage(): Promise<FirstPage> {
  const page = started ?? readFirstPage();
  started = undefined;
  ready = undefined;
  return page;
}

function readFirstPage(): Promise<FirstPage> {
  const early = takeEarlyFirstPage();
  if (!early) return readWithDexie();
  return early.read.then((records) => (records ? fromRecords(records) : readWithDexie()));
}

function fromRecords({ people, entries, pipelines }: EarlyFirstPage): FirstPage {
  const live = pipelines.filter((p) => !p.deleted && !p.archived);
  return { rows: talentRows(people, entries, live), pipelines: live };
}

/** The newest people and their pipeline entries, read by index. */
async function readWithDexie(): Promise<FirstPage> {
  const db = getDb();
  const [people, pipelines] = await Promise.all([db.people.orderBy('updatedAt').reverse().limit(FIRST_PAGE_SIZE).toArray(), db.pipelines.toArray()]);
  // One indexed read per person, all sent at once: `anyOf` walks a cursor, a round trip to the
  // database per step, 120 of them for 60 people.
  const entries = await db.transaction('r', db.entries, async () =>
    (await Promise.all(people.map((p) => db.entries.where('personId').equals(p.id).toArray()))).flat(),
  );
  return fromRecords({ people, entries, pipelines });
}
