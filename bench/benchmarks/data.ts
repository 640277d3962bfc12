import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { DB_NAME } from '../../utils/db/database';
import { launchWithExtension } from '../../tests/support/chromium';
import type { Benchmark } from '../benchmark';
import { buildExtension } from '../build';
import type { Options } from '../cli';
import { callSource, inPage, markAfter, waitInPage } from '../in-page';
import type { Lab } from '../lab';
import { mainThreadQuiet, popupProbe, type ProbeState } from '../popup-probe';
import type { Measurement } from '../results';
import { rawExportRead, rawImportWrite } from './data-floors';

/**
 * Export and import of 100,000 people through the popup's own code path: the Import & export
 * view is driven as a user does (pick the scope and format, press Export; choose a file, wait
 * for the dry run, press Import). Durations come from marks the panels set on the popup's
 * timeline; alongside each, the longest main-thread task in that window (PerformanceObserver
 * 'longtask') and the popup's peak JS heap (CDP Runtime.getHeapUsage, polled every 100 ms), also
 * as what the export added to the popup's heap after GC before it (the popup holds the whole bank).
 * Each is compared with its IndexedDB floor (data-floors.ts), measured in the same run. The import
 * also reports its longest task per window (dry run, write, and after the commit until the popup has
 * taken in the new people), and prints every long task of 100 ms or more with its phase and offset.
 */

const MB = 2 ** 20;
const EXPORT_RUNS = { warmup: 1, samples: 5 };
const XLSX_RUNS = { warmup: 1, samples: 3 };
const IMPORT_SAMPLES = 3;
const IMPORT_ROWS = 100_000;
const FLOOR_RUNS = { warmup: 1, samples: 5 };
/** Records per getAll in the export's reads (utils/export/read-pages.ts). */
const READ_PAGE = 5_000;

interface Window {
  start: number;
  end: number;
  longestTask: number;
}

