import type { IntelItem } from '@/utils/schema';
import { isoDate } from '@/utils/format/relative-time';
import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** Company intel, newest first: type, date, and the source to open. */
export function IntelList({ items }: { items: readonly IntelItem[] }) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <section className="sb-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('detail.intel')}</h3>
      {items.length === 0 ? (
        <p className="hint">{t('detail.noIntel')}</p>
      ) : (
        <ul className="sb-intel" data-testid="sb-detail-intel">
          {items.map((i) => (
            <li key={i.id}>
              <span className={`sb-intel-type sb-intel-${i.type}`}>{t(`detail.intelType.${i.type}`)}</span>{' '}
              <time dateTime={i.publishedAt}>{isoDate(i.publishedAt)}</time>{' '}
              <a href={i.url} target="_blank" rel="noopener noreferrer">
                {i.title}
              </a>
              {[i.round, i.amount].some(Boolean) && <span className="hint"> · {[i.round, i.amount].filter(Boolean).join(' ')}</span>}
              {i.source && <span className="hint"> · {i.source}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
