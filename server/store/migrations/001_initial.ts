import type { Kysely } from 'kysely';

// Migrations see the database as it was when they were written, so they are typed loosely.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('users_team_email', ['team_id', 'email'])
    .execute();

  await db.schema
    .createTable('tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('records')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('clocks', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('records_pk', ['team_id', 'entity', 'id'])
    .execute();
  // Unique as well as the pull index: one seq per change is what makes cursor pagination exact.
  await db.schema.createIndex('records_team_seq').on('records').columns(['team_id', 'seq']).unique().execute();

  await db.schema
    .createTable('applied_mutations')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('mutation_id', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('applied_mutations_pk', ['team_id', 'mutation_id'])
    .execute();

  await db.schema
    .createTable('intel_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('company_key', 'text')
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('company_name_lower', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('intel_items_team_url', ['team_id', 'url'])
    .execute();
  await db.schema.createIndex('intel_items_team_key').on('intel_items').columns(['team_id', 'company_key']).execute();
  await db.schema
    .createIndex('intel_items_team_name')
    .on('intel_items')
    .columns(['team_id', 'company_name_lower'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['intel_items', 'applied_mutations', 'records', 'tokens', 'users', 'teams']) {
    await db.schema.dropTable(table).execute();
  }
}
