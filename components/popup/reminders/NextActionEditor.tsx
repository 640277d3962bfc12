import { useState } from 'react';
import { writeFromPage } from '@/utils/db/page-writes';
import { setNextAction } from '@/utils/pipelines/entry-edit';
import { fromLocalInput, toLocalInput, tomorrowMorning } from '@/utils/reminders/local-input';
import { dateTime } from '../detail/format';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from './useNow';
import './reminders.css';
import { ActionError } from '../detail/ActionError';

/** Set or clear when to follow up on an entry; a notification comes at that time. */
export function NextActionEditor({ entryId, nextActionAt, name, compact }: { entryId: string; nextActionAt?: number; name: string; compact?: boolean }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(!compact);
  const [value, setValue] = useState(() => toLocalInput(nextActionAt ?? tomorrowMorning(Date.now())));
  const action = useAction();
  const now = useNow();
  const overdue = nextActionAt !== undefined && nextActionAt < now;

  const save = (at: number | undefined) =>
    action.run(() => writeFromPage((store) => setNextAction(store, entryId, at))).then((ok) => ok && compact && setOpen(false));

  if (!open)
    return (
      <button
        type="button"
        className={`sb-next-chip${nextActionAt === undefined ? ' sb-next-none' : ''}${overdue ? ' sb-next-overdue' : ''}`}
        data-testid="sb-next-action-chip"
        aria-label={t('reminder.nextOf', { name })}
        onClick={() => setOpen(true)}
      >
        {nextActionAt === undefined ? t('reminder.add') : t('reminder.due', { when: dateTime(nextActionAt, lang) })}
      </button>
    );
  return (
    <div className="sb-next" data-testid="sb-next-action">
      <label>
        <span className={compact ? 'sr-only' : 'sb-next-label'}>{t('reminder.next')}</span>
        <input
          type="datetime-local"
          aria-label={t('reminder.nextOf', { name })}
          data-testid="sb-next-action-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button
        type="button"
        data-testid="sb-next-action-set"
        disabled={action.busy}
        onClick={() => {
          const at = fromLocalInput(value);
          if (at === undefined) return void action.run(() => Promise.reject(new Error(t('reminder.invalid'))));
          void save(at);
        }}
      >
        {t('reminder.set')}
      </button>
      {(nextActionAt !== undefined || compact) && (
        <button type="button" data-testid="sb-next-action-clear" disabled={action.busy} onClick={() => void save(undefined)}>
          {t('reminder.clear')}
        </button>
      )}
      {!compact && (
        <span className={`sb-next-state${overdue ? ' sb-next-overdue' : ''}`} data-testid="sb-next-action-state">
          {nextActionAt === undefined ? t('reminder.none') : `${overdue ? `${t('reminder.overdue')} · ` : ''}${t('reminder.due', { when: dateTime(nextActionAt, lang) })}`}
        </span>
      )}
      <ActionError error={action.error} inline />
    </div>
  );
}
