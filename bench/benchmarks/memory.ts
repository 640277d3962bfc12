import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { findChromium } from '../../tests/support/chromium';
import { LINKEDIN_PAGES, routeLinkedIn } from '../../tests/support/linkedin-routes';
import type { Benchmark } from '../benchmark';
import { waitForCard } from '../card-timing';
import type { Lab } from '../lab';
import { median } from '../stats';
import type { Subject } from '../subjects';

const MB = 2 ** 20;
/** Each pair loads two tabs and collects garbage: ten pairs keep this under a minute. */
const MAX_PAIRS = 10;

interface Heap {
  js: number;
  embedder: number;
}

/**
 * The renderer heap of a tab showing the profile, after garbage collection: V8's used size (every
 * world: the page's and our content script's) and Blink's (DOM) where the protocol reports it.
 */
async function heapOfProfileTab(context: BrowserContext, url: string, subject: Subject | undefined): Promise<Heap> {
  const page: Page = await context.newPage();
  try {
    await page.goto(url);
    if (subject) await waitForCard(page, subject);
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    await cdp.detach();
    return { js: usage.usedSize / MB, embedder: (usage.embedderHeapUsedSize ?? 0) / MB };
  } finally {
    await page.close();
  }
}

/** The same Chromium, flags and routes as the lab, without the extension. */
async function plainChromium(lab: Lab): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'scoutbook-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const { a, b } = lab.subjects;
  await routeLinkedIn(context, { ...LINKEDIN_PAGES, [a.path]: a.fixture, [b.path]: b.fixture });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const memoryBenchmarks: Benchmark[] = [
  {
    name: 'memory.tab_mb',
    people: 1_000,
    run: async (lab) => {
      const plain = await plainChromium(lab);
      const { a } = lab.subjects;
      const added: number[] = [];
      const dom: number[] = [];
      try {
        const pairs = Math.min(lab.options.samples, MAX_PAIRS) + Math.min(lab.options.warmup, 1);
        for (let i = 0; i < pairs; i++) {
          const withExt = await heapOfProfileTab(lab.ext.context, lab.url(a), a);
          const without = await heapOfProfileTab(plain.context, lab.url(a), undefined);
          added.push(withExt.js - without.js);
          dom.push(withExt.embedder - without.embedder);
        }
      } finally {
        await plain.close();
      }
      const skip = Math.min(lab.options.warmup, 1);
      console.log(`[bench] memory: Blink (DOM) heap added per tab, median of pairs: ${median(dom.slice(skip)).toFixed(2)} MB`);
      return [{ name: 'memory.tab_mb', unit: 'MB', samples: added.slice(skip) }];
    },
  },
];
