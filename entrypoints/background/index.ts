import { getDb } from '@/utils/db/database';
import { myOwnerIds, type Settings } from '@/utils/db/settings';
import { openStore } from '@/utils/db/store';
import { isOwnExtension } from '@/utils/messaging/sender';
import { Request, type Envelope, type TabMessage } from '@/utils/messaging/protocol';
import { describeZodError } from '@/utils/schema';
import { SITE_MATCHES } from '@/utils/sites/registry';
import { startReminders } from '@/utils/reminders/background';
import { handlers, type BackgroundServices } from './handlers';
import { PERIODIC_SYNC_MINUTES, SyncScheduler } from '@/utils/sync/scheduler';
import { teamOwnersOf } from '@/utils/sync/team-owners';

const SYNC_ALARM = 'scoutbook-sync';
export const SAVE_COMMAND = 'save-profile';
const ANNOTATED_TABS = Object.values(SITE_MATCHES).flat();

/** Tell every open card that what it shows may have changed. */
async function broadcastChanged(): Promise<void> {
  const message: TabMessage = { type: 'changed' };
  const tabs = await browser.tabs.query({ url: ANNOTATED_TABS });
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, message).catch(() => {}))));
}

export default defineBackground(() => {
  const services = openStore(getDb()).then((store): BackgroundServices => {
    const scheduler = new SyncScheduler(store, () => void broadcastChanged());
    // Changes made offline wait in the outbox; coming back online sends them at once.
    self.addEventListener('online', () => scheduler.online());
    return {
      store,
      changed: () => {
        void broadcastChanged();
        scheduler.afterChange();
      },
      wantIntel: (company) => void scheduler.intel(company),
      saveSettings: async (serverUrl, token, userName) => {
        const settings: Settings = { serverUrl: serverUrl.replace(/\/+$/, ''), token, userName: userName?.trim() || undefined };
        await store.db.meta.put({ key: 'settings', value: settings });
        scheduler.forgetIntelCache();
        void scheduler.run();
      },
      syncNow: () => scheduler.run(),
      teamOwners: async (keys) => {
        const answers = await scheduler.owners(keys);
        return answers ? { configured: true, owners: teamOwnersOf(answers, await myOwnerIds(store.db)) } : { configured: false, owners: [] };
      },
    };
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (e: Envelope<unknown>) => void) => {
    if (!isOwnExtension(sender)) return false;
    const parsed = Request.safeParse(raw);
    if (!parsed.success) {
      console.warn('[scoutbook] dropped a malformed message:', describeZodError(parsed.error));
      sendResponse({ ok: false, error: `malformed request: ${describeZodError(parsed.error)}` });
      return false;
    }
    const request = parsed.data;
    const handler = handlers[request.type] as (r: typeof request, s: BackgroundServices) => Promise<unknown>;
    services
      .then((s) => handler(request, s))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (e: unknown) => sendResponse({ ok: false, error: (e as Error).message ?? String(e) }),
      );
    // Keeps the channel open for the asynchronous answer (works in Chrome and Firefox alike).
    return true;
  });

  // The keyboard shortcut (manifest `commands`): the active tab's content script saves its page.
  browser.commands?.onCommand.addListener((command) => {
    if (command !== SAVE_COMMAND) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      const message: TabMessage = { type: 'saveCurrent' };
      if (tab?.id !== undefined) return browser.tabs.sendMessage(tab.id, message).catch(() => {});
    });
  });

  startReminders(getDb());
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: PERIODIC_SYNC_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void services.then((s) => s.syncNow());
  });
});
