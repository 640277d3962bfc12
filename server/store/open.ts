import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, type SqliteDialectConfig } from 'kysely';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { migrationProvider } from './migrations';
import { ImmediateSqliteDialect } from './sqlite-dialect';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface OpenOptions {
  /**
   * A long-running server checkpoints a SQLite file's WAL on a worker thread (store/checkpointer.ts),
   * off its event loop; `onError` hears why when that fails and SQLite's own checkpoints are back.
   */
  backgroundCheckpoints?: { onError(reason: string): void };
}

/**
 * Opens the database at `location` — a postgres:// URL, a SQLite file path (its directory is
 * created) or `:memory:` — and brings its schema up to date.
 */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  const engine: Engine = isPostgresUrl(location) ? 'postgres' : 'sqlite';
  let sqlite: SqliteDatabase.Database | undefined;
  const dialect = engine === 'postgres' ? await postgresDialect(location) : sqliteDialect(location, (d) => (sqlite = d));
  const db = new Kysely<Database>({ dialect });
  try {
    await migrate(db, engine);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let checkpointer: Checkpointer | undefined;
  if (sqlite && location !== ':memory:' && options.backgroundCheckpoints) {
    const { onError } = options.backgroundCheckpoints;
    const database = sqlite;
    database.pragma('wal_autocheckpoint = 0');
    checkpointer = startCheckpointer(location, (reason) => {
      if (database.open) database.pragma('wal_autocheckpoint = 1000');
      onError(reason);
    });
  }
  return {
    db,
    engine,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

function sqliteDialect(file: string, opened: (database: SqliteDatabase.Database) => void): ImmediateSqliteDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  opened(database);
  // The CLI may use the file while the server runs: WAL keeps its readers from blocking the
  // server's writes, and the busy timeout makes a second writer wait instead of failing.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new ImmediateSqliteDialect({ database: withStatementCache(database) });
}

/** Statements prepared once per distinct SQL text (most used last); Kysely would prepare every query anew. */
export const STATEMENT_CACHE_SIZE = 500;

function withStatementCache(database: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = database.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  } as SqliteDialectConfig['database'];
}

/** pg is loaded only for PostgreSQL, so that SQLite installs and the CLI start faster. */
async function postgresDialect(connectionString: string): Promise<PostgresDialect> {
  const { default: pg } = await import('pg');
  // int8 (bigint) arrives as a string by default; sequence numbers stay far below 2^53.
  const INT8_OID = 20;
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  return new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 10, types }) });
}

async function migrate(db: Kysely<Database>, engine: Engine): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema but queries them unqualified, so a
  // database whose public schema already has them would break an install in another schema.
  const migrationTableSchema = engine === 'postgres' ? await currentSchema(db) : undefined;
  const migrator = new Migrator({ db, provider: migrationProvider, ...(migrationTableSchema && { migrationTableSchema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed ?? ''} failed: ${reason}`);
  }
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('the PostgreSQL search_path names no existing schema');
  return schema;
}
