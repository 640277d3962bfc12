import type { Pipeline } from '@/utils/schema';
import { useI18n } from '../i18n/I18nProvider';
import { activeFilters, withoutFilter, type Filters } from './filter-model';
import { FILTER_NAME, filterValueLabel } from './filter-labels';

/** The filters in force, each removable, and "clear all". Nothing when no filter is set. */
export function FilterChips(props: { filters: Filters; onChange: (next: Filters) => void; pipelines: readonly Pipeline[]; staleAfterDays: number }) {
  const { t } = useI18n();
  const keys = activeFilters(props.filters);
  if (!keys.length) return null;
  return (
    <ul className="chips" data-testid="sb-filter-chips" aria-label={t('filters.label')}>
      {keys.map((key) => {
        const name = t(FILTER_NAME[key]);
        const value = filterValueLabel(t, key, props.filters, props.pipelines, props.staleAfterDays);
        return (
          <li key={key} className="chip" data-testid="sb-filter-chip">
            <span>{t('filters.chip', { name, value })}</span>
            <button type="button" aria-label={t('filters.remove', { name, value })} onClick={() => props.onChange(withoutFilter(props.filters, key))}>
              ×
            </button>
          </li>
        );
      })}
      <li>
        <button type="button" className="link" data-testid="sb-filter-clear" onClick={() => props.onChange({})}>
          {t('filters.clearAll')}
        </button>
      </li>
    </ul>
  );
}
