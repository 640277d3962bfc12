import { useState } from 'react';
import { writeFromPage } from '@/utils/db/page-writes';
import { archivePipeline } from '@/utils/pipelines/edit';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { CreatePipelineForm } from './CreatePipelineForm';
import { PipelineEditor } from './PipelineEditor';
import { usePipelineSummaries, type PipelineSummary } from './usePipelineAdmin';
import './manage.css';
import { ActionError } from '../detail/ActionError';

/** Create, rename, archive pipelines and edit their stages. */
export function ManagePipelines() {
  const { t } = useI18n();
  const summaries = usePipelineSummaries();
  const [editingId, setEditingId] = useState<string>();
  if (!summaries) return null;
  const active = summaries.filter((s) => !s.pipeline.archived);
  const archived = summaries.filter((s) => s.pipeline.archived);
  const editing = summaries.find((s) => s.pipeline.id === editingId);

  const list = (items: PipelineSummary[]) => (
    <ul className="sb-sheet-list sb-pipeline-list">
      {items.map((s) => (
        <PipelineItem key={s.pipeline.id} summary={s} editing={s.pipeline.id === editingId} onEdit={() => setEditingId(s.pipeline.id)} />
      ))}
    </ul>
  );

  return (
    <div className="sb-manage" data-testid="sb-manage">
      <h3>{t('manage.active')}</h3>
      {list(active)}
      {editing && <PipelineEditor key={editing.pipeline.id} summary={editing} />}
      <CreatePipelineForm onCreated={setEditingId} />
      {archived.length > 0 && (
        <>
          <h3>{t('manage.archived')}</h3>
          <p className="hint">{t('manage.archivedNote')}</p>
          {list(archived)}
        </>
      )}
    </div>
  );
}

function PipelineItem({ summary, editing, onEdit }: { summary: PipelineSummary; editing: boolean; onEdit: () => void }) {
  const { t } = useI18n();
  const { pipeline, total } = summary;
  const action = useAction();
  return (
    <li className={`sb-pipeline-item${editing ? ' editing' : ''}`} data-testid="sb-pipeline-item">
      <div className="sb-pipeline-main">
        <strong className="sb-pipeline-title">{pipeline.name}</strong>
        <span className={`sb-kind sb-kind-${pipeline.kind}`}>{t(`manage.kind.${pipeline.kind}`)}</span>
        <span className="hint">
          {t('manage.stageCount', { count: pipeline.stages.length })} · {t('manage.entryCount', { count: total })}
        </span>
      </div>
      <div className="sb-actions">
        {!pipeline.archived && (
          <button type="button" data-testid="sb-pipeline-edit" aria-pressed={editing} onClick={onEdit}>
            {editing ? t('manage.editing') : t('manage.edit')}
          </button>
        )}
        <button
          type="button"
          data-testid="sb-pipeline-archive"
          disabled={action.busy}
          onClick={() => void action.run(() => writeFromPage((store) => archivePipeline(store, pipeline.id, !pipeline.archived)))}
        >
          {pipeline.archived ? t('manage.unarchive') : t('manage.archive')}
        </button>
      </div>
      <ActionError error={action.error} message="manage.failed" />
    </li>
  );
}
