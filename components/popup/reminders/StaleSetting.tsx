import { useState } from 'react';
import { writeFromPage } from '@/utils/db/page-writes';
import { saveReminderSettings } from '@/utils/reminders/settings';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { useStaleAfterDays } from './useReminderSettings';

/** "Mark entries stale after [14] days without activity". A setting of this device (not synced). */
export function StaleSetting() {
  const { t } = useI18n();
  const days = useStaleAfterDays();
  const [value, setValue] = useState(String(days));
  const [shown, setShown] = useState(days);
  const action = useAction();
  // The setting changed elsewhere (or finished loading): show the stored value.
  if (shown !== days) {
    setShown(days);
    setValue(String(days));
  }
  const save = () => {
    if (value === String(days)) return;
    // Not synced (a setting of this device); saveReminderSettings refuses a bad value and writes nothing.
    void action.run(() => writeFromPage((store) => saveReminderSettings(store.db, { staleAfterDays: Number(value) })), t('reminder.saved'));
  };
  return (
    <form
      className="sb-stale-setting"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>
        {t('reminder.staleSetting')}{' '}
        <input
          type="number"
          min={1}
          max={365}
          step={1}
          data-testid="sb-stale-days"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onBlur={save}
        />{' '}
        {t('reminder.days')}
      </label>
      <span aria-live="polite" className={action.error ? 'error' : 'sb-saved'}>
        {action.error ?? action.done ?? ''}
      </span>
    </form>
  );
}
