import { loadSettings, type Settings } from '../db/settings';
import { metaValue, type Store } from '../db/store';
import type { SyncStatus } from '../messaging/protocol';
import { fetchOwners, refreshIntel, syncOnce } from './client';
import { pendingMutations } from './outbox';
import type { KeyOwners } from './protocol';

const AFTER_CHANGE_MS = 1500;
export const PERIODIC_SYNC_MINUTES = 5;
const INTEL_FRESH_MS = 10 * 60 * 1000;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;
/** How long the team's ownership of a profile is reused before the server is asked again (a card re-renders often). */
const OWNERS_FRESH_MS = 10_000;

/**
 * How long to wait after the n-th failure in a row: doubling from 5 s up to 5 min, with jitter so
 * that a team's browsers do not all retry an overloaded server at the same moment.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base / 2 + (random() * base) / 2);
}

export interface SchedulerDeps {
  sync: (store: Store, settings: Settings, fetchFn: typeof fetch) => Promise<{ pushed: number; pulled: number; alerts?: number }>;
  now: () => number;
  random: () => number;
  fetch: typeof fetch;
}

/** The sync API settings, when both URL and token are set. */
async function syncSettings(store: Store): Promise<Settings | undefined> {
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
  private readonly ownersByKey = new Map<string, { at: number; owners: KeyOwners }>();
  private failures = 0;
  private retryAt: number | undefined;
  private readonly deps: SchedulerDeps;

  constructor(
    private readonly store: Store,
    private readonly onRemoteChange: () => void,
    deps: Partial<SchedulerDeps> = {},
  ) {
    this.deps = { sync: syncOnce, now: Date.now, random: Math.random, fetch: (...args) => fetch(...args), ...deps };
  }

  /** A local change: sync soon, unless we are backing off (the queued change goes with the retry). */
  afterChange(): void {
    if (this.retryAt !== undefined) return;
    this.schedule(AFTER_CHANGE_MS);
  }

  /** The browser is back online: try now rather than at the end of the back-off. */
  online(): void {
    this.retryAt = undefined;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
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
    return {
      configured: !!(await syncSettings(this.store)),
      pending: await pendingMutations(this.store.db),
      ...state,
      nextRetryAt: this.retryAt ?? null,
    };
  }

  private async runOnce(): Promise<SyncStatus> {
    const settings = await syncSettings(this.store);
    if (!settings) return this.status();
    const previous = await metaValue<{ lastSyncAt: number | null }>(this.store.db, 'syncState');
    try {
      const { pulled } = await this.deps.sync(this.store, settings, this.deps.fetch);
      if (pulled > 0) this.ownersByKey.clear();
      this.failures = 0;
      this.retryAt = undefined;
      await this.store.db.meta.put({ key: 'syncState', value: { lastSyncAt: this.deps.now(), lastError: null } });
      if (pulled > 0) this.onRemoteChange();
    } catch (e) {
      const lastError = (e as Error).message;
      this.failures++;
      const delay = backoffDelay(this.failures, this.deps.random);
      this.retryAt = this.deps.now() + delay;
      this.schedule(delay);
      console.warn(`[scoutbook] sync failed (retrying in ${Math.round(delay / 1000)} s):`, lastError);
      await this.store.db.meta.put({ key: 'syncState', value: { lastSyncAt: previous?.lastSyncAt ?? null, lastError } });
    }
    return this.status();
  }

  /**
   * The team's view of these profile keys (GET /v1/owners), cached for a few seconds per key; undefined
   * when no server is configured. The card asks after its first paint: never on its critical path.
   */
  async owners(keys: readonly string[]): Promise<KeyOwners[] | undefined> {
    const settings = await syncSettings(this.store);
    if (!settings) return undefined;
    const now = this.deps.now();
    const missing = keys.filter((k) => now - (this.ownersByKey.get(k)?.at ?? -Infinity) >= OWNERS_FRESH_MS);
    if (missing.length) {
      for (const answer of await fetchOwners(settings, missing, this.deps.fetch)) this.ownersByKey.set(answer.key, { at: now, owners: answer });
    }
    return keys.map((k) => this.ownersByKey.get(k)?.owners).filter((o): o is KeyOwners => o !== undefined);
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

  /** The settings changed: what was fetched with the old ones no longer holds. */
  forgetIntelCache(): void {
    this.intelFetchedAt.clear();
    this.ownersByKey.clear();
  }
}
