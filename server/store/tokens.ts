import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ulid } from 'ulidx';
import type { Database } from './schema';
import { ensureTeam } from './teams';

/** Who a request acts for, as established by its bearer token. */
export interface Principal {
  teamId: string;
  userId: string;
  tokenId: string;
}

export interface TokenInfo {
  id: string;
  team: string;
  email: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const TOKEN_PATTERN = /^sb_[A-Za-z0-9_-]{43}$/;
/** Recording every use would make every read a write; a minute is precise enough for an admin. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a token for `email` in `teamName` (both created when new) and returns it: the only time it exists in clear. */
export async function createToken(
  db: Kysely<Database>,
  teamName: string,
  email: string,
): Promise<{ token: string; id: string; teamCreated: boolean }> {
  const token = `sb_${randomBytes(32).toString('base64url')}`;
  const id = ulid();
  const now = new Date().toISOString();
  const teamCreated = await db.transaction().execute(async (trx) => {
    const team = await ensureTeam(trx, teamName);
    await trx
      .insertInto('users')
      .values({ id: ulid(), team_id: team.id, email, created_at: now })
      .onConflict((oc) => oc.columns(['team_id', 'email']).doNothing())
      .execute();
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('team_id', '=', team.id)
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('tokens')
      .values({ id, team_id: team.id, user_id: user.id, token_hash: hashToken(token), created_at: now })
      .execute();
    return team.created;
  });
  return { token, id, teamCreated };
}

/** The principal of a live token, noting its use; undefined for unknown or revoked tokens. */
export async function authenticate(db: Kysely<Database>, token: string, now = new Date()): Promise<Principal | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const row = await db
    .selectFrom('tokens')
    .select(['id', 'team_id', 'user_id', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS) {
    await db.updateTable('tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { teamId: row.team_id, userId: row.user_id, tokenId: row.id };
}

/** Revokes a token by id; false when there is no such live token. */
export async function revokeToken(db: Kysely<Database>, id: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listTokens(db: Kysely<Database>, teamName?: string): Promise<TokenInfo[]> {
  let query = db
    .selectFrom('tokens')
    .innerJoin('teams', 'teams.id', 'tokens.team_id')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .select([
      'tokens.id as id',
      'teams.name as team',
      'users.email as email',
      'tokens.created_at as createdAt',
      'tokens.last_used_at as lastUsedAt',
      'tokens.revoked_at as revokedAt',
    ])
    .orderBy('tokens.id');
  if (teamName !== undefined) query = query.where('teams.name', '=', teamName);
  return query.execute();
}
