import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { getDb } from '@/utils/db/database';
import { writeFromPage } from '@/utils/db/page-writes';
import { relativeTime } from '@/utils/format/relative-time';
import { loadTeamAlerts, markAlertsRead, unreadCount } from '@/utils/sync/team-alerts';
import { openPerson } from '../detail/sheet-stack';
import { useI18n } from '../i18n/I18nProvider';
import { alertText } from './alert-text';
import './team.css';

/**
 * The alerts button in the popup's header, with the unread count, and the list it opens: teammates
 * adding or contacting my people (from the sync server), and job changes of people I saved.
 * Opening the list marks everything read.
 */
export function TeamAlerts() {
  const { t, lang } = useI18n();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const state = useLiveQuery(() => loadTeamAlerts(getDb()));
  const configured = useLiveQuery(async () => !!((await getDb().meta.get('settings'))?.value as { serverUrl?: string } | undefined)?.serverUrl);
  if (!state || (!configured && state.alerts.length === 0)) return null;
  const unread = unreadCount(state);
  const markRead = () => void writeFromPage((store) => markAlertsRead(store.db)).catch((e: unknown) => console.warn('[scoutbook] could not mark alerts read:', e));
  const toggle = () => {
    if (!open && unread) markRead();
    setOpen(!open);
  };
  return (
    <div className="sb-alerts">
      <button
        type="button"
        className={`sb-alerts-button${unread ? ' unread' : ''}`}
        data-testid="sb-alerts-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? t('team.alertsUnread', { count: unread }) : t('team.alerts')}
        title={unread ? t('team.alertsUnread', { count: unread }) : t('team.alerts')}
        onClick={toggle}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="sb-alerts-count" data-testid="sb-alerts-unread">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <section className="sb-alerts-panel" id={panelId} data-testid="sb-alerts-panel" aria-label={t('team.alertsTitle')}>
          <header>
            <h2>{t('team.alertsTitle')}</h2>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('team.alertsClose')}
            </button>
          </header>
          {state.alerts.length === 0 ? (
            <p className="hint">{t('team.alertsEmpty')}</p>
          ) : (
            <ul>
              {state.alerts.map((a) => (
                <li key={a.id} data-testid="sb-alert" className={`sb-alert sb-alert-${a.kind}`}>
                  <button
                    type="button"
                    className="linklike"
                    onClick={() => {
                      setOpen(false);
                      openPerson(a.personId);
                    }}
                  >
                    {alertText(a, t)}
                  </button>
                  <time dateTime={a.at} className="hint sb-alert-time">
                    {a.by ? relativeTime(Date.parse(a.at), lang) : `${t('team.alert.seenOnProfile')} · ${relativeTime(Date.parse(a.at), lang)}`}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

/** Drawn, not an emoji: emoji fonts are missing on many Linux desktops. */
function BellIcon() {
  return (
    <svg className="sb-bell" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d="M8 1.5a4 4 0 0 0-4 4v2.6L2.7 10.6a.6.6 0 0 0 .5.9h9.6a.6.6 0 0 0 .5-.9L12 8.1V5.5a4 4 0 0 0-4-4Zm-1.8 11a1.8 1.8 0 0 0 3.6 0Z"
        fill="currentColor"
      />
    </svg>
  );
}
