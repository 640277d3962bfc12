// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncFooter } from '@/components/popup/SyncFooter';
import { I18nProvider } from '@/components/popup/i18n/I18nProvider';
import { saveLanguageChoice } from '@/components/popup/i18n/language';
import { getDb } from '@/utils/db/database';
import { applyLocalChanges } from '@/utils/db/local-change';
import { openStore, type Store } from '@/utils/db/store';
import { ulid } from 'ulidx';

let store: Store;
beforeEach(async () => {
  localStorage.clear();
  await saveLanguageChoice('en');
  const db = getDb();
  await db.delete();
  await db.open();
  store = await openStore(db);
  await db.outbox.clear();
  await db.meta.put({ key: 'settings', value: { serverUrl: 'http://sync.test', token: 'sb_x' } });
  await db.meta.put({ key: 'syncState', value: { lastSyncAt: null, lastError: null } });
});
afterEach(() => cleanup());

describe('the popup footer', () => {
  it('counts pending changes, not outbox rows: one import batch of 250 people is 250 pending', async () => {
    render(
      <I18nProvider>
        <SyncFooter />
      </I18nProvider>,
    );
    const footer = await screen.findByTestId('sb-sync-state');
    expect(footer.textContent).not.toMatch(/pending/);
    await act(() =>
      applyLocalChanges(
        store.db,
        store.clock,
        Array.from({ length: 250 }, (_, i) => ({ entity: 'person' as const, id: ulid(), fresh: true, fields: { name: `P${i}`, createdAt: 1, deleted: false } })),
      ),
    );
    expect(await store.db.outbox.count()).toBe(2);
    await waitFor(() => expect(screen.getByTestId('sb-sync-state').textContent).toMatch(/250 pending/));
  });
});
