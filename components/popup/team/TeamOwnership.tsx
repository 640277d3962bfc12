import { useEffect, useId, useState } from 'react';
import type { TeamOwner } from '@/utils/messaging/protocol';
import { send } from '@/utils/messaging/send';
import { useI18n } from '../i18n/I18nProvider';
import './team.css';

type View = { state: 'loading' } | { state: 'off' } | { state: 'error'; reason: string } | { state: 'ready'; owners: TeamOwner[] };

/**
 * Who on the team has this person in a pipeline, as the sync server knows it (also entries not
 * pulled to this device yet). Shows nothing without a sync server.
 */
export function TeamOwnership({ profileKeys }: { profileKeys: readonly string[] }) {
  const { t } = useI18n();
  const titleId = useId();
  const [view, setView] = useState<View>({ state: 'loading' });
  const keys = profileKeys.slice(0, 20).join(' ');
  useEffect(() => {
    if (!keys) return;
    let live = true;
    send({ type: 'teamOwners', keys: keys.split(' ') }).then(
      (answer) => live && setView(answer.configured ? { state: 'ready', owners: answer.owners } : { state: 'off' }),
      (e: unknown) => live && setView({ state: 'error', reason: (e as Error).message }),
    );
    return () => void (live = false);
  }, [keys]);
  if (!keys || view.state === 'off' || view.state === 'loading') return null;
  return (
    <section className="sb-section" aria-labelledby={titleId} data-testid="sb-team-ownership">
      <h3 id={titleId}>{t('team.owners')}</h3>
      {view.state === 'error' ? (
        <p className="hint">{t('team.ownersOffline', { reason: view.reason })}</p>
      ) : view.owners.length === 0 ? (
        <p className="hint">{t('team.ownersNone')}</p>
      ) : (
        <ul className="sb-team-owners">
          {view.owners.map((o) => (
            <li key={o.entryId} className={o.mine ? undefined : 'sb-team-owner-other'} data-testid="sb-team-owner">
              {o.mine
                ? t('team.ownedByYou', { pipeline: o.pipelineName, stage: o.stageName })
                : t('team.ownedBy', { owner: o.owner || '?', pipeline: o.pipelineName, stage: o.stageName })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
