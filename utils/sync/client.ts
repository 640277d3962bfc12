import { z } from 'zod';
import { applyPulledPage, preparePulledPage } from '../db/local-change';
import { loadSettings, saveIdentity, teamIdentity } from '../db/settings';
import { metaValue, type Store } from '../db/store';
import { describeZodError, IntelItem } from '../schema';
import { acknowledge, nextPushBatch } from './outbox';
import { addTeamAlerts, fromServer, loadTeamAlerts, resetTeamAlerts } from './team-alerts';
import { AlertsResponse, MAX_PULL_LIMIT, MAX_PUSH_BATCH, MeResponse, OwnersResponse, PulledPage, PushResponse, type KeyOwners } from './protocol';

export interface SyncSettings {
  serverUrl: string;
  token: string;
}

export class SyncError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

type Fetch = typeof fetch;

export async function call<T>(
  settings: SyncSettings,
  fetchFn: Fetch,
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<T> {
  const url = new URL(path, settings.serverUrl.endsWith('/') ? settings.serverUrl : `${settings.serverUrl}/`);
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${settings.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new SyncError(`cannot reach the sync server at ${url.origin}: ${(e as Error).message}`);
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const message = (json as { error?: { message?: string } } | undefined)?.error?.message ?? res.statusText;
    throw new SyncError(`sync server answered ${res.status}: ${message}`, res.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncError(`unexpected answer from the sync server: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** Pages of alerts read per sync (200 each); the rest waits for the next sync. */
const ALERT_PAGES = 5;

/**
 * Learn who this user is in the team (GET /v1/me), once per server and token: the e-mail becomes
 * the owner id of new entries and the "who" of stage history, so that teammates' ownership matches.
 */
async function learnIdentity(store: Store, settings: SyncSettings, fetchFn: Fetch): Promise<void> {
  const saved = await loadSettings(store.db);
  if (!saved || saved.serverUrl !== settings.serverUrl || saved.token !== settings.token || teamIdentity(saved)) return;
  const me = await fetchMe(settings, fetchFn);
  await resetTeamAlerts(store.db);
  await saveIdentity(store.db, { email: me.user.email, team: me.team, role: me.user.role, serverUrl: settings.serverUrl }, settings.token);
}

/** New alerts since the last sync. A failure here is logged: it does not fail the sync. */
async function pullAlerts(store: Store, settings: SyncSettings, fetchFn: Fetch): Promise<number> {
  let added = 0;
  try {
    let { cursor } = await loadTeamAlerts(store.db);
    for (let page = 0; page < ALERT_PAGES; page++) {
      const answer = await fetchAlerts(settings, cursor, fetchFn);
      if (answer.alerts.length) await addTeamAlerts(store.db, answer.alerts.map(fromServer), answer.cursor);
      added += answer.alerts.length;
      cursor = answer.cursor;
      if (!answer.hasMore) break;
    }
  } catch (e) {
    console.warn('[scoutbook] alerts fetch failed:', (e as Error).message);
  }
  return added;
}

/** Push every queued change in bounded batches; each batch leaves the outbox once acknowledged. */
async function pushQueued(store: Store, settings: SyncSettings, fetchFn: Fetch): Promise<number> {
  let pushed = 0;
  for (;;) {
    const batch = await nextPushBatch(store.db, MAX_PUSH_BATCH);
    if (batch.mutations.length === 0) return pushed;
    await call(settings, fetchFn, 'v1/sync/push', PushResponse, { clientId: store.clientId, mutations: batch.mutations });
    // Removed only after the server acknowledged them; a retry after a failure is applied once (mutation ids).
    await acknowledge(store.db, batch);
    pushed += batch.mutations.length;
  }
}

/** Pull everything newer than our cursor, page by page. Returns how many records changed something. */
async function pullNew(store: Store, settings: SyncSettings, fetchFn: Fetch): Promise<number> {
  let pulled = 0;
  const stored = await metaValue<number>(store.db, 'syncCursor');
  const fetchPage = (after: number) => {
    const page = call(settings, fetchFn, `v1/sync/pull?cursor=${after}&limit=${MAX_PULL_LIMIT}`, PulledPage);
    page.catch(() => {}); // awaited below, or abandoned when applying an earlier page failed
    return page;
  };
  // Three things overlap: the next page is fetched, and the one after it checked (its records
  // validated as new ones), while this page is written to IndexedDB. Pages are written strictly in
  // order, and each checks in its own transaction that the cursor is where the page before left it
  // (CursorMove): a page never commits without its cursor, out of order, or after one that failed.
  let next = fetchPage(stored ?? 0);
  let from: number | undefined = stored;
  let writing: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const page = await next;
      if (page.hasMore) next = fetchPage(page.cursor);
      const prepared = preparePulledPage(store.clock, page.records);
      await writing;
      writing = applyPulledPage(store.db, prepared, { key: 'syncCursor', from, to: page.cursor }).then((changed) => {
        pulled += changed;
      });
      writing.catch(() => {}); // awaited before the next write, or below
      from = page.cursor;
      if (!page.hasMore) break;
    }
  } finally {
    // A failed fetch must not leave a write unwatched; a failed write fails the sync either way.
    await writing;
  }
  return pulled;
}

/**
 * Learn this user's identity when new, then push every queued change and pull everything newer
 * than our cursor, while new alerts are fetched alongside.
 */
export async function syncOnce(
  store: Store,
  settings: SyncSettings,
  fetchFn: Fetch = fetch,
): Promise<{ pushed: number; pulled: number; alerts: number }> {
  await learnIdentity(store, settings, fetchFn);
  // Alerts have their own cursor and never fail the sync, so they need not wait for the records: a
  // first sync of 100,000 records would otherwise end one more round trip after its last page.
  const alerts = pullAlerts(store, settings, fetchFn);
  try {
    const pushed = await pushQueued(store, settings, fetchFn);
    const pulled = await pullNew(store, settings, fetchFn);
    return { pushed, pulled, alerts: await alerts };
  } finally {
    await alerts; // a failed push or pull still lets the alerts' write finish before the sync ends
  }
}

const IntelResponse = z.object({ items: z.array(IntelItem) });

/** Refresh the cached intel of one company. Returns true when something new arrived. */
export async function refreshIntel(
  store: Store,
  settings: SyncSettings,
  company: { key?: string; name?: string },
  fetchFn: Fetch = fetch,
): Promise<boolean> {
  const query = new URLSearchParams();
  if (company.key) query.set('companyKey', company.key);
  if (company.name) query.set('companyName', company.name);
  if ([...query.keys()].length === 0) return false;
  const { items } = await call(settings, fetchFn, `v1/intel?${query}`, IntelResponse);
  const known = new Set((await store.db.intel.bulkGet(items.map((i) => i.id))).filter(Boolean).map((i) => i!.id));
  const fetchedAt = Date.now();
  await store.db.intel.bulkPut(items.map((i) => ({ ...i, companyNameLower: i.companyName.toLowerCase(), fetchedAt })));
  return items.some((i) => !known.has(i.id));
}

/** Who the token acts for: its e-mail is this user's owner id in the team. */
export function fetchMe(settings: SyncSettings, fetchFn: Fetch = fetch): Promise<MeResponse> {
  return call(settings, fetchFn, 'v1/me', MeResponse);
}

/** The team's people and pipeline entries under these profile keys (GET /v1/owners). */
export async function fetchOwners(settings: SyncSettings, keys: readonly string[], fetchFn: Fetch = fetch): Promise<KeyOwners[]> {
  if (keys.length === 0) return [];
  const query = new URLSearchParams({ keys: keys.join(',') });
  return (await call(settings, fetchFn, `v1/owners?${query}`, OwnersResponse)).owners;
}

/** One page of this user's alerts after `since` (GET /v1/alerts). */
export function fetchAlerts(settings: SyncSettings, since: number, fetchFn: Fetch = fetch): Promise<AlertsResponse> {
  return call(settings, fetchFn, `v1/alerts?since=${since}&limit=200`, AlertsResponse);
}
