import type { Kysely } from 'kysely';
import type { Database, Role } from './schema';
import { normalizeEmail } from './tokens';
import { inWriteTransaction } from './write-transaction';

export interface UserInfo {
  email: string;
  role: Role;
  createdAt: string;
  /** Tokens not revoked. */
  activeTokens: number;
  /** Newest use of any of the user's tokens. */
  lastUsedAt: string | null;
}

export async function listUsers(db: Kysely<Database>, teamId: string): Promise<UserInfo[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('tokens', (j) => j.onRef('tokens.user_id', '=', 'users.id').on('tokens.revoked_at', 'is', null))
    .select((eb) => [
      'users.email as email',
      'users.role as role',
      'users.created_at as createdAt',
      eb.fn.count<number>('tokens.id').as('activeTokens'),
      eb.fn.max('tokens.last_used_at').as('lastUsedAt'),
    ])
    .where('users.team_id', '=', teamId)
    .groupBy(['users.id', 'users.email', 'users.role', 'users.created_at'])
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({ ...r, activeTokens: Number(r.activeTokens), lastUsedAt: r.lastUsedAt ?? null }));
}

export async function findUser(db: Kysely<Database>, teamId: string, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'created_at'])
    .where('team_id', '=', teamId)
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
}

export type SetRoleResult = 'changed' | 'unchanged' | 'no_such_user' | 'last_admin';

/** Changes a user's role; refuses to leave the team without an admin. */
export async function setRole(db: Kysely<Database>, teamId: string, email: string, role: Role): Promise<SetRoleResult> {
  const run = async (trx: Kysely<Database>): Promise<SetRoleResult> => {
    // The team row lock serialises role changes, so two admins cannot demote each other at once.
    await trx.updateTable('teams').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', teamId).execute();
    const user = await findUser(trx, teamId, email);
    if (!user) return 'no_such_user';
    if (user.role === role) return 'unchanged';
    if (user.role === 'admin') {
      const admins = await trx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('team_id', '=', teamId)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) return 'last_admin';
    }
    await trx.updateTable('users').set({ role }).where('id', '=', user.id).execute();
    return 'changed';
  };
  return db.isTransaction ? run(db) : inWriteTransaction(db, run);
}

export async function listTeamTokens(db: Kysely<Database>, teamId: string) {
  return db
    .selectFrom('tokens')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .select([
      'tokens.id as id',
      'users.email as email',
      'users.role as role',
      'tokens.created_at as createdAt',
      'tokens.last_used_at as lastUsedAt',
      'tokens.revoked_at as revokedAt',
    ])
    .where('tokens.team_id', '=', teamId)
    .orderBy('tokens.id')
    .execute();
}