/** SELF-CONTAINED init script: every long task's start and duration, kept for the benchmark to read. */
function recordLongTasks(): void {
  const tasks: [number, number][] = [];
  (globalThis as unknown as { __sbLongTasks: [number, number][] }).__sbLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

/** SELF-CONTAINED: the last `from` → `to` marks and the longest task that overlaps them. */
function markWindow({ from, to }: { from: string; to: string }): Window | null {
  const start = performance.getEntriesByName(from).at(-1)?.startTime;
  const end = performance.getEntriesByName(to).at(-1)?.startTime;
  if (start === undefined || end === undefined || end < start) return null;
  const tasks = (globalThis as unknown as { __sbLongTasks: [number, number][] }).__sbLongTasks;
  let longestTask = 0;
  for (const [s, d] of tasks) if (s + d > start && s < end) longestTask = Math.max(longestTask, d);
  return { start, end, longestTask };
}

/** The page's JS heap, sampled every 100 ms until stopped; `peak` in MB. */
class HeapSampler {
  private peakBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private pending = false;

  constructor(private readonly cdp: CDPSession) {}

  start(): void {
    this.peakBytes = 0;
    this.timer = setInterval(() => void this.sample(), 100);
  }

  private async sample(): Promise<void> {
    if (this.pending) return;
    this.pending = true;
    try {
      const { usedSize } = (await this.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      this.peakBytes = Math.max(this.peakBytes, usedSize);
    } catch {
      // The page is closing.
    } finally {
      this.pending = false;
    }
  }

  async stop(): Promise<number> {
    clearInterval(this.timer);
    await this.sample();
    return this.peakBytes / MB;
  }
}

/** Until the export panel, scope "whole talent bank", counts `people`: the popup has read them all. */
async function waitForCount(page: Page, people: number): Promise<void> {
  const until = Date.now() + 600_000;
  for (;;) {
    const counted = Number((await page.getByTestId('sb-export-count').textContent())?.replace(/\D/g, ''));
    if (counted === people) return;
    if (Date.now() > until) throw new Error(`the popup counted ${counted} people, not ${people}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The popup's Import & export view. With `people`, only once the popup has settled: the whole bank
 * read (the "whole talent bank" scope counts every person — a quiet main thread alone is not
 * enough, since reading 100,000 records is IndexedDB time without long tasks) and then no long
 * task for 3 s (the bank's rows and search index are built in slices after that read).
 */
async function openDataView(page: Page, extensionId: string, people?: number): Promise<void> {
  await page.addInitScript(callSource(recordLongTasks, undefined));
  await page.addInitScript(callSource(popupProbe, undefined));
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  if (people !== undefined) await waitInPage(page, () => (globalThis as unknown as { __sbProbe: ProbeState }).__sbProbe.firstRowAt >= 0, undefined, 600_000, 'the first row');
  await page.getByTestId('sb-tab-data').click();
  await page.getByTestId('sb-export-scope').waitFor({ timeout: 120_000 });
  if (people === undefined) return;
  await page.getByTestId('sb-export-scope').selectOption('all');
  await waitForCount(page, people);
  await waitInPage(page, mainThreadQuiet, 3000, 600_000, 'the popup to finish its background work');
}

/** The export's reads, raw, in an extension page of their own (closed before the export is measured). */
async function exportReadFloor(lab: Lab): Promise<number> {
  return lab.withPage(async (page) => {
    await page.goto(`chrome-extension://${lab.ext.extensionId}/options.html`);
    const { ms, records } = await inPage(page, rawExportRead, { dbName: DB_NAME, page: READ_PAGE });
    if (records < lab.people) throw new Error(`the read floor read ${records} records for ${lab.people} people`);
    return ms;
  });
}

const EXPORT_FLOOR = 'export.idb_read_floor_100k';

function exportBenchmark(format: 'csv' | 'xlsx', runs: { warmup: number; samples: number }, name: string): Benchmark {
  return {
    name,
    people: 100_000,
    needs: [EXPORT_FLOOR],
    run: (lab: Lab) =>
      lab.withPage(async (page) => {
        await openDataView(page, lab.ext.extensionId, lab.people);
        await page.getByTestId('sb-export-scope').selectOption('all');
        await page.getByTestId('sb-export-format').selectOption(format);
        // The default columns, whatever an earlier run left picked.
        await page.locator('.export-panel details > summary').click();
        await page.locator('.export-panel details button.link').click();
        const cdp = await lab.ext.context.newCDPSession(page);
        const heap = new HeapSampler(cdp);
        const times: number[] = [];
        const longest: number[] = [];
        const peaks: number[] = [];
        const added: number[] = [];
        try {
          for (let i = 0; i < runs.warmup + runs.samples; i++) {
            await cdp.send('HeapProfiler.collectGarbage');
            const before = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / MB;
            heap.start();
            const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByTestId('sb-export-run').click()]);
            await page.getByTestId('sb-export-message').waitFor({ timeout: 300_000 });
            const peak = await heap.stop();
            await download.delete();
            const w = await inPage(page, markWindow, { from: 'scoutbook:export-start', to: 'scoutbook:export-done' });
            if (!w) throw new Error('the export set no start/done marks');
            if (i < runs.warmup) continue;
            times.push(w.end - w.start);
            longest.push(w.longestTask);
            peaks.push(peak);
            added.push(peak - before);
            if (i === runs.warmup) console.log(`[bench] ${name}: the popup's heap after GC before the export: ${before.toFixed(0)} MB`);
          }
        } finally {
          await cdp.detach().catch(() => {});
        }
        return [
          { name, unit: 'ms', samples: times, baseline: EXPORT_FLOOR },
          { name: `${name}.longest_task_ms`, unit: 'ms', samples: longest },
          { name: `${name}.peak_heap_mb`, unit: 'MB', samples: peaks },
          { name: `${name}.peak_heap_added_mb`, unit: 'MB', samples: added },
        ];
      }),
  };
}

const exportReadFloorBenchmark: Benchmark = {
  name: EXPORT_FLOOR,
  people: 100_000,
  run: async (lab: Lab) => {
    const samples: number[] = [];
    for (let i = 0; i < FLOOR_RUNS.warmup + FLOOR_RUNS.samples; i++) {
      const ms = await exportReadFloor(lab);
      if (i >= FLOOR_RUNS.warmup) samples.push(ms);
    }
    return [{ name: EXPORT_FLOOR, unit: 'ms', samples }];
  },
};

