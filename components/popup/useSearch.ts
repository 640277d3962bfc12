import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { getDb, type StoredNote } from '@/utils/db/database';
import type { TalentRow } from '@/utils/export/talent-bank';
import type { SearchIndex } from '@/utils/search';
import { LastNoteMirror } from './last-note-mirror';
import type { PopupData } from './usePopupData';

type SearchEngine = typeof import('@/utils/search');

let engineLoading: Promise<SearchEngine> | undefined;

interface Answer {
  query: string;
  version: number;
  ids: string[];
}
/**
 * The last answer of each kind per index. React discards what an interrupted render computed,
 * memos included, and the deferred render that adds note matches is interrupted whenever something
 * urgent happens (a keystroke, the list's virtualiser measuring rows): without this it would search
 * 100,000 people again each time.
 */
const answers = new WeakMap<SearchIndex, { fields?: Answer; all?: Answer }>();

function answer(index: SearchIndex, kind: 'fields' | 'all', query: string, version: number, run: () => string[]): string[] {
  let kept = answers.get(index);
  if (!kept) answers.set(index, (kept = {}));
  const last = kept[kind];
  if (last && last.query === query && last.version === version) return last.ids;
  const ids = run();
  kept[kind] = { query, version, ids };
  return ids;
}
/**
 * The search engine carries the pinyin dictionary and the simplified/traditional tables (~570 KB of
 * script): it is loaded after the first rows have painted, or at the first keystroke if that comes
 * sooner, so that opening the popup does not wait for it.
 */
function loadEngine(): Promise<SearchEngine> {
  engineLoading ??= import('@/utils/search');
  return engineLoading;
}

/** Beyond this many changed people, the index is built again in slices rather than updated in one task. */
const REBUILD_ABOVE = 2000;

/**
 * The notes' search extras, read in pages and kept as the few fields searchExtras reads. The whole
 * table at once (300,000 notes with their clocks at 100,000 people) was a second-long task and held
 * ~110 MB of the popup's heap for as long as the index took to build. The same pass fills the
 * popup's last-note mirror (for exports), so the notes are read once.
 */
async function noteExtras(engine: SearchEngine, lastNotes: LastNoteMirror, signal: AbortSignal) {
  const notes: Pick<StoredNote, 'id' | 'personId' | 'body' | 'deleted' | 'revisionOf'>[] = [];
  await lastNotes.scan((n) => {
    if (!n.deleted) notes.push({ id: n.id, personId: n.personId, body: n.body, deleted: false, revisionOf: n.revisionOf });
  }, signal);
  return engine.searchExtras(notes);
}

/**
 * Instant search over name, headline, company, tags and notes, with pinyin (张三 from `zs`) and
 * simplified/traditional matching. The index is built in slices once the whole bank has loaded and
 * updated person by person afterwards; until it is ready, the loaded rows are matched one by one.
 *
 * Pass the query as typed. Once the index is built, a keystroke is answered in the render it causes,
 * so the list changes in the frame after the key (a deferred query took three frames in traces:
 * urgent render, frame, search render, frame, commit, frame), first from names and fields, then,
 * in a deferred render after that paint, with the matches in notes too (2/3 of the text). Until
 * the index is built, matching row by row takes seconds, so the search follows a deferred copy of
 * the query and typing stays responsive.
 */
