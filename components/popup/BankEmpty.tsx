import { EmptyState } from './EmptyState';
import { useI18n } from './i18n/I18nProvider';

/** Why the talent bank shows no one, and the next step: save someone, or loosen the search or filters. */
export function BankEmpty(props: { total: number; query: string; filtered: boolean; onClearFilters: () => void }) {
  const { t } = useI18n();
  if (props.total === 0)
    return (
      <EmptyState title={t('bank.empty.title')} testId="sb-empty-bank">
        {t('bank.empty.hint')}
      </EmptyState>
    );
  return (
    <EmptyState title={t('bank.noMatch.title')} testId="sb-no-match">
      {props.query.trim() && <p>{t('bank.noMatch.search', { query: props.query.trim() })}</p>}
      {props.filtered && (
        <p>
          {t('bank.noMatch.filters')}{' '}
          <button type="button" className="link" onClick={props.onClearFilters}>
            {t('filters.clearAll')}
          </button>
        </p>
      )}
    </EmptyState>
  );
}
