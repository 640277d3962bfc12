import type { Kysely } from 'kysely';
import type { Mutation, PushResponse } from '../utils/sync/protocol';
import { applyPush, applyPushIn, checkPush, type Pusher } from './apply-push';
import { isSqlite } from './store/dialect';
import type { Database } from './store/schema';
import { inWriteTransaction, isSqliteBusy } from './store/write-transaction';

/** Most pushes one transaction takes: bounds its size and how long the last of them waits. */
export const MAX_PUSHES_PER_TRANSACTION = 16;

interface Waiting {
  pusher: Pusher;
  mutations: readonly Mutation[];
  now: Date;
  resolve(result: PushResponse): void;
  reject(error: unknown): void;
}

export interface PushQueue {
  /** Applies one push, all or nothing, and answers once it is committed. */
  push(pusher: Pusher, mutations: readonly Mutation[], now: Date): Promise<PushResponse>;
  /** Transactions run and pushes they carried, since the queue was made (for tests and benchmarks). */
  readonly stats: { transactions: number; pushes: number };
}

/** Thrown inside a shared transaction to roll it back when one of its pushes failed. */
class PushFailed extends Error {}

/**
 * Group commit for SQLite. Its writes are serial anyway (one connection, one writer), and a
 * transaction has a fixed cost — begin, the team's seq, commit, and the WAL pages of every index
 * touched — so pushes that arrive while one transaction runs go into the next one together, each
 * as applyPush would run it alone. Each caller is answered only after that commit, so nothing
 * unacknowledged is reported and nothing acknowledged can be lost.
 *
 * A push that fails (an invalid record, say) must leave nothing behind, and must not take the
 * others down: the shared transaction is rolled back, the failed push gets its error, and the
 * others run again without it. On PostgreSQL each push keeps a transaction of its own, so that
 * pushes of different teams still run side by side on the pool.
 */
export function createPushQueue(db: Kysely<Database>): PushQueue {
  const stats = { transactions: 0, pushes: 0 };
  if (!isSqlite(db)) {
    return {
      stats,
      push: async (pusher, mutations, now) => {
        stats.transactions += 1;
        stats.pushes += 1;
        return applyPush(db, pusher, mutations, now);
      },
    };
  }

  const waiting: Waiting[] = [];
  let draining = false;
  const drain = async () => {
    draining = true;
    try {
      // One turn of the event loop first: requests already read by then join the first transaction.
      await new Promise((resolve) => setImmediate(resolve));
      while (waiting.length) await runTogether(db, waiting.splice(0, MAX_PUSHES_PER_TRANSACTION), stats);
    } finally {
      draining = false;
    }
  };
  return {
    stats,
    push: async (pusher, mutations, now) => {
      checkPush(mutations, now);
      return new Promise<PushResponse>((resolve, reject) => {
        waiting.push({ pusher, mutations, now, resolve, reject });
        if (!draining) void drain();
      });
    },
  };
}

async function runTogether(db: Kysely<Database>, group: Waiting[], stats: PushQueue['stats']): Promise<void> {
  let live = group;
  while (live.length) {
    let failed: { push: Waiting; error: unknown } | undefined;
    let results: PushResponse[];
    try {
      stats.transactions += 1;
      results = await inWriteTransaction(db, async (trx) => {
        const out: PushResponse[] = [];
        for (const push of live) {
          try {
            out.push(await applyPushIn(trx, push.pusher, push.mutations, push.now));
          } catch (error) {
            // A locked database is the whole transaction's problem: inWriteTransaction runs it again.
            if (isSqliteBusy(error)) throw error;
            failed = { push, error };
            throw new PushFailed();
          }
        }
        return out;
      });
    } catch (error) {
      if (!(error instanceof PushFailed) || !failed) {
        for (const push of live) push.reject(error);
        return;
      }
      // Rolled back whole: the failed push gets its error, the others run again without it.
      const { push: bad, error: reason } = failed;
      bad.reject(reason);
      live = live.filter((push) => push !== bad);
      continue;
    }
    stats.pushes += live.length;
    live.forEach((push, i) => push.resolve(results[i]!));
    return;
  }
}
