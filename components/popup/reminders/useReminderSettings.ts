import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '@/utils/db/database';
import { DEFAULT_STALE_AFTER_DAYS } from '@/utils/reminders/defaults';
import type * as Settings from '@/utils/reminders/settings';

/** Loaded on demand: the settings' zod schema is not needed for the popup's first paint. */
let loaded: typeof Settings | undefined;
const loadSettings = () => import('@/utils/reminders/settings').then((m) => (loaded = m));

/** Days without activity after which an open entry shows as stale (a setting, live). */
export function useStaleAfterDays(): number {
  const [settings, setSettings] = useState(loaded);
  useEffect(() => {
    if (!settings) void loadSettings().then(setSettings);
  }, [settings]);
  return (
    useLiveQuery(
      async () => settings && settings.parseReminderSettings((await getDb().meta.get(settings.REMINDER_SETTINGS_KEY))?.value).staleAfterDays,
      [settings],
    ) ?? DEFAULT_STALE_AFTER_DAYS
  );
}
