import type { Kysely } from 'kysely';
import { newId as ulid } from '../ids';
import { z } from 'zod';
import type { CompanyAliasesTable, Database } from './schema';

type Db = Kysely<Database>;

export const AliasInfo = z.object({ id: z.string(), alias: z.string(), companyName: z.string(), createdAt: z.string() });
export type AliasInfo = z.infer<typeof AliasInfo>;

export function toAliasInfo(r: CompanyAliasesTable): AliasInfo {
  return { id: r.id, alias: r.alias, companyName: r.company_name, createdAt: r.created_at };
}

export function aliasKey(alias: string): string {
  return alias.normalize('NFKC').trim().toLowerCase();
}

/** Adds "alias means companyName" for the team; undefined when the alias is taken. */
export async function addAlias(db: Db, teamId: string, alias: string, companyName: string, now = new Date()): Promise<CompanyAliasesTable | undefined> {
  const row: CompanyAliasesTable = {
    id: ulid(),
    team_id: teamId,
    alias: alias.trim(),
    alias_lower: aliasKey(alias),
    company_name: companyName.trim(),
    created_at: now.toISOString(),
  };
  const inserted = await db
    .insertInto('company_aliases')
    .values(row)
    .onConflict((oc) => oc.columns(['team_id', 'alias_lower']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? row : undefined;
}

export async function listAliases(db: Db, teamId: string): Promise<CompanyAliasesTable[]> {
  return db.selectFrom('company_aliases').selectAll().where('team_id', '=', teamId).orderBy('alias_lower').execute();
}

export async function removeAlias(db: Db, teamId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('company_aliases').where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