const FIRST = ['James', 'Mary', 'Wei', 'Anna', 'Robert', 'Elena', 'Daniel', 'Sofia', 'Kevin', 'Li'];
const LAST = ['Smith', "O'Brien", 'Zhang', 'Müller', 'García', 'Wang', 'Kowalski', 'Nguyen'];
const CN_GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳'];
const CN_FAMILY = ['张', '王', '李', '刘', '陈', '杨'];
const COMPANIES = ['Acme, Inc.', '字节跳动', 'Globex', '阿里巴巴', 'Initech', 'Umbrella "Bio"'];

/** A LinkedIn 2024 Connections.csv of `n` rows: preamble, quoting, Chinese names, a blank-name row every 500. */
export function connectionsCsv(n: number): Buffer {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < n; i++) {
    if (i % 500 === 499) {
      lines.push(',,,,,,02 Jun 2022');
      continue;
    }
    const chinese = i % 3 === 0;
    const first = chinese ? CN_GIVEN[i % CN_GIVEN.length]! : FIRST[i % FIRST.length]!;
    const last = chinese ? CN_FAMILY[(i >> 3) % CN_FAMILY.length]! : LAST[(i >> 2) % LAST.length]!;
    const email = i % 5 === 0 ? `person${i}@example.com` : '';
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      [first, last, `https://www.linkedin.com/in/bench-import-${i}`, email, COMPANIES[i % COMPANIES.length]!, 'Senior Engineer, Platform', `${day} May 2024`]
        .map(q)
        .join(','),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

interface ImportRun {
  floor: number;
  dryRun: number;
  write: number;
  /** Longest task in each window: the dry run, the write, and after the commit until the popup is quiet. */
  longest: { dryRun: number; write: number; after: number };
  peak: number;
}

/** SELF-CONTAINED: the long tasks from `from` on, as [phase, ms after the phase's first mark, duration]. */
function longTasksByPhase({ marks }: { marks: [string, string][] }): [string, number, number][] {
  const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? Infinity;
  const starts = marks.map(([phase, mark]) => [phase, at(mark)] as const);
  const tasks = (globalThis as unknown as { __sbLongTasks: [number, number][] }).__sbLongTasks;
  const out: [string, number, number][] = [];
  for (const [s, d] of tasks) {
    const phase = starts.filter(([, t]) => t <= s + d).at(-1);
    if (phase) out.push([phase[0], Math.round(s - phase[1]), Math.round(d)]);
  }
  return out;
}

export async function importOnce(extensionDir: string, file: string): Promise<ImportRun> {
  const ext = await launchWithExtension({ extensionDir });
  try {
    // The floor first, in the same fresh profile, in a page of its own (closed again).
    const scratch = await ext.context.newPage();
    await scratch.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const floor = await inPage(scratch, rawImportWrite, { people: IMPORT_ROWS - Math.floor(IMPORT_ROWS / 500) });
    await scratch.close();
    const page = await ext.context.newPage();
    await openDataView(page, ext.extensionId);
    const cdp = await ext.context.newCDPSession(page);
    const heap = new HeapSampler(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    heap.start();
    // A path, not a buffer: Playwright then hands Chromium the file (DOM.setFileInputFiles) instead of
    // building a 10 MB File from base64 inside the popup, a 2 s task that would count as ours.
    await page.getByTestId('sb-import-file').setInputFiles(file);
    await page.getByTestId('sb-import-confirm').waitFor({ timeout: 600_000 });
    await waitInPage(page, markAfter, { name: 'scoutbook:import-planned', after: 0 }, 600_000, 'the dry run');
    await page.getByTestId('sb-import-confirm').click();
    await page.getByTestId('sb-import-result').waitFor({ timeout: 600_000 });
    const peak = await heap.stop();
    const expected = IMPORT_ROWS - Math.floor(IMPORT_ROWS / 500);
    const summary = await page.getByTestId('sb-import-result').textContent();
    const created = Number(/([\d,]+) created/.exec(summary ?? '')?.[1]?.replace(/,/g, ''));
    if (created !== expected) throw new Error(`the import created ${created} people, not ${expected}: ${summary}`);
    // What the popup does with 100,000 new people after the commit (its talent bank, its search
    // index) blocks the same thread: the window after the commit lasts until the export panel counts
    // them all in the talent bank, and then no long task for 3 s.
    await page.getByTestId('sb-export-scope').selectOption('all');
    await waitForCount(page, expected);
    await waitInPage(page, mainThreadQuiet, 3000, 600_000, 'the popup to settle after the import');
    const dry = await inPage(page, markWindow, { from: 'scoutbook:import-start', to: 'scoutbook:import-planned' });
    const write = await inPage(page, markWindow, { from: 'scoutbook:import-write-start', to: 'scoutbook:import-done' });
    if (!dry || !write) throw new Error('the import set no marks');
    const tasks = await inPage(page, longTasksByPhase, {
      marks: [
        ['dry run', 'scoutbook:import-start'],
        ['write', 'scoutbook:import-write-start'],
        ['after', 'scoutbook:import-done'],
      ],
    });
    const after = Math.max(0, ...tasks.filter(([phase]) => phase === 'after').map(([, , d]) => d));
    const shown = tasks.filter(([, , d]) => d >= 100).map(([phase, s, d]) => `${phase} +${s} ms: ${d} ms`);
    console.log(`[bench] import.csv_100k: ${tasks.length} long tasks, ${shown.length} of 100 ms or more${shown.length ? `: ${shown.join('; ')}` : ''}`);
    await cdp.detach().catch(() => {});
    return { floor, dryRun: dry.end - dry.start, write: write.end - write.start, longest: { dryRun: dry.longestTask, write: write.longestTask, after }, peak };
  } finally {
    await ext.close();
  }
}

const IMPORT_FLOOR = 'import.idb_write_floor_100k';

export const dataBenchmarks: Benchmark[] = [
  exportReadFloorBenchmark,
  exportBenchmark('csv', EXPORT_RUNS, 'export.csv_100k'),
  exportBenchmark('xlsx', XLSX_RUNS, 'export.xlsx_100k'),
  {
    // Into an empty bank in a fresh browser profile each time: the lab's shared data stays as seeded.
    name: 'import.csv_100k',
    people: 'none',
    run: async (options: Options): Promise<Measurement[]> => {
      const extensionDir = buildExtension('e2e', { force: options.build });
      const csv = connectionsCsv(IMPORT_ROWS);
      console.log(`[bench] import.csv_100k: a ${(csv.length / MB).toFixed(1)} MB Connections.csv of ${IMPORT_ROWS.toLocaleString('en')} rows`);
      const dir = mkdtempSync(join(tmpdir(), 'scoutbook-import-'));
      const file = join(dir, 'Connections.csv');
      writeFileSync(file, csv);
      const runs = [];
      try {
        for (let i = 0; i < IMPORT_SAMPLES; i++) {
          runs.push(await importOnce(extensionDir, file));
          const r = runs.at(-1)!;
          console.log(`[bench] import.csv_100k: floor ${(r.floor / 1000).toFixed(1)} s, dry run ${(r.dryRun / 1000).toFixed(1)} s, write ${(r.write / 1000).toFixed(1)} s`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      return [
        { name: IMPORT_FLOOR, unit: 'ms', samples: runs.map((r) => r.floor) },
        { name: 'import.csv_100k', unit: 'ms', samples: runs.map((r) => r.dryRun + r.write), baseline: IMPORT_FLOOR },
        { name: 'import.csv_100k.dry_run_ms', unit: 'ms', samples: runs.map((r) => r.dryRun) },
        { name: 'import.csv_100k.write_ms', unit: 'ms', samples: runs.map((r) => r.write), baseline: IMPORT_FLOOR },
        { name: 'import.csv_100k.longest_task_ms', unit: 'ms', samples: runs.map((r) => Math.max(r.longest.dryRun, r.longest.write)) },
        { name: 'import.csv_100k.longest_task_dry_run_ms', unit: 'ms', samples: runs.map((r) => r.longest.dryRun) },
        { name: 'import.csv_100k.longest_task_write_ms', unit: 'ms', samples: runs.map((r) => r.longest.write) },
        { name: 'import.csv_100k.longest_task_after_commit_ms', unit: 'ms', samples: runs.map((r) => r.longest.after) },
        { name: 'import.csv_100k.peak_heap_mb', unit: 'MB', samples: runs.map((r) => r.peak) },
      ];
    },
  },
];
