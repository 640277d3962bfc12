import { useState } from 'react';
import { writeFromPage } from '@/utils/db/page-writes';
import { removeStage } from '@/utils/pipelines/edit';
import type { Pipeline, Stage } from '@/utils/schema';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { NamedOptions } from '../NamedOptions';
import { ActionError } from '../detail/ActionError';

/** Removing a stage asks where its entries go; the moves and the removal are one transaction. */
export function RemoveStagePanel({ pipeline, stage, count, onClose }: { pipeline: Pipeline; stage: Stage; count: number; onClose: () => void }) {
  const { t } = useI18n();
  const others = pipeline.stages.filter((s) => s.id !== stage.id);
  const index = pipeline.stages.findIndex((s) => s.id === stage.id);
  // The stage before it by default (the entries step back), else the one after.
  const [target, setTarget] = useState((pipeline.stages[index - 1] ?? pipeline.stages[index + 1])?.id ?? others[0]?.id ?? '');
  const action = useAction();
  return (
    <div
      className="sb-remove-stage"
      role="group"
      aria-label={t('manage.removeTitle', { stage: stage.name })}
      data-testid="sb-remove-stage"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <strong>{t('manage.removeTitle', { stage: stage.name })}</strong>
      {count > 0 ? (
        <label>
          {t('manage.removeEntries', { count })}{' '}
          <select data-testid="sb-remove-target" value={target} onChange={(e) => setTarget(e.target.value)} autoFocus>
            <NamedOptions items={others} />
          </select>
        </label>
      ) : (
        <p className="hint">{t('manage.removeNoEntries')}</p>
      )}
      <div className="sb-actions">
        <button
          type="button"
          className="danger"
          data-testid="sb-remove-confirm"
          disabled={action.busy || !target}
          autoFocus={count === 0}
          onClick={() => void action.run(() => writeFromPage((store) => removeStage(store, pipeline.id, stage.id, target))).then((ok) => ok && onClose())}
        >
          {t('manage.removeConfirm')}
        </button>
        <button type="button" onClick={onClose}>
          {t('manage.cancel')}
        </button>
      </div>
      <ActionError error={action.error} message="manage.failed" />
    </div>
  );
}
