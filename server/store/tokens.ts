import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId as ulid } from '../ids';
import type { Database, Role } from './schema';
import { runTemplate } from './templates';
import { ensureTeam } from './teams';
import { inWriteTransaction } from './write-transaction';

/** Who a request acts for, as established by its bearer token. */
export interface Principal {
  teamId: string;
  teamName: string;
  userId: string;
  email: string;
  role: Role;
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

export function newTokenSecret(): string {
  return `sb_${randomBytes(32).toString('base64url')}`;
}

/** E-mail addresses are compared lower-cased: the owner id the extension writes is the same string. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface CreateTokenOptions {
  /**
   * The user's role: set for a new user, changed for an existing one. Without it a new user is a
   * member — except the first user of a team, who becomes its admin.
   */
  role?: Role;
}

/** Creates a token for `email` in `teamName` (both created when new) and returns it: the only time it exists in clear. */
export async function createToken(
  db: Kysely<Database>,
  teamName: string,
  email: string,
  options: CreateTokenOptions = {},
): Promise<{ token: string; id: string; teamCreated: boolean; role: Role }> {
  return inWriteTransaction(db, async (trx) => {
    const team = await ensureTeam(trx, teamName);
    const user = await ensureUser(trx, team.id, email, options.role);
    const { token, id } = await insertToken(trx, team.id, user.id);
    return { token, id, teamCreated: team.created, role: user.role };
  });
}

/** The user `email` of the team, created when new (see CreateTokenOptions for the role). */
export async function ensureUser(
  db: Kysely<Database>,
  teamId: string,
  email: string,
  role?: Role,
): Promise<{ id: string; role: Role; created: boolean }> {
  const address = normalizeEmail(email);
  const existing = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('team_id', '=', teamId)
    .where('email', '=', address)
    .executeTakeFirst();
  if (existing) {
    if (role !== undefined && role !== existing.role) {
      await db.updateTable('users').set({ role }).where('id', '=', existing.id).execute();
      return { id: existing.id, role, created: false };
    }
    return { ...existing, created: false };
  }
  const first = (await db.selectFrom('users').select('id').where('team_id', '=', teamId).limit(1).executeTakeFirst()) === undefined;
  const user = { id: ulid(), team_id: teamId, email: address, role: role ?? (first ? 'admin' : 'member'), created_at: new Date().toISOString() } as const;
  await db.insertInto('users').values(user).execute();
  return { id: user.id, role: user.role, created: true };
}

export async function insertToken(db: Kysely<Database>, teamId: string, userId: string): Promise<{ token: string; id: string }> {
  const token = newTokenSecret();
  const id = ulid();
  await db
    .insertInto('tokens')
    .values({ id, team_id: teamId, user_id: userId, token_hash: hashToken(token), created_at: new Date().toISOString() })
    .execute();
  return { token, id };
}

/** The principal of a live token, noting its use; undefined for unknown or revoked tokens. */
export async function authenticate(db: Kysely<Database>, token: string, now = new Date()): Promise<Principal | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const { rows } = await runTemplate(db, 'authenticate', [hashToken(token)], ([hash]) =>
    db
      .selectFrom('tokens')
      .innerJoin('users', 'users.id', 'tokens.user_id')
      .innerJoin('teams', 'teams.id', 'tokens.team_id')
      .select([
        'tokens.id as id',
        'tokens.team_id as teamId',
        'teams.name as teamName',
        'tokens.user_id as userId',
        'users.email as email',
        'users.role as role',
        'tokens.revoked_at as revokedAt',
        'tokens.last_used_at as lastUsedAt',
      ])
      .where('tokens.token_hash', '=', hash!),
  );
  const row = rows[0];
  if (!row || row.revokedAt !== null) return undefined;
  if (row.lastUsedAt === null || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_RESOLUTION_MS) {
    await db.updateTable('tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { teamId: row.teamId, teamName: row.teamName, userId: row.userId, email: row.email, role: row.role, tokenId: row.id };
}

/** Revokes a token by id (only within `teamId` when given); false when there is no such live token. */
export async function revokeToken(db: Kysely<Database>, id: string, now = new Date(), teamId?: string): Promise<boolean> {
  let query = db.updateTable('tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null);
  if (teamId !== undefined) query = query.where('team_id', '=', teamId);
  const result = await query.executeTakeFirst();
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
