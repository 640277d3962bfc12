import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../dialect';

/**
 * Every push remembers each of its mutation ids, so this table is written as often as records. On
 * SQLite it held three b-trees — the rows, the primary key and an index on applied_at — which cost
 * a push almost as much as saving its records (the index leaves each commit rewrites, in the WAL
 * and again in the checkpoint). It becomes one: a WITHOUT ROWID table keyed by (team, mutation id),
 * with applied_at inside. Pruning by age now reads the whole table (at start and every 6 hours),
 * which is one pass over small rows. PostgreSQL keeps its table and index: nothing changes there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) return;
  await db.transaction().execute(async (trx) => {
    await sql`create table applied_mutations_lean (
      team_id text not null references teams (id),
      mutation_id text not null,
      applied_at text not null,
      constraint applied_mutations_pk primary key (team_id, mutation_id)
    ) without rowid`.execute(trx);
    await sql`insert into applied_mutations_lean (team_id, mutation_id, applied_at)
      select team_id, mutation_id, applied_at from applied_mutations`.execute(trx);
    // Dropping the table drops its index on applied_at too.
    await sql`drop table applied_mutations`.execute(trx);
    await sql`alter table applied_mutations_lean rename to applied_mutations`.execute(trx);
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) return;
  await db.transaction().execute(async (trx) => {
    await sql`create table applied_mutations_rowid (
      team_id text not null references teams (id),
      mutation_id text not null,
      applied_at text not null,
      constraint applied_mutations_pk primary key (team_id, mutation_id)
    )`.execute(trx);
    await sql`insert into applied_mutations_rowid (team_id, mutation_id, applied_at)
      select team_id, mutation_id, applied_at from applied_mutations`.execute(trx);
    await sql`drop table applied_mutations`.execute(trx);
    await sql`alter table applied_mutations_rowid rename to applied_mutations`.execute(trx);
    await sql`create index applied_mutations_at on applied_mutations (applied_at)`.execute(trx);
  });
}
