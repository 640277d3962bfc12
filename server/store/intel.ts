import type { Kysely } from 'kysely';
import { newId as ulid } from '../ids';
import { z } from 'zod';
import { IntelImportItem, IntelItem, Text } from '../../utils/schema';
import { canonicalKey, sameStory, titleKey } from '../intel/canonical';
import { BUILTIN_ALIASES, companyKeyOf, nameForms, normalizeName, type CompanyMatch } from '../intel/companies';
import { chunks } from './records';
import type { Database, IntelItemsTable } from './schema';
import { inWriteTransaction } from './write-transaction';

type Db = Kysely<Database>;

/** How many items a company lookup returns: enough for a card, bounded for a busy account. */
export const INTEL_LOOKUP_LIMIT = 50;
/** Stories with near-identical titles this close in time are one story. */
export const SAME_STORY_WINDOW_MS = 3 * 86_400_000;

/**
 * What the API serves: IntelItem plus the funding amount and round. Both are optional, so an
 * answer stays valid against the current IntelItem schema (whose parser drops unknown keys)
 * until utils/schema adds them.
 */
export const ServedIntelItem = IntelItem.extend({
  amount: Text(60).min(1).optional(),
  round: Text(40).min(1).optional(),
});
export type ServedIntelItem = z.infer<typeof ServedIntelItem>;

/** What `intel import` reads (JSON or CSV): IntelImportItem plus amount and round. */
export const ImportItem = IntelImportItem.extend({
  amount: Text(60).min(1).optional(),
  round: Text(40).min(1).optional(),
});
export type ImportItem = z.infer<typeof ImportItem>;

/** Names match case-insensitively, ignoring outer spaces and legal suffixes (see companyKeyOf). */
export function companyNameKey(name: string): string {
  return companyKeyOf(name);
}

async function existingByCanonical(trx: Db, teamId: string, keys: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(keys)], 500)) {
    const rows = await trx.selectFrom('intel_items').select(['id', 'canonical_url']).where('team_id', '=', teamId).where('canonical_url', 'in', part).execute();
    for (const r of rows) found.set(r.canonical_url!, r.id);
  }
  return found;
}

