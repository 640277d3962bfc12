import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RefreshSignal } from '@/utils/annotate/refresh-signal';
import type { Theme } from '@/utils/annotate/page-theme';
import { browserLanguage, translator, type Language } from '@/utils/i18n/translate';
import type { CardData } from '@/utils/messaging/protocol';
import { send } from '@/utils/messaging/send';
import type { CompanyProfile, PersonProfile } from '@/utils/sites/types';
import type { Act, Subject } from './act';
import { CardEnvContext } from './CardContext';
import { CardIntel } from './CardIntel';
import { CardNotes } from './CardNotes';
import { CardOwners } from './CardOwners';
import { CardStage } from './CardStage';
import { CardStatus } from './CardStatus';
import { CardTags } from './CardTags';
import { CardWarnings } from './CardWarnings';

export interface CardProps {
  initial: CardData;
  /** What the page showed when the card was mounted. */
  extracted: PersonProfile | CompanyProfile | undefined;
  /** Read the page again (for Save: the freshest text). */
  reextract: () => PersonProfile | CompanyProfile | undefined;
  refreshes: RefreshSignal;
  /** The refresh version `initial` was looked up at; a newer one means the card is already stale. */
  builtAtVersion: number;
  theme: Theme;
  language?: Language;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  /** In-page the card floats over the page; in the side panel it fills it. */
  floating?: boolean;
  /** Extra sections below the card's own (the side panel's full record). */
  children?: React.ReactNode;
}

export function Card(props: CardProps) {
  const { initial, extracted, reextract, refreshes, builtAtVersion, theme } = props;
  const [data, setData] = useState(initial);
  const [collapsed, setCollapsed] = useState(props.collapsed);
  const [error, setError] = useState<string>();
  const lang = props.language ?? browserLanguage();
  const t = useMemo(() => translator(lang), [lang]);
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
          if (!profile) throw new Error(t('error.unreadable'));
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
    [data.person, data.company, reextract, reload, target, t],
  );

  const toggle = (next: boolean) => {
    setCollapsed(next);
    props.onCollapsedChange(next);
  };
  const env = useMemo(() => ({ t, act, lang }), [t, act, lang]);
  const person = data.person;
  const title = saved?.name ?? extracted?.name ?? '';
  const subtitle =
    target.kind === 'person'
      ? (person?.headline ?? (extracted as PersonProfile | undefined)?.headline)
      : (data.company?.industry ?? (extracted as CompanyProfile | undefined)?.industry);
  const statusText = saved
    ? `${t('status.saved')}${person ? ` · ${t(`status.${person.status}`)}` : ''}`
    : t('status.notSaved');
  const latest = [...data.entries].sort((a, b) => b.entry.updatedAt.localeCompare(a.entry.updatedAt))[0];

  return (
    <CardEnvContext.Provider value={env}>
      <aside
        className={`sb-card sb-${theme}${props.floating === false ? '' : ' sb-floating'}${collapsed ? ' sb-collapsed' : ''}`}
        aria-label={t('card.label')}
        lang={lang}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !collapsed) toggle(true);
        }}
      >
        <header className="sb-header">
          <button
            type="button"
            className="sb-brand"
            data-testid="sb-toggle"
            aria-expanded={!collapsed}
            onClick={() => toggle(!collapsed)}
            title={collapsed ? t('card.show') : t('card.hide')}
          >
            <span className="sb-logo" aria-hidden="true">
              S
            </span>
            {!collapsed && <span>Scoutbook</span>}
          </button>
          <span data-testid="sb-status" className={`sb-pill ${saved ? 'sb-pill-saved' : 'sb-pill-unsaved'}`}>
            {statusText}
            {collapsed && latest ? ` · ${latest.stageName}` : ''}
          </span>
        </header>
        {!collapsed && (
          <div className="sb-body">
            <div className="sb-who">
              <div className="sb-name">{title}</div>
              {subtitle && <div className="sb-sub">{subtitle}</div>}
              {person?.companyName && (
                <div className="sb-muted">{[person.companyName, person.location].filter(Boolean).join(' · ')}</div>
              )}
            </div>
            <CardWarnings warnings={data.warnings} />
            {target.kind === 'person' && <CardOwners data={data} extracted={extracted as PersonProfile | undefined} />}
            {!saved && (
              <button type="button" data-testid="sb-save" className="sb-primary" onClick={() => void act(async () => {})}>
                {target.kind === 'person' ? t('save.person') : t('save.company')}
              </button>
            )}
            {person && <CardStatus person={person} />}
            <CardStage data={data} />
            {person && <CardTags person={person} />}
            <CardNotes notes={data.notes} />
            {data.intel.length > 0 && <CardIntel intel={data.intel} />}
            {props.children}
            {error && (
              <div className="sb-error" role="alert">
                {error}
              </div>
            )}
          </div>
        )}
      </aside>
    </CardEnvContext.Provider>
  );
}
