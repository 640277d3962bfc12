import type { OutboxRow, ScoutbookDb } from '../db/database';
import { MAX_PUSH_BATCH, type Mutation } from './protocol';

/**
 * The outbox: changes made on this device that the sync server has not acknowledged yet. One row
 * holds the mutations of one local write (a save, or a whole import batch), at most MAX_PUSH_BATCH
 * of them, so that a 100,000-person import queues 500 rows rather than 100,000, and a row is
 * always sent in one push. `size` is indexed so that the pending count reads keys, not mutations.
 * Every write of the outbox goes through this file.
 */

/** Queue these mutations, in this order (inside the caller's transaction when there is one). */
export function queueMutations(db: ScoutbookDb, mutations: readonly Mutation[]): Promise<unknown> {
  if (!mutations.length) return Promise.resolve();
  const rows: OutboxRow[] = [];
  for (let from = 0; from < mutations.length; from += MAX_PUSH_BATCH) {
    const chunk = mutations.slice(from, from + MAX_PUSH_BATCH);
    rows.push({ mutations: chunk, size: chunk.length });
  }
  return rows.length === 1 ? db.outbox.add(rows[0]!) : db.outbox.bulkAdd(rows);
}

/** How many mutations wait to be sent (the popup's "pending changes"). */
export async function pendingMutations(db: ScoutbookDb): Promise<number> {
  const sizes = (await db.outbox.orderBy('size').keys()) as number[];
  return sizes.reduce((sum, n) => sum + n, 0);
}

/** Every queued mutation, oldest first. */
export async function queuedMutations(db: ScoutbookDb): Promise<Mutation[]> {
  return (await db.outbox.orderBy('seq').toArray()).flatMap((row) => row.mutations);
}

/** The next push: the oldest mutations, whole rows while they fit in `max`, and the rows they came from. */
export interface PushBatch {
  mutations: Mutation[];
  seqs: number[];
}

export async function nextPushBatch(db: ScoutbookDb, max: number = MAX_PUSH_BATCH): Promise<PushBatch> {
  const batch: PushBatch = { mutations: [], seqs: [] };
  let after = -Infinity;
  for (;;) {
    // A few rows at a time: a row may hold up to MAX_PUSH_BATCH mutations, and only those that fit are wanted.
    const rows = await db.outbox.where('seq').above(after).limit(8).toArray();
    for (const row of rows) {
      const room = max - batch.mutations.length;
      if (row.mutations.length > room) {
        // Only a row larger than a whole push is ever split (rows are written at most MAX_PUSH_BATCH long).
        if (batch.mutations.length === 0) {
          batch.mutations.push(...row.mutations.slice(0, max));
          batch.seqs.push(row.seq!);
        }
        return batch;
      }
      batch.mutations.push(...row.mutations);
      batch.seqs.push(row.seq!);
      if (batch.mutations.length === max) return batch;
    }
    if (rows.length < 8) return batch;
    after = rows.at(-1)!.seq!;
  }
}

/**
 * The server acknowledged these mutations: take them out of their rows, deleting the rows left
 * empty. Rows are read again here, not taken from the batch, so that a change made to them while
 * the push was in flight (an erasure dropping a person's mutations) is kept.
 */
export async function acknowledge(db: ScoutbookDb, batch: PushBatch): Promise<void> {
  const acked = new Set(batch.mutations.map((m) => m.mutationId));
  await db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox.bulkGet(batch.seqs);
    const emptied: number[] = [];
    const rest: OutboxRow[] = [];
    for (const row of rows) {
      if (!row) continue;
      const left = row.mutations.filter((m) => !acked.has(m.mutationId));
      if (left.length === 0) emptied.push(row.seq!);
      else if (left.length < row.mutations.length) rest.push({ ...row, mutations: left, size: left.length });
    }
    if (emptied.length) await db.outbox.bulkDelete(emptied);
    if (rest.length) await db.outbox.bulkPut(rest);
  });
}

/** Drop the queued mutations of these records (an erased person's content is not sent). */
export async function dropQueuedFor(db: ScoutbookDb, recordIds: ReadonlySet<string>): Promise<void> {
  await db.outbox.toCollection().modify((row, ref) => {
    const left = row.mutations.filter((m) => !recordIds.has(m.id));
    if (left.length === row.mutations.length) return;
    if (left.length === 0) delete (ref as { value?: OutboxRow }).value;
    else ref.value = { ...row, mutations: left, size: left.length };
  });
}

/** Forget everything queued (a restore that replaces the profile's data). */
export function clearQueue(db: ScoutbookDb): Promise<void> {
  return db.outbox.clear();
}
