import { useState } from 'react';
import { writeFromPage } from '@/utils/db/page-writes';
import { addStage, renamePipeline } from '@/utils/pipelines/edit';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { StageList } from './StageList';
import type { PipelineSummary } from './usePipelineAdmin';

/** Rename a pipeline and edit its stages. */
export function PipelineEditor({ summary }: { summary: PipelineSummary }) {
  const { t } = useI18n();
  const { pipeline } = summary;
  const [name, setName] = useState(pipeline.name);
  const [newStage, setNewStage] = useState('');
  const rename = useAction();
  const add = useAction();

  return (
    <section className="sb-pipeline-editor" data-testid="sb-pipeline-editor" aria-label={`${t('manage.editing')}: ${pipeline.name}`}>
      <form
        className="sb-rename"
        onSubmit={(e) => {
          e.preventDefault();
          void rename.run(() => writeFromPage((store) => renamePipeline(store, pipeline.id, name)), t('reminder.saved'));
        }}
      >
        <label className="field grow">
          <span>{t('manage.rename')}</span>
          <input data-testid="sb-pipeline-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" data-testid="sb-pipeline-rename" disabled={rename.busy || name.trim() === pipeline.name}>
          {t('manage.save')}
        </button>
        <span role="status" className={rename.error ? 'error' : 'sb-saved'}>
          {rename.error ? t('manage.failed', { reason: rename.error }) : (rename.done ?? '')}
        </span>
      </form>

      <h4>{t('manage.stages')}</h4>
      <p className="hint">{t('manage.stagesHint')}</p>
      <StageList summary={summary} />

      <form
        className="sb-add-stage"
        onSubmit={(e) => {
          e.preventDefault();
          void add.run(() => writeFromPage((store) => addStage(store, pipeline.id, newStage))).then((ok) => ok && setNewStage(''));
        }}
      >
        <input
          data-testid="sb-new-stage"
          aria-label={t('manage.newStagePlaceholder')}
          placeholder={t('manage.newStagePlaceholder')}
          value={newStage}
          maxLength={80}
          onChange={(e) => setNewStage(e.target.value)}
        />
        <button type="submit" data-testid="sb-add-stage" disabled={add.busy || !newStage.trim()}>
          + {t('manage.addStage')}
        </button>
        {add.error && (
          <span className="error" role="alert">
            {t('manage.failed', { reason: add.error })}
          </span>
        )}
      </form>
    </section>
  );
}
