import { useEffect, useMemo, useRef, useState } from 'react';
import { getDb } from '@/utils/db/database';
import type { TalentRow } from '@/utils/export/talent-bank';
import { buildIndexAsync, matchPerson, search, searchExtras, updateIndex, type SearchIndex } from '@/utils/search';
import type { PopupData } from './usePopupData';

/**
 * Instant search over name, headline, company, tags and notes, with pinyin (张三 from `zs`) and
 * simplified/traditional matching. The index is built in slices once the whole bank has loaded and
 * updated person by person afterwards; until it is ready, the loaded rows are matched one by one.
 */
export function useSearch(data: PopupData | undefined, query: string): TalentRow[] {
  const [index, setIndex] = useState<SearchIndex>();
  const [version, setVersion] = useState(0);
  const indexed = useRef(new Map<string, string>()); // person id → updatedAt it was indexed at
  const complete = data?.complete ?? false;
  const rows = data?.rows;

  useEffect(() => {
    if (!complete || !rows || index) return;
    const abort = new AbortController();
    void (async () => {
      const notes = await getDb().notes.toArray();
      const built = await buildIndexAsync(
        rows.map((r) => r.person),
        searchExtras(notes),
        { signal: abort.signal },
      );
      indexed.current = new Map(rows.map((r) => [r.person.id, r.person.updatedAt]));
      if (!abort.signal.aborted) setIndex(built);
    })().catch((e: unknown) => {
      if ((e as Error).name !== 'AbortError') console.error('[scoutbook] search index:', e);
    });
    return () => abort.abort();
  }, [complete, rows, index]);

  // People changed since the index was built: re-index just them.
  useEffect(() => {
    if (!index || !rows) return;
    let changed = false;
    for (const r of rows) {
      if (indexed.current.get(r.person.id) === r.person.updatedAt) continue;
      updateIndex(index, r.person);
      indexed.current.set(r.person.id, r.person.updatedAt);
      changed = true;
    }
    // The index is a mutable structure outside React; the version tells React it changed.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (changed) setVersion((v) => v + 1);
  }, [index, rows]);

  const byId = useMemo(() => new Map(rows?.map((r) => [r.person.id, r]) ?? []), [rows]);
  return useMemo(() => {
    if (!rows) return [];
    if (!query.trim()) return rows;
    if (index) return search(index, query).flatMap((id) => byId.get(id) ?? []);
    return rows.filter((r) => matchPerson(r.person, query) !== -1);
    // `version` marks in-place index updates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, query, index, byId, version]);
}
