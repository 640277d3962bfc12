import type { Page } from '@playwright/test';
import { DB_NAME } from '@/utils/db/database';
import type { ExtensionBrowser } from '../tests/support/chromium';
import { benchOptions, generateChunk, type Chunk, type GenerateOptions } from './generate';
import { inPage, install } from './in-page';

/** People per transaction: about 5 records each (notes, entry, companies), so ~50k puts per commit. */
const CHUNK = 10_000;
const TABLES = ['people', 'companies', 'notes', 'entries', 'pipelines'] as const;

export interface SeedCounts {
  people: number;
  companies: number;
  notes: number;
  entries: number;
  pipelines: number;
}

/**
 * An extension page (same origin as the background, so the same IndexedDB) that writes directly into
 * the background's database. Nothing in the product knows about seeding.
 */
export async function openSeeder(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  // The background creates the database (schema and default pipelines) before it answers anything.
  const pong = await inPage(page, sendPing, undefined);
  if (!(pong as { ok?: boolean } | undefined)?.ok) throw new Error(`the background did not answer a ping: ${JSON.stringify(pong)}`);
  await install(page, '__sbGenerate', generateChunk);
  return page;
}

/** Generate people [from, to) in the page and write them, one transaction per chunk. */
export async function seedPeople(page: Page, from: number, to: number, onProgress?: (done: number) => void): Promise<SeedCounts> {
  const total: SeedCounts = { people: 0, companies: 0, notes: 0, entries: 0, pipelines: 0 };
  for (let a = from; a < to; a += CHUNK) {
    const counts = await inPage(page, writeChunk, { dbName: DB_NAME, from: a, to: Math.min(a + CHUNK, to), options: benchOptions(), tables: [...TABLES] });
    for (const t of TABLES) total[t] += counts[t];
    onProgress?.(Math.min(a + CHUNK, to));
  }
  return total;
}

/** SELF-CONTAINED: runs in an extension page or a content script's world. */
export function sendPing(): Promise<unknown> {
  const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  return chrome.runtime.sendMessage({ type: 'ping' });
}

/** SELF-CONTAINED: runs in the extension page, with `__sbGenerate` installed by openSeeder. */
async function writeChunk(arg: { dbName: string; from: number; to: number; options: GenerateOptions; tables: (keyof Chunk)[] }) {
  const generate = (globalThis as unknown as { __sbGenerate: (from: number, to: number, o: GenerateOptions) => Chunk }).__sbGenerate;
  const chunk = generate(arg.from, arg.to, arg.options);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(arg.dbName);
    req.onupgradeneeded = () => {
      req.transaction?.abort();
      reject(new Error(`database ${arg.dbName} does not exist yet: the background must create it`));
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const tx = db.transaction(arg.tables, 'readwrite', { durability: 'relaxed' });
    for (const table of arg.tables) {
      const store = tx.objectStore(table);
      for (const row of chunk[table]) store.put(row);
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
  } finally {
    db.close();
  }
  return Object.fromEntries(arg.tables.map((t) => [t, chunk[t].length])) as Record<keyof Chunk, number>;
}
