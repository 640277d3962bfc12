import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb, type PitchRow } from '@/utils/db/database';
import { writeFromPage } from '@/utils/db/page-writes';
import { addStarterPitches, deletePitch } from '@/utils/pipelines/pitch-store';
import type { Pipeline } from '@/utils/schema';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { PitchEditor, type PitchDraftState } from './PitchEditor';
import { useSavedPitches } from './usePitches';
import './pitch.css';
import { NamedOptions } from '../NamedOptions';
import { ActionError } from '../detail/ActionError';

/** The pitch templates (话术) of each pipeline: list, write, edit, delete. */
export function PitchTemplates({ pipelineId: initial }: { pipelineId?: string }) {
  const { t } = useI18n();
  const pipelines = useLiveQuery(async () => (await getDb().pipelines.toArray()).filter((p) => !p.deleted && !p.archived), []);
  const [pipelineId, setPipelineId] = useState(initial);
  const pipeline = pipelines?.find((p) => p.id === pipelineId) ?? pipelines?.[0];
  const saved = useSavedPitches(pipeline?.id);
  const [editing, setEditing] = useState<PitchDraftState | null>(null);
  const action = useAction();
  if (!pipelines || !pipeline || !saved) return null;

  return (
    <div className="sb-pitches" data-testid="sb-pitches">
      <label className="field inline">
        <span>{t('pitch.pipeline')}</span>
        <select
          data-testid="sb-pitch-pipeline"
          value={pipeline.id}
          onChange={(e) => {
            setPipelineId(e.target.value);
            setEditing(null);
          }}
        >
          <NamedOptions items={pipelines} />
        </select>
      </label>
      {saved.length === 0 && !editing && (
        <div className="empty">
          <p>{t('pitch.none')}</p>
          <button
            type="button"
            className="primary"
            data-testid="sb-pitch-starters"
            disabled={action.busy}
            onClick={() => void action.run(() => writeFromPage((store) => addStarterPitches(store.db, pipeline)))}
          >
            {t('pitch.addStarters')}
          </button>
        </div>
      )}
      <ul className="sb-sheet-list sb-pitch-list">
        {saved.map((p) => (
          <PitchItem key={p.id} pitch={p} onEdit={() => setEditing({ id: p.id, name: p.name, body: p.body })} />
        ))}
      </ul>
      {editing ? (
        <PitchEditor key={editing.id ?? 'new'} pipeline={pipeline as Pipeline} draft={editing} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" data-testid="sb-pitch-new" onClick={() => setEditing({ name: '', body: '' })}>
          + {t('pitch.new')}
        </button>
      )}
      <ActionError error={action.error} />
    </div>
  );
}

function PitchItem({ pitch, onEdit }: { pitch: PitchRow; onEdit: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  return (
    <li className="sb-pitch-item" data-testid="sb-pitch-item">
      <div className="sb-pitch-item-main">
        <strong>{pitch.name}</strong>
        <span className="sb-pitch-excerpt">{pitch.body}</span>
      </div>
      {confirming ? (
        <div className="sb-confirm" role="group" aria-label={t('pitch.deleteConfirm', { name: pitch.name })}>
          <span>{t('pitch.deleteConfirm', { name: pitch.name })}</span>
          <button
            type="button"
            className="danger"
            data-testid="sb-pitch-delete-confirm"
            onClick={() => void action.run(() => writeFromPage((store) => deletePitch(store.db, pitch.id)))}
          >
            {t('pitch.delete')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('pitch.cancel')}
          </button>
        </div>
      ) : (
        <div className="sb-actions">
          <button type="button" onClick={onEdit} data-testid="sb-pitch-edit">
            {t('pitch.edit')}
          </button>
          <button type="button" onClick={() => setConfirming(true)} data-testid="sb-pitch-delete">
            {t('pitch.delete')}
          </button>
        </div>
      )}
      <ActionError error={action.error} inline />
    </li>
  );
}
