import type { Benchmark } from '../benchmark';
import { inPage } from '../in-page';
import type { Lab } from '../lab';

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

/** Times `lab.runs` moves made from an extension page (`popup` or `options`). */
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

/**
 * `pipeline.stage_move`: from the popup with the bank open, what the user waits for (the popup
 * re-reads and re-renders what changed on the same thread that receives the answer).
 * `.write`: the same move from the options page, nothing else on its thread: the write alone.
 */
export const stageMoveBenchmarks: Benchmark[] = [
  {
    name: 'pipeline.stage_move',
    people: 10_000,
    run: async (lab) => [
      { name: 'pipeline.stage_move.write', unit: 'ms', samples: await movesFrom(lab, 'options') },
      { name: 'pipeline.stage_move', unit: 'ms', samples: await movesFrom(lab, 'popup') },
    ],
  },
];
