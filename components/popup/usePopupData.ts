import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { getDb } from '@/utils/db/database';
import type { TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline } from '@/utils/schema';
import { BankMirror } from './bank-mirror';
import { readyFirstPage, takeFirstPage } from './first-page';
import { LastNoteMirror } from './last-note-mirror';

export interface PopupData {
  rows: TalentRow[];
  pipelines: Pipeline[];
  /** False while only the first page is loaded. */
  complete: boolean;
  /** Each person's newest note, once the search index's pass over the notes has read them (`ready`). */
  lastNotes?: LastNoteMirror;
}

/**
 * The talent bank, newest change first. The first page comes from an indexed query started before
 * React (first-page.ts) so the popup paints at once even with 100,000 people; the whole bank
 * follows and is then kept in step with the database change by change (bank-mirror.ts), so a stage
 * move made anywhere shows without re-reading everything.
 */
export function usePopupData(): PopupData | undefined {
  // Already read (popup.html's early script is usually done by now): the first render shows it.
  const [data, setData] = useState<PopupData | undefined>(() => {
    const first = readyFirstPage();
    return first && { ...first, complete: false };
  });
  useEffect(() => {
    const db = getDb();
    const mirror = new BankMirror(db);
    const lastNotes = new LastNoteMirror(db);
    let complete = false;
    let cancelled = false;
    // Changes are applied in order, after the whole bank has loaded; until then they are noted and
    // the load, which starts after they were, already reads them.
    let applying: Promise<unknown> | undefined;
    const publish = () => {
      if (cancelled) return;
      complete = true;
      setData({ ...mirror.snapshot(), complete: true, lastNotes });
    };
    const onChange = (parts: ObservabilitySet) => {
      if (!applying) return;
      applying = applying
        .then(() => Promise.all([mirror.apply(parts), lastNotes.apply(parts)]))
        .then(([changed]) => changed && publish())
        .catch((e: unknown) => console.error('[scoutbook] could not update the talent bank:', e));
    };
    Dexie.on('storagemutated', onChange);
    // The whole bank (100,000 records arriving at once hold the main thread for a second) is read
    // only after the first page has painted.
    const loadAll = () => {
      if (cancelled) return;
      applying = mirror
        .loadAll()
        .then(publish)
        .catch((e: unknown) => console.error('[scoutbook] could not read the talent bank:', e));
    };
    void takeFirstPage()
      .then((first) => {
        // The same page the first render showed (readyFirstPage) changes nothing.
        if (!complete && !cancelled) setData((shown) => (shown?.rows === first.rows ? shown : { ...first, complete: false }));
      })
      .catch((e: unknown) => console.error('[scoutbook] could not read the talent bank:', e))
      .finally(() => requestAnimationFrame(() => setTimeout(loadAll)));
    return () => {
      cancelled = true;
      Dexie.on.storagemutated.unsubscribe(onChange);
    };
  }, []);
  return data;
}
