import { liveQuery } from 'dexie';
import type { ScoutbookDb } from '../db/database';
import { popupTranslator } from '../i18n/popup';
import { browserLanguage, type Language } from '../i18n/translate';
import { loadPrefs } from '../prefs/prefs';
import { describeEntries } from './due-list';
import { REMINDER_ICON } from './icon';
import { personLink, DUE_LINK } from './links';

export const REMINDER_ALARM = 'scoutbook-reminder';
/** Next actions up to this time have been notified (meta table). */
export const CHECKED_UP_TO_KEY = 'reminders.checkedUpTo';
const ENTRY_NOTIFICATION = 'scoutbook-reminder:';
export const SUMMARY_NOTIFICATION = 'scoutbook-reminders-summary';
/** More follow-ups falling due at once than this are summed up in one notification. */
const MAX_SINGLE_NOTIFICATIONS = 3;
/** chrome.alarms fires no sooner than this after being set (1 s unpacked; 30 s once packed). */
const MIN_ALARM_DELAY_MS = 1000;

type ReminderApi = Pick<typeof browser, 'alarms' | 'notifications' | 'tabs' | 'runtime'>;

export function entryNotificationId(entryId: string): string {
  return ENTRY_NOTIFICATION + entryId;
}

async function notificationLanguage(): Promise<Language> {
  try {
    return (await loadPrefs()).language ?? browserLanguage();
  } catch {
    return browserLanguage();
  }
}

/**
 * Reminders, run by the background: one chrome.alarms alarm at the earliest next action not yet
 * notified, a notification per entry when it falls due, and a click that opens the app on that
 * person. A live query keeps the alarm right whoever changes an entry (the popup, the card, sync).
 */
export class ReminderService {
  constructor(
    private readonly db: ScoutbookDb,
    private readonly api: ReminderApi = browser,
    private readonly now: () => number = Date.now,
    private readonly language: () => Promise<Language> = notificationLanguage,
  ) {}

  private async checkedUpTo(): Promise<number | undefined> {
    const value = (await this.db.meta.get(CHECKED_UP_TO_KEY))?.value;
    return typeof value === 'number' ? value : undefined;
  }

  /** The earliest live next action after the last check, if any. */
  async nextDue(): Promise<number | undefined> {
    const since = (await this.checkedUpTo()) ?? this.now();
    const first = await this.db.entries
      .where('nextActionAt')
      .above(since)
      .filter((e) => !e.deleted)
      .first();
    return first?.nextActionAt;
  }

  async schedule(at: number | undefined): Promise<void> {
    if (at === undefined) await this.api.alarms.clear(REMINDER_ALARM);
    else await this.api.alarms.create(REMINDER_ALARM, { when: Math.max(at, this.now() + MIN_ALARM_DELAY_MS) });
  }

  /**
   * Notify every entry that fell due since the last check (also those that fell due while the
   * browser was closed). The check and the new mark are one transaction, so two overlapping runs
   * never notify the same entry twice. The very first run only sets the mark.
   */
  async fire(): Promise<string[]> {
    const { db } = this;
    const due = await db.transaction('rw', db.entries, db.meta, async () => {
      const now = this.now();
      const since = await this.checkedUpTo();
      await db.meta.put({ key: CHECKED_UP_TO_KEY, value: now });
      if (since === undefined || since >= now) return [];
      const rows = await db.entries.where('nextActionAt').between(since, now, false, true).toArray();
      return rows.filter((e) => !e.deleted);
    });
    if (!due.length) return [];
    const items = (await describeEntries(db, due)).sort((a, b) => a.entry.nextActionAt! - b.entry.nextActionAt!);
    const t = popupTranslator(await this.language());
    const ids: string[] = [];
    for (const item of items.slice(0, MAX_SINGLE_NOTIFICATIONS)) {
      const id = entryNotificationId(item.entry.id);
      await this.api.notifications.create(id, {
        type: 'basic',
        iconUrl: REMINDER_ICON,
        title: t('reminder.notify.title', { name: (item.person ?? item.company)!.name }),
        message: t('reminder.notify.message', { pipeline: item.pipeline.name, stage: item.stageName }),
      });
      ids.push(id);
    }
    const rest = items.length - MAX_SINGLE_NOTIFICATIONS;
    if (rest > 0) {
      await this.api.notifications.create(SUMMARY_NOTIFICATION, {
        type: 'basic',
        iconUrl: REMINDER_ICON,
        title: t('reminder.notify.summaryTitle', { count: rest }),
        message: t('reminder.notify.summaryMessage'),
      });
      ids.push(SUMMARY_NOTIFICATION);
    }
    return ids;
  }

  /** A click on a notification opens the app in a tab, on that person (or on the due list). */
  async open(notificationId: string): Promise<void> {
    let path: string | undefined;
    if (notificationId === SUMMARY_NOTIFICATION) path = DUE_LINK;
    else if (notificationId.startsWith(ENTRY_NOTIFICATION)) {
      const entry = await this.db.entries.get(notificationId.slice(ENTRY_NOTIFICATION.length));
      path = entry ? personLink(entry) : DUE_LINK;
    }
    if (!path) return;
    await this.api.tabs.create({ url: this.api.runtime.getURL(path as '/popup.html') });
    await this.api.notifications.clear(notificationId);
  }

  /**
   * Wire the listeners (synchronously, so that an alarm or a click wakes the service worker into
   * them), catch up with what fell due while the browser was closed, then follow the database.
   */
  start(): { stop(): void } {
    const fail = (e: unknown) => console.warn('[scoutbook] reminders:', e);
    const onAlarm = (alarm: { name: string }) => {
      if (alarm.name !== REMINDER_ALARM) return;
      // Re-armed from the database whatever happened: an alarm that went off a little early must come back.
      void this.fire()
        .catch(fail)
        .then(() => this.nextDue())
        .then((at) => this.schedule(at))
        .catch(fail);
    };
    const onClicked = (id: string) => void this.open(id).catch(fail);
    this.api.alarms.onAlarm.addListener(onAlarm);
    this.api.notifications?.onClicked.addListener(onClicked);
    let subscription: { unsubscribe(): void } | undefined;
    let stopped = false;
    void this.fire()
      .catch(fail)
      .finally(() => {
        if (stopped) return;
        let scheduled: number | undefined | null = null;
        subscription = liveQuery(() => this.nextDue()).subscribe({
          // Most changes (a stage move, a note) leave the earliest next action where it was.
          next: (at) => {
            if (at === scheduled) return;
            scheduled = at;
            void this.schedule(at).catch(fail);
          },
          error: fail,
        });
      });
    return {
      stop: () => {
        stopped = true;
        subscription?.unsubscribe();
        this.api.alarms.onAlarm.removeListener(onAlarm);
        this.api.notifications?.onClicked.removeListener(onClicked);
      },
    };
  }
}

/** The background's one line: reminders for this database. */
export function startReminders(db: ScoutbookDb): void {
  new ReminderService(db).start();
}
