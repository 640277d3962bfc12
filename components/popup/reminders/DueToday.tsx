import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import { writeFromPage } from '@/utils/db/page-writes';
import { setNextAction } from '@/utils/pipelines/entry-edit';
import { dueList, type DueItem } from '@/utils/reminders/due-list';
import { dateTime } from '../detail/format';
import { openCompany, openPerson } from '../detail/sheet-stack';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { StaleSetting } from './StaleSetting';
import { useNow } from './useNow';
import './reminders.css';
import { ActionError } from '../detail/ActionError';

const DAY_MS = 86_400_000;

/** Today's follow-ups, overdue first, each a click away from the person. */
export function DueToday({ now: fixedNow }: { now?: number }) {
  const { t } = useI18n();
  const ticking = useNow();
  const now = fixedNow ?? ticking;
  const items = useLiveQuery(() => dueList(getDb(), now), [now]);
  return (
    <div className="sb-due" data-testid="sb-due">
      <StaleSetting />
      {!items ? null : items.length === 0 ? (
        <p className="empty" data-testid="sb-due-empty">
          {t('reminder.dueEmpty')}
        </p>
      ) : (
        <ul className="sb-sheet-list sb-due-list">
          {items.map((item) => (
            <DueRow key={item.entry.id} item={item} />
          ))}
        </ul>
      )}
    </div>
  );
}

function DueRow({ item }: { item: DueItem }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const subject = (item.person ?? item.company)!;
  const at = item.entry.nextActionAt!;
  const open = () => (item.person ? openPerson(item.person.id) : openCompany(item.company!.id));
  return (
    <li className={`sb-due-item${item.overdue ? ' sb-due-overdue' : ''}`} data-testid="sb-due-item">
      <div className="sb-due-main">
        <button type="button" className="linklike sb-due-name" onClick={open}>
          {subject.name}
        </button>
        <span className="sb-due-where">
          {item.pipeline.name} · {item.stageName}
        </span>
      </div>
      <div className="sb-due-when">
        {item.overdue && <span className="sb-overdue-tag">{t('reminder.overdue')}</span>} {dateTime(at, lang)}
      </div>
      <div className="sb-due-actions">
        <button
          type="button"
          aria-label={t('reminder.tomorrowOf', { name: subject.name })}
          disabled={action.busy}
          onClick={() => void action.run(() => writeFromPage((store) => setNextAction(store, item.entry.id, Math.max(at, Date.now()) + DAY_MS)))}
        >
          {t('reminder.tomorrow')}
        </button>
        <button
          type="button"
          aria-label={t('reminder.doneOf', { name: subject.name })}
          disabled={action.busy}
          onClick={() => void action.run(() => writeFromPage((store) => setNextAction(store, item.entry.id, undefined)))}
        >
          {t('reminder.done')}
        </button>
      </div>
      <ActionError error={action.error} />
    </li>
  );
}
