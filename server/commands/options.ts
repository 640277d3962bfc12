import { z } from 'zod';
import { describeZodError } from '../../utils/schema';
import { DEFAULT_DB } from '../defaults';
import { openStore, type Store } from '../store/open';
import { ROLES, type Role } from '../store/schema';
import { findTeam, type Team } from '../store/teams';
import { UsageError, type Values } from './usage-error';

export const TeamName = z.string().trim().min(1, 'team name is required').max(100, 'team name is too long');
export const RoleName = z.enum(ROLES, { error: 'must be admin or member' });

/** `--db` wins over DATABASE_URL, which wins over the default file. */
export function dbLocation(values: Values): string {
  return values.db ?? process.env.DATABASE_URL ?? DEFAULT_DB;
}

export async function withStore<T>(values: Values, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(dbLocation(values));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function checked<T>(schema: z.ZodType<T>, value: string | undefined, option: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`--${option}: ${describeZodError(result.error)}`);
  return result.data;
}

export function roleOption(values: Values): Role | undefined {
  return values.role === undefined ? undefined : checked(RoleName, values.role, 'role');
}

/** The team named by --team, which must exist (commands that create teams use ensureTeam). */
export async function existingTeam(store: Store, values: Values): Promise<Team> {
  const name = checked(TeamName, values.team, 'team');
  const team = await findTeam(store.db, name);
  if (!team) throw new Error(`no team ${name}: create it with "team create ${name}" or "token create --team ${name} --user <email>"`);
  return team;
}

/** A duration: 30 (minutes), 45s, 30m, 2h, 1.5h. */
export function durationMs(value: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(value.trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError(`--${option}: expected a duration such as 30m, 45s or 2h`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 'm') as 'ms' | 's' | 'm' | 'h'];
  return Number(m[1]) * unit;
}