async function addLinks(trx: Db, teamId: string, itemId: string, companies: readonly CompanyMatch[], now: Date): Promise<number> {
  let added = 0;
  for (const c of companies) {
    const name = c.name.trim();
    if (!name) continue;
    const row = await trx
      .insertInto('intel_links')
      .values({
        id: ulid(),
        team_id: teamId,
        item_id: itemId,
        company_name: name,
        company_name_lower: companyNameKey(name),
        company_key: c.key ?? null,
        match: c.match,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['team_id', 'item_id', 'company_name_lower']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) added += 1;
  }
  return added;
}

interface NewItem {
  title: string;
  url: string;
  publishedAt: Date;
  type: string;
  summary?: string | undefined;
  source?: string | undefined;
  amount?: string | undefined;
  round?: string | undefined;
  companies: CompanyMatch[];
}

function toRow(teamId: string, item: NewItem, now: Date, feedId: string | null): IntelItemsTable {
  const first = item.companies[0];
  return {
    id: ulid(),
    team_id: teamId,
    company_key: first?.key ?? null,
    company_name: first?.name ?? '',
    company_name_lower: first ? companyNameKey(first.name) : '',
    type: item.type,
    title: item.title,
    url: item.url,
    published_at: item.publishedAt.toISOString(),
    summary: item.summary ?? null,
    source: item.source ?? null,
    created_at: now.toISOString(),
    amount: item.amount ?? null,
    round: item.round ?? null,
    canonical_url: canonicalKey(item.url) ?? item.url,
    title_key: titleKey(item.title),
    feed_id: feedId,
  };
}

/**
 * Inserts the items in one transaction; an item whose canonical URL the team already has is not
 * stored again (its company link is added to the stored one), so importing the same feed twice
 * adds nothing.
 */
export async function importIntel(db: Db, teamId: string, items: readonly ImportItem[], now = new Date()): Promise<{ inserted: number; present: number }> {
  return inWriteTransaction(db, async (trx) => {
    const known = await existingByCanonical(trx, teamId, items.map((i) => canonicalKey(i.url) ?? i.url));
    let inserted = 0;
    for (const item of items) {
      const key = canonicalKey(item.url) ?? item.url;
      const companies: CompanyMatch[] = [{ name: item.companyName, key: item.companyKey, match: 'import' }];
      let id = known.get(key);
      if (id === undefined) {
        const row = toRow(teamId, { ...item, publishedAt: new Date(item.publishedAt), companies }, now, null);
        await trx.insertInto('intel_items').values(row).execute();
        known.set(key, (id = row.id));
        inserted += 1;
      }
      await addLinks(trx, teamId, id, companies, now);
    }
    return { inserted, present: items.length - inserted };
  });
}

export type FeedArticle = NewItem;

/**
 * Stores articles from a feed: one story once, whether it comes again under the same canonical
 * URL or under a near-identical title within a few days (from another feed). A repeat adds the
 * companies it matched to the stored story.
 */
export async function storeArticles(
  db: Db,
  teamId: string,
  articles: readonly FeedArticle[],
  feedId: string | null,
  now = new Date(),
): Promise<{ added: number; duplicates: number; links: number }> {
  if (articles.length === 0) return { added: 0, duplicates: 0, links: 0 };
  return inWriteTransaction(db, async (trx) => {
    const byUrl = await existingByCanonical(trx, teamId, articles.map((a) => canonicalKey(a.url) ?? a.url));
    const times = articles.map((a) => a.publishedAt.getTime());
    const from = new Date(Math.min(...times) - SAME_STORY_WINDOW_MS).toISOString();
    const to = new Date(Math.max(...times) + SAME_STORY_WINDOW_MS).toISOString();
    const recent = (
      await trx
        .selectFrom('intel_items')
        .select(['id', 'title_key', 'published_at'])
        .where('team_id', '=', teamId)
        .where('published_at', '>=', from)
        .where('published_at', '<=', to)
        .execute()
    ).map((r) => ({ id: r.id, key: r.title_key ?? '', at: Date.parse(r.published_at) }));
    let added = 0;
    let duplicates = 0;
    let links = 0;
    for (const a of articles) {
      const url = canonicalKey(a.url) ?? a.url;
      const key = titleKey(a.title);
      const at = a.publishedAt.getTime();
      let id = byUrl.get(url) ?? recent.find((r) => Math.abs(r.at - at) <= SAME_STORY_WINDOW_MS && sameStory(r.key, key))?.id;
      if (id === undefined) {
        const row = toRow(teamId, a, now, feedId);
        await trx.insertInto('intel_items').values(row).execute();
        id = row.id;
        byUrl.set(url, id);
        recent.push({ id, key, at });
        added += 1;
      } else duplicates += 1;
      links += await addLinks(trx, teamId, id, a.companies, now);
    }
    return { added, duplicates, links };
  });
}

/** Every key a lookup by name should find: the name's forms, its built-in and team aliases. */
async function lookupNames(db: Db, teamId: string, name: string): Promise<Set<string>> {
  const names = new Set([...nameForms(name), name].map(normalizeName));
  for (const group of BUILTIN_ALIASES) if (group.some((g) => names.has(normalizeName(g)))) for (const g of group) names.add(normalizeName(g));
  const aliases = await db.selectFrom('company_aliases').select(['alias_lower', 'company_name']).where('team_id', '=', teamId).execute();
  for (const a of aliases) {
    if (names.has(a.alias_lower) || names.has(companyKeyOf(a.alias_lower))) names.add(normalizeName(a.company_name));
  }
  for (const a of aliases) {
    if (names.has(normalizeName(a.company_name))) names.add(a.alias_lower);
  }
  return new Set([...names].map(companyKeyOf));
}

/** A company's other profile keys and its name, when the team has a company record with this key. */
async function companyByKey(db: Db, teamId: string, key: string): Promise<{ keys: string[]; names: string[] }> {
  const ids = (await db.selectFrom('record_keys').select('id').where('team_id', '=', teamId).where('entity', '=', 'company').where('profile_key', '=', key).execute()).map((r) => r.id);
  if (ids.length === 0) return { keys: [key], names: [] };
  const keys = await db.selectFrom('record_keys').select('profile_key').where('team_id', '=', teamId).where('entity', '=', 'company').where('id', 'in', ids).execute();
  const names = await db.selectFrom('records').select('company_name').where('team_id', '=', teamId).where('entity', '=', 'company').where('id', 'in', ids).execute();
  return { keys: [key, ...keys.map((k) => k.profile_key)], names: names.map((n) => n.company_name).filter((n): n is string => !!n) };
}

/** The team's intel about a company, by profile key or by name (and their aliases), newest first. */
export async function findIntel(db: Db, teamId: string, company: { key?: string | undefined; name?: string | undefined }): Promise<ServedIntelItem[]> {
  const keys = new Set<string>();
  const names = new Set<string>();
  if (company.key !== undefined) {
    const found = await companyByKey(db, teamId, company.key);
    for (const k of found.keys) keys.add(k);
    for (const n of found.names) for (const v of await lookupNames(db, teamId, n)) names.add(v);
  }
  if (company.name !== undefined) for (const v of await lookupNames(db, teamId, company.name)) names.add(v);
  if (keys.size === 0 && names.size === 0) return [];
  const rows = await db
    .selectFrom('intel_links as l')
    .innerJoin('intel_items as i', 'i.id', 'l.item_id')
    .select([
      'l.id as linkId',
      'l.company_name as linkName',
      'l.company_key as linkKey',
      'i.id as itemId',
      'i.type',
      'i.title',
      'i.url',
      'i.published_at',
      'i.summary',
      'i.source',
      'i.amount',
      'i.round',
    ])
    .where('l.team_id', '=', teamId)
    .where((eb) =>
      eb.or([...(keys.size ? [eb('l.company_key', 'in', [...keys])] : []), ...(names.size ? [eb('l.company_name_lower', 'in', [...names])] : [])]),
    )
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(INTEL_LOOKUP_LIMIT * 4)
    .execute();
  const seen = new Set<string>();
  const items: ServedIntelItem[] = [];
  for (const r of rows) {
    if (seen.has(r.itemId)) continue;
    seen.add(r.itemId);
    items.push({
      id: r.linkId,
      companyName: r.linkName,
      ...(r.linkKey !== null && { companyKey: r.linkKey }),
      type: r.type as IntelItem['type'],
      title: r.title,
      url: r.url,
      publishedAt: r.published_at,
      ...(r.summary !== null && { summary: r.summary }),
      ...(r.source !== null && { source: r.source }),
      ...(r.amount !== null && { amount: r.amount }),
      ...(r.round !== null && { round: r.round }),
    });
    if (items.length === INTEL_LOOKUP_LIMIT) break;
  }
  return items;
}
