import { useState } from 'react';
import type { StoredEntry, StoredPipeline } from '@/utils/db/database';
import { writeFromPage } from '@/utils/db/page-writes';
import { send } from '@/utils/messaging/send';
import { setReferrer } from '@/utils/pipelines/entry-edit';
import { recordsReferrer } from '@/utils/pipelines/templates';
import type { Person } from '@/utils/schema';
import { PitchCopy } from '../pitch/PitchCopy';
import { NextActionEditor } from '../reminders/NextActionEditor';
import { StaleBadge } from '../reminders/StaleBadge';
import { useI18n } from '../i18n/I18nProvider';
import { StageHistory } from './StageHistory';
import { useAction } from './useAction';
import { ActionError } from './ActionError';

/** One pipeline entry in the detail view: stage, owner, referrer, next action, pitch, history. */
export function EntryPanel({ entry, pipeline, person }: { entry: StoredEntry; pipeline: StoredPipeline; person?: Pick<Person, 'name' | 'headline' | 'companyName'> }) {
  const { t } = useI18n();
  const action = useAction();
  const referral = recordsReferrer(pipeline);
  const knownStage = pipeline.stages.some((s) => s.id === entry.stageId);
  return (
    <li className="sb-entry" data-testid="sb-detail-entry">
      <div className="sb-entry-head">
        <strong>{pipeline.name}</strong>
        <select
          aria-label={t('detail.stage', { pipeline: pipeline.name })}
          data-testid="sb-detail-stage"
          value={entry.stageId}
          disabled={pipeline.archived}
          onChange={(e) => void action.run(() => send({ type: 'moveEntry', entryId: entry.id, stageId: e.target.value }))}
        >
          {!knownStage && <option value={entry.stageId}>{t('detail.removedStage', { stage: entry.stageId })}</option>}
          {pipeline.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {referral && s.points !== undefined ? ` (${s.points})` : ''}
            </option>
          ))}
        </select>
        <StaleBadge entry={entry} pipeline={pipeline} />
        {pipeline.archived && <span className="sb-kind">{t('manage.archived')}</span>}
      </div>
      <dl className="sb-entry-facts">
        {entry.ownerId && (
          <>
            <dt>{t('detail.owner')}</dt>
            <dd>{entry.ownerId}</dd>
          </>
        )}
        {referral && (
          <>
            <dt>{t('detail.referrer')}</dt>
            <dd>
              <ReferrerField key={entry.referrer ?? ''} entryId={entry.id} referrer={entry.referrer} />
            </dd>
          </>
        )}
      </dl>
      <NextActionEditor key={entry.nextActionAt ?? 'none'} entryId={entry.id} nextActionAt={entry.nextActionAt} name={person?.name ?? pipeline.name} />
      {person && <PitchCopy pipeline={pipeline} entry={entry} person={person} picker />}
      <StageHistory history={entry.history} pipeline={pipeline} />
      <ActionError error={action.error} message="detail.failed" />
    </li>
  );
}

function ReferrerField({ entryId, referrer }: { entryId: string; referrer?: string }) {
  const { t } = useI18n();
  const [value, setValue] = useState(referrer ?? '');
  const action = useAction();
  const save = () => {
    if (value.trim() === (referrer ?? '')) return;
    void action.run(() => writeFromPage((store) => setReferrer(store, entryId, value)));
  };
  return (
    <span className="sb-referrer">
      <input
        data-testid="sb-detail-referrer"
        aria-label={t('detail.referrer')}
        placeholder={t('detail.referrerPlaceholder')}
        value={value}
        maxLength={200}
        onChange={(e) => setValue(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            save();
          }
        }}
      />
      {!referrer && <span className="sb-warn">{t('detail.referrerMissing')}</span>}
      <ActionError error={action.error} message="detail.failed" inline />
    </span>
  );
}
