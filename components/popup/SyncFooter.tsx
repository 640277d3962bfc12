import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import { relativeTime } from '@/utils/format/relative-time';

/** Where sync stands: not set up, last sync, pending changes, last error. */
export function SyncFooter() {
  const state = useLiveQuery(async () => {
    const db = getDb();
    const [settings, sync, pending] = await Promise.all([db.meta.get('settings'), db.meta.get('syncState'), db.outbox.count()]);
    return {
      configured: !!(settings?.value as { serverUrl?: string } | undefined)?.serverUrl,
      sync: sync?.value as { lastSyncAt: number | null; lastError: string | null } | undefined,
      pending,
    };
  });
  if (!state) return null;
  const text = !state.configured
    ? 'Local only. Team sync can be set up in Options.'
    : state.sync?.lastError
      ? `Sync error: ${state.sync.lastError}`
      : state.sync?.lastSyncAt
        ? `Synced ${relativeTime(state.sync.lastSyncAt)}${state.pending ? ` · ${state.pending} pending` : ''}`
        : `Not synced yet${state.pending ? ` · ${state.pending} pending` : ''}`;
  return (
    <footer className={`sync${state.sync?.lastError ? ' sync-error' : ''}`} data-testid="sb-sync-state">
      {text}
    </footer>
  );
}
