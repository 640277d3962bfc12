import { loadSettings } from '@/utils/db/settings';
import { metaValue, type Store } from '@/utils/db/store';
import type { SyncStatus } from '@/utils/messaging/protocol';
import { refreshIntel, syncOnce, type SyncSettings } from '@/utils/sync/client';

const AFTER_CHANGE_MS = 1500;
export const PERIODIC_SYNC_MINUTES = 5;
const INTEL_FRESH_MS = 10 * 60 * 1000;

/** The sync API settings, when both URL and token are set. */
async function syncSettings(store: Store): Promise<SyncSettings | undefined> {
  const s = await loadSettings(store.db);
  return s?.serverUrl && s.token ? s : undefined;
}

/**
 * Runs sync after local changes (debounced), on a periodic alarm and on demand; one run at a time.
 * With no server configured it does nothing: every feature but team sharing works offline.
 */
export class SyncScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<SyncStatus> | undefined;
  private readonly intelFetchedAt = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly onRemoteChange: () => void,
  ) {}

  afterChange(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), AFTER_CHANGE_MS);
  }

  run(): Promise<SyncStatus> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  async status(): Promise<SyncStatus> {
    const state = (await metaValue<{ lastSyncAt: number | null; lastError: string | null }>(this.store.db, 'syncState')) ?? {
      lastSyncAt: null,
      lastError: null,
    };
    return { configured: !!(await syncSettings(this.store)), pending: await this.store.db.outbox.count(), ...state };
  }

  private async runOnce(): Promise<SyncStatus> {
    const settings = await syncSettings(this.store);
    if (!settings) return this.status();
    const previous = await metaValue<{ lastSyncAt: number | null }>(this.store.db, 'syncState');
    try {
      const { pulled } = await syncOnce(this.store, settings);
      await this.store.db.meta.put({ key: 'syncState', value: { lastSyncAt: Date.now(), lastError: null } });
      if (pulled > 0) this.onRemoteChange();
    } catch (e) {
      const lastError = (e as Error).message;
      console.warn('[scoutbook] sync failed:', lastError);
      await this.store.db.meta.put({ key: 'syncState', value: { lastSyncAt: previous?.lastSyncAt ?? null, lastError } });
    }
    return this.status();
  }

  /** Fetch a company's intel at most every few minutes; the card shows the cached items meanwhile. */
  async intel(company: { key?: string; name?: string }): Promise<void> {
    const id = `${company.key ?? ''}|${company.name?.toLowerCase() ?? ''}`;
    if (Date.now() - (this.intelFetchedAt.get(id) ?? 0) < INTEL_FRESH_MS) return;
    const settings = await syncSettings(this.store);
    if (!settings) return;
    this.intelFetchedAt.set(id, Date.now());
    try {
      if (await refreshIntel(this.store, settings, company)) this.onRemoteChange();
    } catch (e) {
      this.intelFetchedAt.delete(id);
      console.warn('[scoutbook] intel fetch failed:', (e as Error).message);
    }
  }

  forgetIntelCache(): void {
    this.intelFetchedAt.clear();
  }
}
