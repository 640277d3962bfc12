import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import { relativeTime } from '@/utils/format/relative-time';
import { pendingMutations } from '@/utils/sync/outbox';
import { useI18n } from './i18n/I18nProvider';

/** Where sync stands: not set up, last sync, pending changes, last error. */
export function SyncFooter() {
  const { t, lang } = useI18n();
  const state = useLiveQuery(async () => {
    const db = getDb();
    const [settings, sync, pending] = await Promise.all([db.meta.get('settings'), db.meta.get('syncState'), pendingMutations(db)]);
    return {
      configured: !!(settings?.value as { serverUrl?: string } | undefined)?.serverUrl,
      sync: sync?.value as { lastSyncAt: number | null; lastError: string | null } | undefined,
      pending,
    };
  });
  if (!state) return null;
  const pending = state.pending ? ` · ${t('sync.pending', { count: state.pending })}` : '';
  const text = !state.configured
    ? t('sync.localOnly')
    : state.sync?.lastError
      ? t('sync.error', { reason: state.sync.lastError })
      : state.sync?.lastSyncAt
        ? t('sync.synced', { when: relativeTime(state.sync.lastSyncAt, lang) }) + pending
        : t('sync.notYet') + pending;
  return (
    <footer className={`sync${state.sync?.lastError ? ' sync-error' : ''}`} data-testid="sb-sync-state">
      {text}
    </footer>
  );
}
