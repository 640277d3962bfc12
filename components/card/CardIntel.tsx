import type { IntelItem } from '@/utils/schema';
import { isoDate } from '@/utils/format/relative-time';
import { useCardEnv } from './CardContext';

export function CardIntel({ intel }: { intel: IntelItem[] }) {
  const { t } = useCardEnv();
  return (
    <section className="sb-section" aria-label={t('intel.title')}>
      <div className="sb-section-title">{t('intel.title')}</div>
      <ul className="sb-intel">
        {intel.map((item) => (
          <li key={item.id} data-testid="sb-intel-item" className="sb-intel-item">
            <span className={`sb-tag sb-tag-${item.type}`}>{t(`intel.${item.type}`)}</span>
            <a href={item.url} target="_blank" rel="noopener noreferrer">
              {item.title}
            </a>
            <span className="sb-muted">
              {isoDate(item.publishedAt)}
              {item.source ? ` · ${item.source}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
