import type { Page } from '@playwright/test';
import type { Benchmark } from '../benchmark';
import { callSource, inPage, markAfter, waitInPage } from '../in-page';
import type { Lab } from '../lab';
import { listRepainted, listSettled, mainThreadQuiet, popupProbe, probeState, type ProbeState } from '../popup-probe';

/**
 * What a recruiter types; each sample times the third letter (`ja` → `jam`), which must change the
 * list (`sm` → `smi` would not: every "sm" is a Smith, and an unchanged list cannot be timed).
 * English first names: they match the same way whatever the search engine does with pinyin.
 */
/** Far above any indexed keystroke, far below one without the index (seconds at 100k). */
const INDEX_READY_MS = 400;

const QUERIES = ['james', 'mark', 'robert', 'daniel', 'kevin', 'anna', 'elena', 'sofia'];

async function openPopup(lab: Lab, page: Page, timeoutMs: number): Promise<number> {
  await page.goto(`chrome-extension://${lab.ext.extensionId}/popup.html`);
  await waitInPage(page, () => (globalThis as unknown as { __sbProbe: ProbeState }).__sbProbe.firstRowAt >= 0, undefined, timeoutMs, 'the first row');
  return (await inPage(page, probeState, undefined)).firstRowAt;
}

async function withProbe<T>(lab: Lab, fn: (page: Page) => Promise<T>): Promise<T> {
  return lab.withPage(async (page) => {
    await page.addInitScript(callSource(popupProbe, undefined));
    return fn(page);
  });
}

export const popupBenchmarks: Benchmark[] = [
  {
    name: 'popup.first_paint',
    people: 10_000,
    run: async (lab) => {
      // Each open in a new tab, as a popup opens: re-navigating the last popup would time its unload
      // too, which waits for whatever it was still doing (reading the whole bank, indexing it).
      const out: number[] = [];
      for (let i = 0; i < lab.runs; i++) {
        out.push(await withProbe(lab, (page) => openPopup(lab, page, 60_000)));
        await new Promise((r) => setTimeout(r, 250));
      }
      return [{ name: 'popup.first_paint', unit: 'ms', samples: lab.measured(out) }];
    },
  },
  {
    name: 'search.keystroke_100k',
    people: 100_000,
    run: (lab) =>
      withProbe(lab, async (page) => {
        await openPopup(lab, page, 600_000);
        // Steady state: the popup reads the whole bank after the first paint, then builds its search
        // index (with 100k people that takes seconds, and keystrokes meanwhile are far slower); time
        // keystrokes once that is done. Both run in slices, so a quiet thread alone does not say so.
        await waitInPage(page, markAfter, { name: 'scoutbook:search-index-built', after: 0 }, 600_000, 'the search index');
        await waitInPage(page, mainThreadQuiet, 3000, 600_000, 'the popup to finish its background work');
        const search = page.getByTestId('sb-search');
        const keystroke = async (query: string): Promise<number> => {
          await search.fill(query.slice(0, 2));
          await inPage(page, listSettled, { quietMs: 300, timeoutMs: 300_000 });
          await search.press(query[2]!);
          await waitInPage(page, listRepainted, undefined, 60_000, `the list to change after typing "${query.slice(0, 3)}"`);
          const s = await inPage(page, probeState, undefined);
          return s.listPaintedAt - s.keyAt;
        };
        // Warm up: type until three keystrokes in a row are fast (a keystroke matched row by row takes
        // seconds), for at most five minutes.
        const until = Date.now() + 300_000;
        for (let fast = 0, i = 0; fast < 3 && Date.now() < until; i++)
          fast = (await keystroke(QUERIES[i % QUERIES.length]!)) < INDEX_READY_MS ? fast + 1 : 0;
        const out: number[] = [];
        for (let i = 0; i < lab.runs; i++) out.push(await keystroke(QUERIES[i % QUERIES.length]!));
        return [{ name: 'search.keystroke_100k', unit: 'ms', samples: lab.measured(out) }];
      }),
  },
];
