import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { moveEntry, savePerson, setStage, setStatus, setTags } from '@/utils/db/actions';
import { getDb } from '@/utils/db/database';
import { openStore, type Store } from '@/utils/db/store';
import type { PersonStatus } from '@/utils/schema';
import { App } from '@/components/popup/App';
import { I18nProvider } from '@/components/popup/i18n/I18nProvider';
import { saveLanguageChoice, type LanguageChoice } from '@/components/popup/i18n/language';
import type { ReactNode } from 'react';

export { RECRUITING, REFERRAL, SALES } from '../pipelines/store-fixture';

/**
 * Component tests run in happy-dom, which lays nothing out: give scroll containers a popup-sized
 * box and list rows a height, so the virtualised lists render what a 600 px popup would.
 */
export function layOutLikeAPopup(): void {
  for (const [prop, size] of [['clientHeight', 600], ['clientWidth', 480], ['offsetHeight', 600], ['offsetWidth', 480]] as const)
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => size });
  const rect = HTMLElement.prototype.getBoundingClientRect;
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    if (this.tagName === 'LI') return { x: 0, y: 0, top: 0, left: 0, bottom: 86, right: 480, width: 480, height: 86, toJSON: () => ({}) } as DOMRect;
    return rect.call(this);
  };
}

/** The background, as far as extension pages need it: it hears of page writes and moves entries. */
function answerLikeTheBackground(store: () => Store): void {
  const answer = async (message: { type: string; entryId?: string; stageId?: string }) => {
    if (message.type === 'localChanges') return { ok: true, value: { noted: true } };
    if (message.type === 'moveEntry') return { ok: true, value: { entryId: await moveEntry(store(), message.entryId!, message.stageId!) } };
    return { ok: false, error: `not answered in tests: ${message.type}` };
  };
  // As the real background does: sendResponse, and `true` to keep the channel open.
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    void answer(message as { type: string }).then(sendResponse);
    return true;
  });
}

/** A fresh extension database (the one getDb() opens) with the default pipelines, per test. */
export function usePopupDatabase(): { store: () => Store } {
  let store: Store | undefined;
  beforeEach(async () => {
    fakeBrowser.reset();
    localStorage.clear();
    const db = getDb();
    await db.delete();
    await db.open();
    store = await openStore(db, Date.now, 'background');
    answerLikeTheBackground(() => store!);
  });
  afterEach(() => cleanup());
  return { store: () => store! };
}

export interface Someone {
  name: string;
  slug: string;
  headline?: string;
  company?: string;
  tags?: string[];
  status?: PersonStatus;
  stage?: { pipelineId: string; stageId: string };
}

/** Save people as the card does, then tag them and put them in pipelines. */
export async function savePeople(store: Store, people: Someone[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const p of people) {
    const url = `https://www.linkedin.com/in/${p.slug}/`;
    const id = await savePerson(store, { kind: 'person', key: `linkedin:in/${p.slug}`, url }, { name: p.name, headline: p.headline, companyName: p.company });
    if (p.tags) await setTags(store, id, p.tags);
    if (p.status) await setStatus(store, id, p.status);
    if (p.stage) await setStage(store, { personId: id }, p.stage.pipelineId, p.stage.stageId);
    ids.set(p.name, id);
  }
  return ids;
}

/** The language the popup finds stored, as if chosen earlier ("auto" follows navigator.languages). */
export async function speak(language: LanguageChoice): Promise<void> {
  await saveLanguageChoice(language);
}

export function renderApp() {
  return render(<App />);
}

export function withI18n(children: ReactNode) {
  return <I18nProvider>{children}</I18nProvider>;
}
