import type { Page } from '@playwright/test';
import { inPage, waitInPage } from './in-page';
import type { Subject } from './subjects';

/** What the page's performance timeline and the (open, e2e) card say about the last card. */
export interface CardState {
  start: number;
  painted: number;
  status: string;
  name: string;
}

/** SELF-CONTAINED (page's main world): the newest timing marks of the content script, and the card's text. */
function cardState(): CardState | null {
  const start = performance.getEntriesByName('scoutbook:start').at(-1);
  const painted = performance.getEntriesByName('scoutbook:card-painted').at(-1);
  const root = document.querySelector('scoutbook-card')?.shadowRoot;
  if (!start || !painted || !root) return null;
  return {
    start: start.startTime,
    painted: painted.startTime,
    status: root.querySelector('[data-testid=sb-status]')?.textContent ?? '',
    name: root.querySelector('.sb-name')?.textContent ?? '',
  };
}

/** SELF-CONTAINED: whether a card was painted after `since` (ms on the page's clock). */
function paintedAfter(since: number): boolean {
  return performance.getEntriesByName('scoutbook:card-painted').some((e) => e.startTime > since);
}

/** Waits for a card painted after `since`, and checks it shows the subject as saved. */
export async function waitForCard(page: Page, subject: Subject, since = -1): Promise<CardState> {
  await waitInPage(page, paintedAfter, since, 20_000, `the card of ${subject.person.name}`);
  const state = await inPage(page, cardState, undefined);
  if (!state) throw new Error('a card was painted but its marks or shadow root are missing (is this the e2e build?)');
  if (!state.status.startsWith('Saved') || state.name !== subject.person.name)
    throw new Error(`the card shows "${state.name}" / "${state.status}", expected ${subject.person.name} / Saved`);
  return state;
}

/**
 * SELF-CONTAINED: what LinkedIn's SPA does (tests/support/linkedin-routes.ts spaNavigate), with a
 * timestamp taken just before the URL changes. Returns that timestamp.
 */
export function spaNavigateTimed({ path, html }: { path: string; html: string }): number {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const next = doc.querySelector('main');
  const current = document.querySelector('main');
  if (!next || !current) throw new Error('fixture pages need a <main>');
  document.title = doc.title;
  current.replaceWith(document.importNode(next, true));
  const at = performance.now();
  history.pushState({}, '', path);
  return at;
}

/** SELF-CONTAINED (content script's world): `runs` pings to the background, one at a time, ms each. */
export async function pingLoop({ runs, gapMs }: { runs: number; gapMs: number }): Promise<number[]> {
  const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean } | undefined> } } };
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const answer = await chrome.runtime.sendMessage({ type: 'ping' });
    out.push(performance.now() - t0);
    if (!answer?.ok) throw new Error(`the background answered a ping with ${JSON.stringify(answer)}`);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return out;
}
