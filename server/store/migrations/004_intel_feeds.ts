import { sql, type Kysely } from 'kysely';
import { canonicalKey, titleKey } from '../../intel/canonical';
import { companyKeyOf } from '../../intel/companies';

/**
 * Intel from feeds: an item may be about several companies (intel_links), carries an amount and a
 * round, and is deduplicated by canonical URL and normalised title. Feeds, company aliases and the
 * 36Kr project-link ids seen per article are stored per team. Existing items keep their ids: each
 * gets a link with the same id, which is what clients see.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['amount', 'round', 'canonical_url', 'title_key', 'feed_id']) {
    await db.schema.alterTable('intel_items').addColumn(column, 'text').execute();
  }
  await db.schema.createIndex('intel_items_team_canonical').on('intel_items').columns(['team_id', 'canonical_url']).execute();
  await db.schema.createIndex('intel_items_team_published').on('intel_items').columns(['team_id', 'published_at']).execute();

  await db.schema
    .createTable('intel_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('intel_items.id'))
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('company_name_lower', 'text', (c) => c.notNull())
    .addColumn('company_key', 'text')
    .addColumn('match', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('intel_links_item_company', ['team_id', 'item_id', 'company_name_lower'])
    .execute();
  await db.schema.createIndex('intel_links_team_name').on('intel_links').columns(['team_id', 'company_name_lower']).execute();
  await db.schema.createIndex('intel_links_team_key').on('intel_links').columns(['team_id', 'company_key']).execute();

  await db.schema
    .createTable('feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('feeds_team_url', ['team_id', 'url'])
    .execute();

  await db.schema
    .createTable('company_aliases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_lower', 'text', (c) => c.notNull())
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('company_aliases_team_alias', ['team_id', 'alias_lower'])
    .execute();

  await db.schema
    .createTable('project_links')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('data_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('article', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_links_pk', ['team_id', 'data_id', 'article'])
    .execute();

  const { rows } = await sql<{ id: string; team_id: string; url: string; title: string; company_name: string; company_key: string | null; created_at: string }>`
    select id, team_id, url, title, company_name, company_key, created_at from intel_items`.execute(db);
  for (const r of rows) {
    await sql`update intel_items set canonical_url = ${canonicalKey(r.url) ?? r.url}, title_key = ${titleKey(r.title)} where id = ${r.id}`.execute(db);
    await sql`insert into intel_links (id, team_id, item_id, company_name, company_name_lower, company_key, match, created_at)
      values (${r.id}, ${r.team_id}, ${r.id}, ${r.company_name}, ${companyKeyOf(r.company_name)}, ${r.company_key}, 'import', ${r.created_at})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['project_links', 'company_aliases', 'feeds', 'intel_links']) await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('intel_items_team_published').execute();
  await db.schema.dropIndex('intel_items_team_canonical').execute();
  for (const column of ['feed_id', 'title_key', 'canonical_url', 'round', 'amount']) {
    await db.schema.alterTable('intel_items').dropColumn(column).execute();
  }
}
