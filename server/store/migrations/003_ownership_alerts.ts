import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../dialect';

/**
 * Ownership and alerts need to find a person's entries and a profile key's people without parsing
 * every record: records get derived columns (kept up to date by every push) and profile keys get
 * their own table. Existing records are backfilled here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('records').addColumn('person_id', 'text').execute();
  await db.schema.alterTable('records').addColumn('company_name', 'text').execute();
  await db.schema.alterTable('records').addColumn('company_key', 'text').execute();
  // Partial: only entries and notes have a person_id, and every push writes many other records. With
  // entity in it, lookups by (team, entity, person) prefer it to the primary key on (team, entity, id).
  await db.schema
    .createIndex('records_team_person')
    .on('records')
    .columns(['team_id', 'entity', 'person_id'])
    .where(sql.ref('person_id'), 'is not', null)
    .execute();

  // On SQLite a table whose key is all it holds is cheaper to write WITHOUT ROWID (one b-tree, not two).
  const sqlite = isSqlite(db);
  await db.schema
    .createTable('record_keys')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('profile_key', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_keys_pk', ['team_id', 'profile_key', 'entity', 'id'])
    .$call((t) => (sqlite ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  await db.schema.createIndex('record_keys_record').on('record_keys').columns(['team_id', 'entity', 'id']).execute();

  await db.schema
    .createTable('alerts')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alerts_pk', ['team_id', 'user_id', 'seq'])
    .execute();
  await db.schema.createIndex('alerts_created').on('alerts').column('created_at').execute();
  await db.schema.createIndex('alerts_person').on('alerts').columns(['team_id', 'person_id']).execute();
  // Pruning old mutation ids scans by age.
  await db.schema.createIndex('applied_mutations_at').on('applied_mutations').column('applied_at').execute();

  await backfill(db);
}

interface RecordRow {
  team_id: string;
  entity: string;
  id: string;
  data: string;
}

async function backfill(db: Kysely<unknown>): Promise<void> {
  let after = { team_id: '', entity: '', id: '' };
  for (;;) {
    const { rows } = await sql<RecordRow>`
      select team_id, entity, id, data from records
      where (team_id, entity, id) > (${after.team_id}, ${after.entity}, ${after.id})
      order by team_id, entity, id limit 500`.execute(db);
    if (rows.length === 0) break;
    for (const row of rows) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const d = derivedColumns(row.entity, data);
      await sql`update records set person_id = ${d.person_id}, company_name = ${d.company_name}, company_key = ${d.company_key}
        where team_id = ${row.team_id} and entity = ${row.entity} and id = ${row.id}`.execute(db);
      for (const key of profileKeysOf(row.entity, data)) {
        await sql`insert into record_keys (team_id, profile_key, entity, id) values (${row.team_id}, ${key}, ${row.entity}, ${row.id})
          on conflict do nothing`.execute(db);
      }
    }
    const last = rows.at(-1)!;
    after = { team_id: last.team_id, entity: last.entity, id: last.id };
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('applied_mutations_at').execute();
  await db.schema.dropTable('alerts').execute();
  await db.schema.dropTable('record_keys').execute();
  await db.schema.dropIndex('records_team_person').execute();
  for (const column of ['company_key', 'company_name', 'person_id']) {
    await db.schema.alterTable('records').dropColumn(column).execute();
  }
}

// Frozen copies of store/derived.ts as of this migration: later changes there must not change what it did.
function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function derivedColumns(entity: string, data: Record<string, unknown>) {
  const none = { person_id: null as string | null, company_name: null as string | null, company_key: null as string | null };
  if (data.deleted === true) return none;
  if (entity === 'person') return { ...none, company_name: text(data.companyName), company_key: text(data.companyKey) };
  if (entity === 'company') return { ...none, company_name: text(data.name), company_key: profileKeysOf(entity, data)[0] ?? null };
  if (entity === 'entry' || entity === 'note') return { ...none, person_id: text(data.personId) };
  return none;
}

function profileKeysOf(entity: string, data: Record<string, unknown>): string[] {
  if (data.deleted === true || (entity !== 'person' && entity !== 'company')) return [];
  const keys = Array.isArray(data.profileKeys) ? data.profileKeys : [];
  return [...new Set(keys.filter((k): k is string => typeof k === 'string' && k !== ''))];
}
