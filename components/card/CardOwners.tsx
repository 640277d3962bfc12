import { useEffect, useState } from 'react';
import type { CardData, TeamOwner } from '@/utils/messaging/protocol';
import { send } from '@/utils/messaging/send';
import type { PersonProfile } from '@/utils/sites/types';
import { useCardEnv } from './CardContext';

/**
 * Who on the team owns this person, as the sync server knows it: asked after the card has painted
 * (local first; the answer is added when it arrives, and nothing shows without a server). Entries
 * already in the local database are left out: the card shows those from local data.
 */
export function CardOwners({ data, extracted }: { data: CardData; extracted: PersonProfile | undefined }) {
  const { t } = useCardEnv();
  const [owners, setOwners] = useState<TeamOwner[]>([]);
  const keys = [...new Set([data.target.key, ...(data.person?.profileKeys ?? []), ...(extracted?.altKeys ?? [])])].slice(0, 20).join(' ');
  useEffect(() => {
    let live = true;
    send({ type: 'teamOwners', keys: keys.split(' ') }).then(
      (answer) => live && setOwners(answer.owners),
      () => {}, // offline or no server: the local view is all there is
    );
    return () => void (live = false);
  }, [keys, data]);
  const local = new Set(data.entries.map((e) => e.entry.id));
  return owners
    .filter((o) => !local.has(o.entryId) && o.owner)
    .map((o) => (
      <div key={o.entryId} data-testid="sb-team-owner" className={o.mine ? 'sb-muted' : 'sb-warning sb-warning-owned'} role={o.mine ? undefined : 'alert'}>
        {o.mine
          ? t('team.ownedBy', { owner: o.owner, pipeline: o.pipelineName, stage: o.stageName })
          : t('warning.owned', { owner: o.owner, pipeline: o.pipelineName, stage: o.stageName })}
      </div>
    ));
}
