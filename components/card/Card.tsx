import { STATUS_TEXT } from '@/utils/format/status';
import { useCallback, useEffect, useState } from 'react';
import { send } from '@/utils/messaging/send';
import type { RefreshSignal } from '@/utils/annotate/refresh-signal';
import type { CardData } from '@/utils/messaging/protocol';
import type { CompanyProfile, PersonProfile } from '@/utils/sites/types';
import type { Act, Subject } from './act';
import { CardIntel } from './CardIntel';
import { CardNotes } from './CardNotes';
import { CardStage } from './CardStage';

export interface CardProps {
  initial: CardData;
  /** What the page showed when the card was mounted. */
  extracted: PersonProfile | CompanyProfile | undefined;
  /** Read the page again (for Save: the freshest text). */
  reextract: () => PersonProfile | CompanyProfile | undefined;
  refreshes: RefreshSignal;
  /** The refresh version `initial` was looked up at; a newer one means the card is already stale. */
  builtAtVersion: number;
}


export function Card({ initial, extracted, reextract, refreshes, builtAtVersion }: CardProps) {
  const [data, setData] = useState(initial);
  const [collapsed, setCollapsed] = useState(false);
  const [error, setError] = useState<string>();
  const { target } = data;
  const saved = target.kind === 'person' ? data.person : data.company;

  const reload = useCallback(async () => {
    const fresh = await send({
      type: 'lookup',
      target,
      ...(target.kind === 'person' ? { person: extracted as PersonProfile } : { company: extracted as CompanyProfile }),
    });
    setData(fresh);
  }, [target, extracted]);

  useEffect(() => {
    const onRefresh = () => void reload().catch((e: unknown) => setError((e as Error).message));
    if (refreshes.version !== builtAtVersion) onRefresh();
    return refreshes.subscribe(onRefresh);
  }, [refreshes, reload, builtAtVersion]);

  /** Run an action, saving the profile first when it is not in the talent bank yet. */
  const act: Act = useCallback(
    async (action) => {
      setError(undefined);
      try {
        let subject: Subject | undefined = data.person
          ? { personId: data.person.id }
          : data.company
            ? { companyId: data.company.id }
            : undefined;
        if (!subject) {
          const profile = reextract();
          if (!profile) throw new Error('Cannot read this profile from the page; reload and try again.');
          subject =
            target.kind === 'person'
              ? await send({ type: 'savePerson', target, person: profile as PersonProfile })
              : await send({ type: 'saveCompany', target, company: profile as CompanyProfile });
        }
        await action(subject);
        await reload();
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [data.person, data.company, reextract, reload, target],
  );

  const title = saved?.name ?? extracted?.name ?? '';
  const person = data.person;
  const subtitle =
    target.kind === 'person'
      ? [person?.headline ?? (extracted as PersonProfile | undefined)?.headline]
      : [data.company?.industry ?? (extracted as CompanyProfile | undefined)?.industry];
  const statusText = saved
    ? `Saved${person ? ` · ${STATUS_TEXT[person.status]}` : ''}`
    : 'Not saved';

  return (
    <aside className={`sb-card${collapsed ? ' sb-collapsed' : ''}`} aria-label="Scoutbook">
      <header className="sb-header">
        <button
          type="button"
          className="sb-brand"
          aria-expanded={!collapsed}
          onClick={() => setCollapsed((c) => !c)}
          title={collapsed ? 'Show Scoutbook' : 'Hide Scoutbook'}
        >
          <span className="sb-logo" aria-hidden="true">S</span>
          <span>Scoutbook</span>
        </button>
        <span data-testid="sb-status" className={`sb-pill ${saved ? 'sb-pill-saved' : 'sb-pill-unsaved'}`}>
          {statusText}
        </span>
      </header>
      {!collapsed && (
        <div className="sb-body">
          <div className="sb-who">
            <div className="sb-name">{title}</div>
            {subtitle[0] && <div className="sb-sub">{subtitle[0]}</div>}
            {person?.companyName && <div className="sb-muted">{[person.companyName, person.location].filter(Boolean).join(' · ')}</div>}
          </div>
          {data.warnings.map((w) => (
            <div key={w} data-testid="sb-warning" className="sb-warning" role="alert">
              {w}
            </div>
          ))}
          {!saved && (
            <button type="button" data-testid="sb-save" className="sb-primary" onClick={() => void act(async () => {})}>
              {target.kind === 'person' ? 'Save to talent bank' : 'Save account'}
            </button>
          )}
          <CardStage data={data} act={act} />
          <CardNotes notes={data.notes} act={act} />
          {data.intel.length > 0 && <CardIntel intel={data.intel} />}
          {error && (
            <div className="sb-error" role="alert">
              {error}
            </div>
          )}
        </div>
      )}
    </aside>
  );
}
