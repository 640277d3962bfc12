import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import { DEFAULT_STALE_AFTER_DAYS, REMINDER_SETTINGS_KEY, parseReminderSettings } from '@/utils/reminders/settings';

/** Days without activity after which an open entry shows as stale (a setting, live). */
export function useStaleAfterDays(): number {
  return useLiveQuery(async () => parseReminderSettings((await getDb().meta.get(REMINDER_SETTINGS_KEY))?.value).staleAfterDays, []) ?? DEFAULT_STALE_AFTER_DAYS;
}
