import type { TalentRow } from '@/utils/export/talent-bank';
import { PERSON_STATUSES } from '@/utils/schema';
import { lastActivityOf, ownersOf } from '../filters/row-facts';

export const TABLE_COLUMNS = ['name', 'headline', 'company', 'status', 'tags', 'pipelines', 'owner', 'activity'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export interface TableSort {
  column: TableColumn;
  direction: SortDirection;
}

/** The first click sorts the way one usually wants: A→Z, and for activity the latest first. */
const FIRST_DIRECTION: Record<TableColumn, SortDirection> = {
  name: 'asc',
  headline: 'asc',
  company: 'asc',
  status: 'asc',
  tags: 'asc',
  pipelines: 'asc',
  owner: 'asc',
  activity: 'desc',
};

/** Click a header: sort by it; click it again: reverse. */
export function nextSort(current: TableSort | undefined, column: TableColumn): TableSort {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: FIRST_DIRECTION[column] };
}

const STATUS_ORDER = new Map(PERSON_STATUSES.map((s, i) => [s, i]));

type Key = string | number | undefined;

function keyOf(row: TalentRow, column: TableColumn): Key {
  const p = row.person;
  switch (column) {
    case 'name':
      return p.name;
    case 'headline':
      return p.headline || undefined;
    case 'company':
      return p.companyName || undefined;
    case 'status':
      return STATUS_ORDER.get(p.status);
    case 'tags':
      return p.tags.join(', ') || undefined;
    case 'pipelines':
      return row.stages.map((s) => `${s.pipeline} · ${s.stage}`).join(', ') || undefined;
    case 'owner':
      return ownersOf(row).join(', ') || undefined;
    case 'activity':
      return lastActivityOf(row);
  }
}

/**
 * The rows sorted by a column; rows without a value go last in either direction (an empty company
 * is not "before A"), and ties keep the list's order (newest change, or search relevance). Keys are
 * computed once per row: 100,000 rows sort in a few hundred ms rather than seconds.
 */
export function sortRows(rows: readonly TalentRow[], sort: TableSort | undefined, collator: Intl.Collator): readonly TalentRow[] {
  if (!sort) return rows;
  const keys = rows.map((r) => keyOf(r, sort.column));
  const order = rows.map((_, i) => i);
  const sign = sort.direction === 'asc' ? 1 : -1;
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (ka === undefined || kb === undefined) return ka === kb ? a - b : ka === undefined ? 1 : -1;
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
    return c ? sign * c : a - b;
  });
  return order.map((i) => rows[i]!);
}

const collators = new Map<string, Intl.Collator>();
/** Names sort by the UI's language: in Chinese, 张 after 李 by pinyin. */
export function collatorFor(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang, { sensitivity: 'base', numeric: true })));
  return c;
}
