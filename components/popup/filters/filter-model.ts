import type { TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline, PersonStatus } from '@/utils/schema';
import { isRowStale, lastActivityOf, ownersOf } from './row-facts';

const DAY_MS = 86_400_000;

export const ACTIVITY_WINDOWS = ['7d', '30d', '90d', 'stale'] as const;
export type ActivityWindow = (typeof ACTIVITY_WINDOWS)[number];
const WINDOW_DAYS: Record<Exclude<ActivityWindow, 'stale'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** What the talent bank is narrowed to; every filter set must hold (they combine with the search). */
export interface Filters {
  pipelineId?: string;
  /** Only with a pipeline: stage ids are per pipeline. */
  stageId?: string;
  status?: PersonStatus;
  tag?: string;
  owner?: string;
  activity?: ActivityWindow;
}

export type FilterKey = keyof Filters;
/** Chip order, and the order of the controls. */
export const FILTER_KEYS: readonly FilterKey[] = ['pipelineId', 'stageId', 'status', 'tag', 'owner', 'activity'];

export interface FilterContext {
  now: number;
  pipelines: readonly Pipeline[];
  staleAfterDays: number;
}

export function activeFilters(filters: Filters): FilterKey[] {
  return FILTER_KEYS.filter((k) => filters[k] !== undefined && filters[k] !== '');
}

/** Removing the pipeline removes its stage too: a stage id means nothing without it. */
export function withoutFilter(filters: Filters, key: FilterKey): Filters {
  const next = { ...filters };
  delete next[key];
  if (key === 'pipelineId') delete next.stageId;
  return next;
}

export function setFilter<K extends FilterKey>(filters: Filters, key: K, value: Filters[K] | ''): Filters {
  if (value === '' || value === undefined) return withoutFilter(filters, key);
  const next = { ...filters, [key]: value };
  if (key === 'pipelineId' && value !== filters.pipelineId) delete next.stageId;
  return next;
}

function tagKey(tag: string): string {
  return tag.trim().toLowerCase();
}

/** One predicate per set filter, built once per filtering rather than once per row. */
function predicates(filters: Filters, context: FilterContext): ((row: TalentRow) => boolean)[] {
  const tests: ((row: TalentRow) => boolean)[] = [];
  const { pipelineId, stageId, status, tag, owner, activity } = filters;
  if (pipelineId) tests.push((r) => r.stages.some((s) => s.pipelineId === pipelineId && (!stageId || s.stageId === stageId)));
  if (status) tests.push((r) => r.person.status === status);
  if (tag) {
    const wanted = tagKey(tag);
    tests.push((r) => r.person.tags.some((t) => tagKey(t) === wanted));
  }
  if (owner) tests.push((r) => ownersOf(r).includes(owner));
  if (activity === 'stale') {
    const byId = new Map(context.pipelines.map((p) => [p.id, p]));
    tests.push((r) => isRowStale(r, byId, context.now, context.staleAfterDays));
  } else if (activity) {
    const since = context.now - WINDOW_DAYS[activity] * DAY_MS;
    tests.push((r) => lastActivityOf(r) >= since);
  }
  return tests;
}

/** The rows every set filter lets through, in their order. With no filter set, the same array. */
export function applyFilters(rows: readonly TalentRow[], filters: Filters, context: FilterContext): readonly TalentRow[] {
  const tests = predicates(filters, context);
  if (!tests.length) return rows;
  return rows.filter((r) => tests.every((test) => test(r)));
}

/** Filter choices that exist in the bank: tags (most used first, case-insensitively merged) and owners. */
export function filterOptions(rows: readonly TalentRow[]): { tags: string[]; owners: string[] } {
  const tags = new Map<string, { label: string; count: number }>();
  const owners = new Set<string>();
  for (const r of rows) {
    for (const t of r.person.tags) {
      const key = tagKey(t);
      const seen = tags.get(key);
      if (seen) seen.count++;
      else tags.set(key, { label: t.trim(), count: 1 });
    }
    for (const o of ownersOf(r)) owners.add(o);
  }
  return {
    tags: [...tags.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).map((t) => t.label),
    owners: [...owners].sort((a, b) => a.localeCompare(b)),
  };
}
