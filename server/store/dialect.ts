import type { Kysely } from 'kysely';

/** Whether `db` runs on SQLite (the embedded default) rather than PostgreSQL. */
export function isSqlite<DB>(db: Kysely<DB>): boolean {
  return (db.getExecutor().adapter as object).constructor.name === 'SqliteAdapter';
}
