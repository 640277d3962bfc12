import { useMemo } from 'react';
import type { TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline } from '@/utils/schema';
import { useI18n } from '../i18n/I18nProvider';
import { ACTIVITY_WINDOWS, filterOptions, setFilter, type FilterKey, type Filters } from './filter-model';
import { activityLabel } from './filter-labels';
import { NamedOptions } from '../NamedOptions';
import { StatusOptions } from '../StatusOptions';

/** A select per filter longer than this would be unusable; the most used come first. */
const MAX_OPTIONS = 200;

/** The filter controls. Options come from the whole bank, so a filter never hides its own choices. */
export function FilterPanel(props: {
  filters: Filters;
  onChange: (next: Filters) => void;
  rows: readonly TalentRow[];
  pipelines: readonly Pipeline[];
  staleAfterDays: number;
}) {
  const { t } = useI18n();
  const { filters, onChange } = props;
  const options = useMemo(() => filterOptions(props.rows), [props.rows]);
  const pipeline = props.pipelines.find((p) => p.id === filters.pipelineId);
  const set = (key: FilterKey) => (e: { target: { value: string } }) => onChange(setFilter(filters, key, e.target.value as never));

  return (
    <fieldset className="filter-panel" data-testid="sb-filter-panel">
      <legend className="sr-only">{t('filters.label')}</legend>
      <label>
        {t('filters.pipeline')}
        <select data-testid="sb-filter-pipeline" value={filters.pipelineId ?? ''} onChange={set('pipelineId')}>
          <option value="">{t('filters.any')}</option>
          <NamedOptions items={props.pipelines} />
        </select>
      </label>
      <label>
        {t('filters.stage')}
        <select data-testid="sb-filter-stage" value={filters.stageId ?? ''} onChange={set('stageId')} disabled={!pipeline}>
          <option value="">{t('filters.any')}</option>
          <NamedOptions items={pipeline?.stages} />
        </select>
      </label>
      <label>
        {t('filters.status')}
        <select data-testid="sb-filter-status" value={filters.status ?? ''} onChange={set('status')}>
          <option value="">{t('filters.any')}</option>
          <StatusOptions />
        </select>
      </label>
      <label>
        {t('filters.tag')}
        <select data-testid="sb-filter-tag" value={filters.tag ?? ''} onChange={set('tag')} disabled={!options.tags.length && !filters.tag}>
          <option value="">{options.tags.length ? t('filters.any') : t('filters.noTags')}</option>
          {options.tags.slice(0, MAX_OPTIONS).map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.owner')}
        <select data-testid="sb-filter-owner" value={filters.owner ?? ''} onChange={set('owner')} disabled={!options.owners.length && !filters.owner}>
          <option value="">{options.owners.length ? t('filters.any') : t('filters.noOwners')}</option>
          {options.owners.slice(0, MAX_OPTIONS).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.activity')}
        <select data-testid="sb-filter-activity" value={filters.activity ?? ''} onChange={set('activity')}>
          <option value="">{t('filters.any')}</option>
          {ACTIVITY_WINDOWS.map((w) => (
            <option key={w} value={w}>
              {activityLabel(t, w, props.staleAfterDays)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
