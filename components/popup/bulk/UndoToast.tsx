import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { BulkOutcome } from './BulkBar';
import { undoBulk } from './bulk-actions';

/** How long the toast stays: long enough to notice a mistake, short enough not to linger. */
const VISIBLE_MS = 20_000;

/** What a bulk action did, with Undo while it can still be undone. */
export function UndoToast({ outcome, onDismiss }: { outcome: BulkOutcome; onDismiss: () => void }) {
  const { t } = useI18n();
  const [undoing, setUndoing] = useState(false);
  const [after, setAfter] = useState<{ text: string; error?: boolean }>();

  useEffect(() => {
    const timer = setTimeout(onDismiss, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [outcome, after, onDismiss]);

  const undo = async () => {
    if (!outcome.result) return;
    setUndoing(true);
    try {
      const r = await undoBulk(outcome.result);
      setAfter({ text: r.kept ? t('bulk.undoneKept', { count: r.restored, kept: r.kept }) : t('bulk.undone', { count: r.restored }) });
    } catch (e) {
      setAfter({ text: t('bulk.undoFailed', { reason: (e as Error).message }), error: true });
    } finally {
      setUndoing(false);
    }
  };

  const shown = after ?? outcome;
  return (
    <div className={`toast${shown.error ? ' toast-error' : ''}`} role="status" data-testid="sb-toast">
      <span>{shown.text}</span>
      {!after && outcome.result && (
        <button type="button" className="toast-undo" data-testid="sb-undo" disabled={undoing} onClick={() => void undo()}>
          {t('bulk.undo')}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t('bulk.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
