import type { Kysely, Transaction } from 'kysely';

/** Attempts in all, and the pause before the second one (doubled before each later one). */
export const WRITE_ATTEMPTS = 6;
const FIRST_PAUSE_MS = 10;

/**
 * SQLite answered "database is locked" (SQLITE_BUSY or one of its extended codes) before doing
 * anything: the transaction was rolled back whole, so running it again is safe.
 */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `work` in one transaction (BEGIN IMMEDIATE on SQLite: see sqlite-dialect.ts) and runs it
 * again, whole, when SQLite says the database is locked. busy_timeout already makes a writer wait
 * for the lock, but SQLite skips that wait in some cases — notably while the WAL checkpointer's
 * RESTART holds the write lock and waits for readers, when a writer can be refused at once. The
 * pauses are asynchronous, so the event loop keeps serving meanwhile; after WRITE_ATTEMPTS the
 * error goes to the caller (a 500 the client retries). `work` must have no effect outside the
 * transaction, since a refused attempt is rolled back and forgotten.
 */
export async function inWriteTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1, pause = FIRST_PAUSE_MS; ; attempt += 1, pause *= 2) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !isSqliteBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
