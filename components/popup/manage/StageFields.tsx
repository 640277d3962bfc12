import { useState } from 'react';
import { writeFromPage } from '@/utils/db/page-writes';
import { renameStage, setStagePoints } from '@/utils/pipelines/edit';
import { recordsReferrer } from '@/utils/pipelines/templates';
import type { Pipeline, Stage } from '@/utils/schema';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from '../detail/ActionError';

/** A stage's name (saved on Enter or leaving the field; Esc puts it back) and, for referral, its points. */
export function StageFields({ pipeline, stage, position }: { pipeline: Pipeline; stage: Stage; position: number }) {
  const { t } = useI18n();
  const [name, setName] = useState(stage.name);
  const [points, setPoints] = useState(stage.points === undefined ? '' : String(stage.points));
  const [lastSaved, setLastSaved] = useState({ name: stage.name, points: stage.points });
  const action = useAction();
  // Follow edits made elsewhere (sync, another window) while this field is not being changed.
  // Each field on its own, so that a rename arriving does not wipe points being typed.
  if (lastSaved.name !== stage.name || lastSaved.points !== stage.points) {
    setLastSaved({ name: stage.name, points: stage.points });
    if (lastSaved.name !== stage.name) setName(stage.name);
    if (lastSaved.points !== stage.points) setPoints(stage.points === undefined ? '' : String(stage.points));
  }

  const saveName = () => {
    if (name.trim() === stage.name) return;
    void action.run(() => writeFromPage((store) => renameStage(store, pipeline.id, stage.id, name)));
  };
  const savePoints = () => {
    const value = points.trim() === '' ? undefined : Number(points);
    if (value === stage.points) return;
    void action.run(() => writeFromPage((store) => setStagePoints(store, pipeline.id, stage.id, value)));
  };

  return (
    <span className="sb-stage-fields">
      <input
        className="sb-stage-name"
        data-testid="sb-stage-name"
        aria-label={t('manage.stageName', { position })}
        value={name}
        maxLength={80}
        onChange={(e) => setName(e.target.value)}
        onBlur={saveName}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            saveName();
          } else if (e.key === 'Escape' && name !== stage.name) {
            e.stopPropagation();
            setName(stage.name);
          }
        }}
      />
      {recordsReferrer(pipeline) && (
        <label className="sb-points">
          <span aria-hidden="true">{t('manage.points')}</span>
          <input
            type="number"
            min={0}
            step={1}
            data-testid="sb-stage-points"
            aria-label={t('manage.pointsOf', { stage: stage.name })}
            value={points}
            onChange={(e) => setPoints(e.target.value)}
            onBlur={savePoints}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                savePoints();
              }
            }}
          />
        </label>
      )}
      <ActionError error={action.error} message="manage.failed" inline />
    </span>
  );
}
