import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite driver begins transactions with a plain (DEFERRED) `begin`: SQLite then takes
 * the write lock only at the first write. A transaction that read first holds a snapshot by then,
 * and if another connection (the CLI, say) committed since, the upgrade fails at once with
 * SQLITE_BUSY_SNAPSHOT — busy_timeout does not wait, as no wait could make that snapshot current.
 * `begin immediate` takes the write lock before anything is read, where busy_timeout does wait.
 * Every transaction of the server writes, so all of them begin that way. (SQLite can still refuse
 * the lock without waiting in rarer cases; store/write-transaction.ts retries those.)
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
