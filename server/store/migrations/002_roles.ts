import { sql, type Kysely } from 'kysely';

/**
 * Users get a role. Every team had only token holders so far; its earliest user (ULIDs sort by
 * creation time) becomes its admin, so that each existing team can manage itself at once.
 * E-mail addresses are lower-cased, unless that would merge two users.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('member'))
    .execute();
  await sql`update users set role = 'admin' where id in (select min(id) from users group by team_id)`.execute(db);
  // E-mails are now compared lower-cased (they double as the owner ids in pipeline entries).
  await sql`update users set email = lower(email) where email <> lower(email) and not exists (
    select 1 from users other where other.team_id = users.team_id and other.email = lower(users.email) and other.id <> users.id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('role').execute();
}
