import type { Kysely } from 'kysely';
import { newId as ulid } from '../ids';
import type { Database } from './schema';

export interface Team {
  id: string;
  name: string;
}

export async function findTeam(db: Kysely<Database>, name: string): Promise<Team | undefined> {
  return db.selectFrom('teams').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

/** The team called `name`, created when it does not exist yet. */
export async function ensureTeam(db: Kysely<Database>, name: string): Promise<Team & { created: boolean }> {
  const inserted = await db
    .insertInto('teams')
    .values({ id: ulid(), name, seq: 0, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (inserted) return { ...inserted, created: true };
  const team = await findTeam(db, name);
  if (!team) throw new Error(`team ${name} could not be created`);
  return { ...team, created: false };
}

export async function listTeams(db: Kysely<Database>) {
  return db
    .selectFrom('teams')
    .leftJoin('users', 'users.team_id', 'teams.id')
    .select((eb) => ['teams.id as id', 'teams.name as name', 'teams.created_at as createdAt', eb.fn.count<number>('users.id').as('users')])
    .groupBy(['teams.id', 'teams.name', 'teams.created_at'])
    .orderBy('teams.name')
    .execute();
}
