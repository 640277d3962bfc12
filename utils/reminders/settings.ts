import { z } from 'zod';
import type { ScoutbookDb } from '../db/database';
import { describeZodError } from '../schema';
import { DEFAULT_STALE_AFTER_DAYS } from './defaults';

export { DEFAULT_STALE_AFTER_DAYS };

/** Kept in the database's meta table: this device's, not synced, read by live queries in the popup. */
export const ReminderSettings = z.object({
  /** An open entry with no activity for more than this many days is marked stale. */
  staleAfterDays: z.number().int('whole days only').min(1, 'at least 1 day').max(365, 'at most 365 days').default(DEFAULT_STALE_AFTER_DAYS),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const REMINDER_SETTINGS_KEY = 'reminderSettings';

export class InvalidSettingError extends Error {}

/** The stored settings; a malformed value falls back to the defaults rather than breaking the board. */
export function parseReminderSettings(raw: unknown): ReminderSettings {
  const parsed = ReminderSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ReminderSettings.parse({});
}

export async function loadReminderSettings(db: ScoutbookDb): Promise<ReminderSettings> {
  return parseReminderSettings((await db.meta.get(REMINDER_SETTINGS_KEY))?.value);
}

/** Checked first: a bad value is refused with a reason and nothing is written. */
export async function saveReminderSettings(db: ScoutbookDb, change: Partial<ReminderSettings>): Promise<ReminderSettings> {
  return db.transaction('rw', db.meta, async () => {
    const parsed = ReminderSettings.safeParse({ ...(await loadReminderSettings(db)), ...change });
    if (!parsed.success) throw new InvalidSettingError(describeZodError(parsed.error));
    await db.meta.put({ key: REMINDER_SETTINGS_KEY, value: parsed.data });
    return parsed.data;
  });
}