export function useSearch(data: PopupData | undefined, typed: string): TalentRow[] {
  const [engine, setEngine] = useState<SearchEngine>();
  const [index, setIndex] = useState<SearchIndex>();
  const [version, setVersion] = useState(0);
  const indexed = useRef(new Map<string, string>()); // person id → updatedAt it was indexed at
  const complete = data?.complete ?? false;
  const rows = data?.rows;
  const lastNotes = data?.lastNotes;
  const hasRows = rows !== undefined;
  const deferred = useDeferredValue(typed);
  const query = index ? typed : deferred;
  const typing = typed.trim() !== '';

  useEffect(() => {
    if (engine || (!hasRows && !typing)) return;
    let cancelled = false;
    const load = () =>
      void loadEngine().then(
        (loaded) => !cancelled && setEngine(() => loaded),
        (e: unknown) => console.error('[scoutbook] could not load search:', e),
      );
    if (typing) {
      load();
      return () => void (cancelled = true);
    }
    // After the frame that paints the first rows.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(load)));
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [engine, hasRows, typing]);

  // The index is built from the rows as they are when the build starts: a change while it is built
  // (a stage move every few seconds on a busy day) is re-indexed by the effect below, rather than
  // starting the build over, which kept the popup's thread busy and the index unbuilt.
  const latestRows = useRef(rows);
  useEffect(() => {
    latestRows.current = rows;
  }, [rows]);

  useEffect(() => {
    const snapshot = latestRows.current;
    if (!engine || !complete || !snapshot || index) return;
    const abort = new AbortController();
    void (async () => {
      const extras = await noteExtras(engine, lastNotes ?? new LastNoteMirror(getDb()), abort.signal);
      const built = await engine.buildIndexAsync(
        snapshot.map((r) => r.person),
        extras,
        { signal: abort.signal },
      );
      indexed.current = new Map(snapshot.map((r) => [r.person.id, r.person.updatedAt]));
      if (abort.signal.aborted) return;
      setIndex(built);
      // When searching stops matching row by row: what a benchmark of steady-state keystrokes waits for.
      performance.mark('scoutbook:search-index-built', { detail: { people: snapshot.length } });
    })().catch((e: unknown) => {
      if ((e as Error).name !== 'AbortError') console.error('[scoutbook] search index:', e);
    });
    return () => abort.abort();
  }, [engine, complete, hasRows, index, lastNotes]);

  // People changed since the index was built: re-index just them. Many at once (an import, a
  // restore) are indexed again by a new build, in slices: 100,000 imported people re-indexed here
  // held the popup's thread for two seconds in one task.
  useEffect(() => {
    if (!engine || !index || !rows) return;
    const stale = rows.filter((r) => indexed.current.get(r.person.id) !== r.person.updatedAt);
    if (stale.length > REBUILD_ABOVE) {
      setIndex(undefined);
      return;
    }
    let changed = false;
    for (const r of stale) {
      engine.updateIndex(index, r.person);
      indexed.current.set(r.person.id, r.person.updatedAt);
      changed = true;
    }
    // The index is a mutable structure outside React; the version tells React it changed.
    if (changed) setVersion((v) => v + 1);
  }, [engine, index, rows]);

  const byId = useMemo(() => new Map(rows?.map((r) => [r.person.id, r]) ?? []), [rows]);
  // With the index: the keystroke's own render shows the matches in names, pinyin, headlines,
  // companies and tags (a third of the text to scan, and every match that ranks above a note
  // match); the deferred render that follows the paint adds the people found through their notes.
  // `version` marks in-place index updates.
  const fieldsIds = useMemo(
    () => (engine && index && typed.trim() ? answer(index, 'fields', typed, version, () => engine.searchFields(index, typed)) : undefined),
    [engine, index, typed, version],
  );
  const allIds = useMemo(
    () => (engine && index && deferred.trim() ? answer(index, 'all', deferred, version, () => engine.search(index, deferred)) : undefined),
    [engine, index, deferred, version],
  );
  return useMemo(() => {
    if (!rows) return [];
    // Until the engine has loaded (a first keystroke within moments of opening), the list stays whole.
    if (!query.trim() || !engine) return rows;
    if (index) {
      const ids = deferred === typed ? allIds : fieldsIds;
      return (ids ?? []).flatMap((id) => byId.get(id) ?? []);
    }
    return rows.filter((r) => engine.matchPerson(r.person, query) !== -1);
  }, [rows, query, index, byId, engine, deferred, typed, allIds, fieldsIds]);
}
