import type { Page, Worker } from '@playwright/test';
import type { Benchmark } from '../benchmark';
import { callSource, inPage, waitInPage } from '../in-page';
import type { Lab } from '../lab';
import { mainThreadQuiet, popupProbe } from '../popup-probe';

interface Move {
  entryId: string;
  stageId: string;
}

/**
 * In the popup: pipeline entries and, for each, another stage of its pipeline to move it to
 * (read with the native API: the popup's own code is not what is timed).
 */
async function plannedMoves(count: number): Promise<Move[]> {
  const open = indexedDB.open('scoutbook');
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const read = <T>(store: string, limit?: number) =>
    new Promise<T[]>((ok, fail) => {
      const req = db.transaction(store).objectStore(store).getAll(null, limit);
      req.onsuccess = () => ok(req.result as T[]);
      req.onerror = () => fail(req.error);
    });
  type Entry = { id: string; pipelineId: string; stageId: string; deleted?: boolean };
  type Pipeline = { id: string; stages: { id: string }[] };
  const [entries, pipelines] = await Promise.all([read<Entry>('entries', count * 2), read<Pipeline>('pipelines')]);
  db.close();
  const stagesOf = new Map(pipelines.map((p) => [p.id, p.stages.map((s) => s.id)]));
  return entries
    .filter((e) => !e.deleted && (stagesOf.get(e.pipelineId)?.length ?? 0) > 1)
    .slice(0, count)
    .map((e) => {
      const stages = stagesOf.get(e.pipelineId)!;
      return { entryId: e.id, stageId: stages[(stages.indexOf(e.stageId) + 1) % stages.length]! };
    });
}

/** One stage move as the board makes it: the message to the background until it answers, written. */
async function timedMove(move: Move): Promise<number> {
  const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
  const started = performance.now();
  const answer = (await runtime.sendMessage({ type: 'moveEntry', ...move })) as { ok: boolean; error?: string };
  const ms = performance.now() - started;
  if (!answer?.ok) throw new Error(`the move was refused: ${answer?.error ?? 'no answer'}`);
  return ms;
}

/** Times `lab.runs` moves sent from an extension page (`popup` or `options`) until answered. */
function movesFrom(lab: Lab, pageName: 'popup' | 'options'): Promise<number[]> {
  return lab.withPage(async (page) => {
    await page.goto(`chrome-extension://${lab.ext.extensionId}/${pageName}.html`);
    const moves = await inPage(page, plannedMoves, lab.runs);
    if (moves.length < lab.runs) throw new Error(`only ${moves.length} pipeline entries to move; ${lab.runs} needed`);
    const out: number[] = [];
    for (const move of moves) {
      out.push(await inPage(page, timedMove, move));
      await new Promise((r) => setTimeout(r, 50));
    }
    return lab.measured(out);
  });
}

/** What the popup's first row offers: the entry its first stage select moves, and the stage after the shown one. */
interface RowMove extends Move {
  /** The entry's history length before the move: the move is committed once it is longer. */
  historyLength: number;
}

/**
 * SELF-CONTAINED, in the popup: the first listed row's stage select (the newest person's entry in
 * the select's pipeline), and the next stage. Also records the time of every `change` event, as
 * epoch ms (`performance.timeOrigin` + the event's time), for comparison with the background's clock.
 */
async function firstRowMove(): Promise<RowMove> {
  const w = globalThis as unknown as { __sbChangeAt?: number; __sbChangeWatch?: boolean };
  if (!w.__sbChangeWatch) {
    w.__sbChangeWatch = true;
    addEventListener('change', (e) => (w.__sbChangeAt = performance.timeOrigin + e.timeStamp), true);
  }
  const select = document.querySelector<HTMLSelectElement>('[data-testid=sb-row] [data-testid=sb-row-stage]');
  if (!select) throw new Error('no stage select in the first rows');
  const options = [...select.options].map((o) => o.value);
  const open = indexedDB.open('scoutbook');
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const request = <T>(r: IDBRequest) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result as T)), (r.onerror = () => fail(r.error))));
  type Entry = { id: string; pipelineId: string; stageId: string; deleted?: boolean; history: unknown[] };
  type Pipeline = { id: string; stages: { id: string }[] };
  const tx = db.transaction(['people', 'entries', 'pipelines']);
  const newest = await request<IDBCursorWithValue | null>(tx.objectStore('people').index('updatedAt').openCursor(null, 'prev'));
  const personId = (newest?.value as { id: string } | undefined)?.id;
  const [entries, pipelines] = await Promise.all([
    request<Entry[]>(tx.objectStore('entries').index('personId').getAll(personId)),
    request<Pipeline[]>(tx.objectStore('pipelines').getAll()),
  ]);
  db.close();
  const stagesOf = new Map(pipelines.map((p) => [p.id, p.stages.map((s) => s.id).join('|')]));
  const matching = entries.filter((e) => !e.deleted && e.stageId === select.value && stagesOf.get(e.pipelineId) === options.join('|'));
  if (matching.length !== 1) throw new Error(`the first row's stage select matches ${matching.length} entries of the newest person`);
  const entry = matching[0]!;
  return { entryId: entry.id, stageId: options[(options.indexOf(entry.stageId) + 1) % options.length]!, historyLength: entry.history.length };
}

