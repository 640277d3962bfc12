import { useI18n } from '@/components/popup/i18n/I18nProvider';
import { toCsv } from '@/utils/export/csv';
import type { LineMessage } from '@/utils/import/plan';
import { downloadText } from '../download';

const SHOWN = 200;

/** Rejected rows or warnings, by line, with the reason; the full list downloads as CSV. */
export function LineList({ title, items, testId, downloadName }: { title: string; items: readonly LineMessage[]; testId: string; downloadName?: string }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <details className="line-list" data-testid={testId}>
      <summary>{title}</summary>
      <ul className="lines">
        {items.slice(0, SHOWN).map((r, i) => (
          <li key={`${r.line}-${i}`}>
            {t('data.import.line', { line: r.line })}: {r.reason}
          </li>
        ))}
      </ul>
      {items.length > SHOWN && <p className="hint">{t('data.import.rejected.more', { count: items.length - SHOWN })}</p>}
      {downloadName && (
        <button
          type="button"
          className="link"
          onClick={() =>
            downloadText(
              downloadName,
              toCsv<LineMessage>([{ header: 'Line', value: (r) => String(r.line) }, { header: 'Reason', value: (r) => r.reason }], items),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('data.import.rejected.download')}
        </button>
      )}
    </details>
  );
}
