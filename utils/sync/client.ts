import { z } from 'zod';
import { applyRemoteRecords } from '../db/local-change';
import { metaValue, type Store } from '../db/store';
import { describeZodError, IntelItem } from '../schema';
import { MAX_PUSH_BATCH, PullResponse, PushResponse } from './protocol';

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

async function call<T>(
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

/** Push every queued change in bounded batches, then pull everything newer than our cursor. */
export async function syncOnce(
  store: Store,
  settings: SyncSettings,
  fetchFn: Fetch = fetch,
): Promise<{ pushed: number; pulled: number }> {
  let pushed = 0;
  for (;;) {
    const batch = await store.db.outbox.orderBy('seq').limit(MAX_PUSH_BATCH).toArray();
    if (batch.length === 0) break;
    const mutations = batch.map(({ seq: _seq, ...m }) => m);
    await call(settings, fetchFn, 'v1/sync/push', PushResponse, { clientId: store.clientId, mutations });
    // Removed only after the server acknowledged them; a retry after a failure is applied once (mutation ids).
    await store.db.outbox.bulkDelete(batch.map((b) => b.seq!));
    pushed += batch.length;
  }
  let pulled = 0;
  let cursor = (await metaValue<number>(store.db, 'syncCursor')) ?? 0;
  for (;;) {
    const page = await call(settings, fetchFn, `v1/sync/pull?cursor=${cursor}`, PullResponse);
    pulled += await applyRemoteRecords(store.db, store.clock, page.records);
    cursor = page.cursor;
    await store.db.meta.put({ key: 'syncCursor', value: cursor });
    if (!page.hasMore) break;
  }
  return { pushed, pulled };
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
