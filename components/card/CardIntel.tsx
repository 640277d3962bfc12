import type { IntelItem } from '@/utils/schema';
import { isoDate } from '@/utils/format/relative-time';

export function CardIntel({ intel }: { intel: IntelItem[] }) {
  return (
    <section className="sb-section" aria-label="Company intel">
      <div className="sb-section-title">Company intel</div>
      <ul className="sb-intel">
        {intel.map((item) => (
          <li key={item.id} data-testid="sb-intel-item" className="sb-intel-item">
            <span className={`sb-tag sb-tag-${item.type}`}>{item.type}</span>
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
