import type { PopupMessageKey, PopupTranslate } from '@/utils/i18n/popup';
import type { Pipeline, PersonStatus } from '@/utils/schema';
import type { ActivityWindow, FilterKey, Filters } from './filter-model';

export const FILTER_NAME: Record<FilterKey, PopupMessageKey> = {
  pipelineId: 'filters.pipeline',
  stageId: 'filters.stage',
  status: 'filters.status',
  tag: 'filters.tag',
  owner: 'filters.owner',
  activity: 'filters.activity',
};

export function statusLabel(t: PopupTranslate, status: PersonStatus): string {
  return t(`popup.status.${status}`);
}

export function activityLabel(t: PopupTranslate, window: ActivityWindow, staleAfterDays: number): string {
  return t(`filters.activity.${window}`, { days: staleAfterDays });
}

/** The text of a set filter as its chip shows it: names, not ids. */
export function filterValueLabel(t: PopupTranslate, key: FilterKey, filters: Filters, pipelines: readonly Pipeline[], staleAfterDays: number): string {
  const pipeline = pipelines.find((p) => p.id === filters.pipelineId);
  switch (key) {
    case 'pipelineId':
      return pipeline?.name ?? filters.pipelineId ?? '';
    case 'stageId':
      return pipeline?.stages.find((s) => s.id === filters.stageId)?.name ?? filters.stageId ?? '';
    case 'status':
      return filters.status ? statusLabel(t, filters.status) : '';
    case 'activity':
      return filters.activity ? activityLabel(t, filters.activity, staleAfterDays) : '';
    default:
      return filters[key] ?? '';
  }
}
