import type { Kysely } from 'kysely';
import { ulid } from 'ulidx';
import type { IntelImportItem, IntelItem } from '../../utils/schema';
import type { Database, IntelItemsTable } from './schema';

/** How many items a company lookup returns: enough for a card, bounded for a busy account. */
export const INTEL_LOOKUP_LIMIT = 50;

/** Names match case-insensitively and ignoring outer spaces. */
export function companyNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Inserts the items in one transaction; an item whose URL the team already has is skipped, so
 * importing the same feed twice adds nothing.
 */
export async function importIntel(
  db: Kysely<Database>,
  teamId: string,
  items: readonly IntelImportItem[],
  now = new Date(),
): Promise<{ inserted: number; present: number }> {
  return db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (const item of items) {
      const row = await trx
        .insertInto('intel_items')
        .values(toRow(teamId, item, now))
        .onConflict((oc) => oc.columns(['team_id', 'url']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) inserted += 1;
    }
    return { inserted, present: items.length - inserted };
  });
}

function toRow(teamId: string, item: IntelImportItem, now: Date): IntelItemsTable {
  return {
    id: ulid(),
    team_id: teamId,
    company_key: item.companyKey ?? null,
    company_name: item.companyName,
    company_name_lower: companyNameKey(item.companyName),
    type: item.type,
    title: item.title,
    url: item.url,
    published_at: new Date(item.publishedAt).toISOString(),
    summary: item.summary ?? null,
    source: item.source ?? null,
    created_at: now.toISOString(),
  };
}

/** The team's intel about a company, by profile key or by name, newest first. */
export async function findIntel(
  db: Kysely<Database>,
  teamId: string,
  company: { key?: string | undefined; name?: string | undefined },
): Promise<IntelItem[]> {
  const { key, name } = company;
  const rows = await db
    .selectFrom('intel_items')
    .selectAll()
    .where('team_id', '=', teamId)
    .where((eb) =>
      eb.or([
        ...(key !== undefined ? [eb('company_key', '=', key)] : []),
        ...(name !== undefined ? [eb('company_name_lower', '=', companyNameKey(name))] : []),
      ]),
    )
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(INTEL_LOOKUP_LIMIT)
    .execute();
  return rows.map(
    (r): IntelItem => ({
      id: r.id,
      companyName: r.company_name,
      ...(r.company_key !== null && { companyKey: r.company_key }),
      type: r.type as IntelItem['type'],
      title: r.title,
      url: r.url,
      publishedAt: r.published_at,
      ...(r.summary !== null && { summary: r.summary }),
      ...(r.source !== null && { source: r.source }),
    }),
  );
}