/**
 * SELF-CONTAINED, in the background's service worker: starts polling the entry with the native API
 * until the move is committed, and keeps the promise of its time (epoch ms) in `__sbCommitted`.
 * Resolves once the first poll has read, so the poll is running before the move is made. A read
 * transaction queued behind the move's write sees it the moment it commits.
 */
async function watchCommit(move: RowMove): Promise<void> {
  const open = indexedDB.open('scoutbook');
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  type Entry = { stageId: string; history: unknown[] };
  const read = () =>
    new Promise<Entry | undefined>((ok, fail) => {
      const r = db.transaction('entries').objectStore('entries').get(move.entryId);
      r.onsuccess = () => ok(r.result as Entry | undefined);
      r.onerror = () => fail(r.error);
    });
  const done = (e: Entry | undefined) => !!e && e.stageId === move.stageId && e.history.length > move.historyLength;
  if (done(await read())) throw new Error('the entry was already moved');
  const until = performance.now() + 30_000;
  (globalThis as unknown as { __sbCommitted: Promise<number> }).__sbCommitted = (async () => {
    try {
      for (;;) {
        const entry = await read();
        if (done(entry)) return performance.timeOrigin + performance.now();
        if (performance.now() > until) throw new Error('the move was not committed within 30 s');
      }
    } finally {
      db.close();
    }
  })();
}

/** SELF-CONTAINED, in the service worker: when the watched move committed (epoch ms). */
function committedAt(): Promise<number> {
  return (globalThis as unknown as { __sbCommitted: Promise<number> }).__sbCommitted;
}

/** SELF-CONTAINED, in the popup: when the last `change` event happened (epoch ms). */
function changedAt(): number {
  return (globalThis as unknown as { __sbChangeAt: number }).__sbChangeAt;
}

async function backgroundWorker(lab: Lab): Promise<Worker> {
  const find = () => lab.ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${lab.ext.extensionId}/`));
  return find() ?? (await lab.ext.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${lab.ext.extensionId}/`) }));
}

/**
 * `pipeline.stage_move`: what the issue means by "persisted": in the popup with the bank open and
 * loaded, a stage chosen in the first row's select (the `change` event) until the entry's write is
 * committed to IndexedDB, as seen by a read in the background polling it (the two clocks compared
 * as epoch ms). Whatever the popup does to show the move is not in it, as long as it does not hold
 * up the write.
 */
function movesInThePopup(lab: Lab): Promise<number[]> {
  return lab.withPage(async (page: Page) => {
    await page.addInitScript(callSource(popupProbe, undefined));
    await page.goto(`chrome-extension://${lab.ext.extensionId}/popup.html`);
    await page.getByTestId('sb-row-stage').first().waitFor();
    // The whole bank loaded and indexed: the popup as it is once open, not while it starts.
    await waitInPage(page, mainThreadQuiet, 2000, 120_000, 'the popup to finish loading');
    const out: number[] = [];
    for (let i = 0; i < lab.runs; i++) {
      const move = await inPage(page, firstRowMove, undefined);
      const worker = await backgroundWorker(lab);
      await worker.evaluate(callSource(watchCommit, move));
      await page.getByTestId('sb-row-stage').first().selectOption(move.stageId);
      const committed = (await worker.evaluate(callSource(committedAt, undefined))) as number;
      out.push(committed - (await inPage(page, changedAt, undefined)));
      // The popup takes in the move (its list, its search index) before the next one.
      await waitInPage(page, mainThreadQuiet, 300, 30_000, 'the popup to take in the move');
    }
    return lab.measured(out);
  });
}

/**
 * `pipeline.stage_move`: chosen in the popup until committed (above). `.answer`: the same move sent
 * from the popup with the bank open until the background's answer is handled there, which waits for
 * whatever the popup's thread is doing when it arrives (taking in the previous move). `.write`: the
 * same from the options page, nothing else on its thread: the write alone.
 */
export const stageMoveBenchmarks: Benchmark[] = [
  {
    name: 'pipeline.stage_move',
    people: 10_000,
    run: async (lab) => [
      { name: 'pipeline.stage_move.write', unit: 'ms', samples: await movesFrom(lab, 'options') },
      { name: 'pipeline.stage_move.answer', unit: 'ms', samples: await movesFrom(lab, 'popup') },
      { name: 'pipeline.stage_move', unit: 'ms', samples: await movesInThePopup(lab) },
    ],
  },
];
