import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers, type BackgroundServices } from '@/entrypoints/background/handlers';
import { savePerson, setStage } from '@/utils/db/actions';
import { getDb } from '@/utils/db/database';
import { openStore, type Store } from '@/utils/db/store';
import { Request, type ResponseOf } from '@/utils/messaging/protocol';
import { describeZodError } from '@/utils/schema';
import { closeAllSheets, openSheet, type SheetRequest } from '@/components/popup/detail/sheet-stack';
import { SheetHost } from '@/components/popup/detail/SheetHost';
import { I18nProvider } from '@/components/popup/i18n/I18nProvider';
import { saveLanguageChoice } from '@/components/popup/i18n/language';
import type { ReactNode } from 'react';

/**
 * The real background handlers answering the page's messages (parsed with the real protocol), over
 * the same database the page reads: a view's writes go the way they go in the extension.
 */
function answerWithTheRealBackground(store: () => Store): void {
  const services: BackgroundServices = {
    store: undefined as unknown as Store,
    changed: () => {},
    wantIntel: () => {},
    saveSettings: async () => {},
    syncNow: async () => ({ configured: false, lastSyncAt: null, lastError: null, pending: 0, nextRetryAt: null }) as ResponseOf<'syncNow'>,
    teamOwners: async () => ({ configured: false, owners: [] }),
  };
  fakeBrowser.runtime.onMessage.addListener((raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const parsed = Request.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, error: `malformed request: ${describeZodError(parsed.error)}` });
      return false;
    }
    const handler = handlers[parsed.data.type] as (r: unknown, s: BackgroundServices) => Promise<unknown>;
    handler(parsed.data, { ...services, store: store() }).then(
      (value) => sendResponse({ ok: true, value }),
      (e: unknown) => sendResponse({ ok: false, error: (e as Error).message }),
    );
    return true;
  });
}

/** A fresh extension database per test (the one getDb() opens), the default pipelines, and a background. */
export function useExtensionDatabase(userName = 'Li Wei'): { store: () => Store } {
  let store: Store | undefined;
  beforeEach(async () => {
    fakeBrowser.reset();
    localStorage.clear();
    await saveLanguageChoice('en');
    const db = getDb();
    await db.delete();
    await db.open();
    store = await openStore(db, Date.now, 'background');
    if (userName) await db.meta.put({ key: 'settings', value: { serverUrl: '', token: '', userName } });
    answerWithTheRealBackground(() => store!);
  });
  afterEach(() => {
    act(() => closeAllSheets());
    cleanup();
  });
  return { store: () => store! };
}

/** Save a person as the card does, optionally at a stage. Returns their id and their entry's. */
export async function savedPerson(
  store: Store,
  p: { name: string; slug: string; headline?: string; company?: string; companyKey?: string },
  stage?: { pipelineId: string; stageId: string },
): Promise<{ personId: string; entryId?: string }> {
  const personId = await savePerson(
    store,
    { kind: 'person', key: `linkedin:in/${p.slug}`, url: `https://www.linkedin.com/in/${p.slug}/` },
    { name: p.name, headline: p.headline, companyName: p.company, companyKey: p.companyKey },
  );
  const entryId = stage ? await setStage(store, { personId }, stage.pipelineId, stage.stageId) : undefined;
  return { personId, entryId };
}

export function inI18n(children: ReactNode) {
  return render(<I18nProvider>{children}</I18nProvider>);
}

/** The sheet host, as the app renders it, with one view opened. */
export function renderSheet(request: SheetRequest) {
  const view = inI18n(<SheetHost />);
  act(() => openSheet(request));
  return view;
}
