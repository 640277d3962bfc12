import type { Kysely } from 'kysely';
import { storeArticles, type FeedArticle } from '../store/intel';
import { chunks } from '../store/records';
import type { Database } from '../store/schema';
import { canonicalKey, cleanUrl } from './canonical';
import { classify } from './classify';
import { buildKnownCompanies, matchCompanies, type CompanySource, type KnownCompany } from './companies';
import { parseFeed } from './feed';
import { htmlToText, oneLine, truncate } from './html';
import { judge, projectLinks, titleSubjects, type ProjectLink } from './project-links';

type Db = Kysely<Database>;

export const SUMMARY_CHARS = 300;

/** The companies a team knows: its company records, the employers in its person records, its aliases. */
export async function loadKnownCompanies(db: Db, teamId: string): Promise<KnownCompany[]> {
  const sources: CompanySource[] = [];
  const companies = await db.selectFrom('records').select(['data']).where('team_id', '=', teamId).where('entity', '=', 'company').where('deleted', '=', 0).execute();
  for (const r of companies) {
    const d = JSON.parse(r.data) as Record<string, unknown>;
    if (typeof d.name !== 'string') continue;
    const website = [d.website, d.domain, d.homepage].find((w): w is string => typeof w === 'string');
    sources.push({ name: d.name, keys: Array.isArray(d.profileKeys) ? d.profileKeys.filter((k): k is string => typeof k === 'string') : [], website });
  }
  const employers = await db
    .selectFrom('records')
    .select(['company_name', 'company_key'])
    .distinct()
    .where('team_id', '=', teamId)
    .where('entity', '=', 'person')
    .where('deleted', '=', 0)
    .where('company_name', 'is not', null)
    .execute();
  for (const e of employers) sources.push({ name: e.company_name!, key: e.company_key });
  const aliases = await db.selectFrom('company_aliases').select(['alias', 'company_name']).where('team_id', '=', teamId).execute();
  return buildKnownCompanies(sources, aliases.map((a) => ({ alias: a.alias, companyName: a.company_name })));
}

export interface IngestResult {
  /** What the document was: an HTML page or an error page parses as 'unknown' with no items. */
  format: 'rss' | 'atom' | 'rdf' | 'unknown';
  /** Items the feed held. */
  items: number;
  added: number;
  /** Stories already stored (same canonical URL, or same title within a few days). */
  duplicates: number;
  /** Items without a usable URL or title. */
  skipped: number;
  /** Company links created. */
  links: number;
}

interface Prepared {
  article: FeedArticle;
  articleKey: string;
  links: ProjectLink[];
  title: string;
  text: string;
}

/**
 * Parses a feed and stores its stories for the team, each linked to the companies it is about.
 * Robust to malformed feeds: what cannot be read is skipped, never thrown.
 */
export async function ingestFeed(
  db: Db,
  teamId: string,
  xml: string,
  options: { source: string; feedId?: string | null; now?: Date; known?: KnownCompany[] },
): Promise<IngestResult> {
  const now = options.now ?? new Date();
  const feed = parseFeed(xml);
  const known = options.known ?? (await loadKnownCompanies(db, teamId));
  const prepared: Prepared[] = [];
  let skipped = 0;
  for (const item of feed.items) {
    const url = item.url ? cleanUrl(item.url) : undefined;
    const { text, anchors } = htmlToText(item.html);
    const title = truncate(oneLine(item.title) || oneLine(text).slice(0, 80), 500);
    if (!url || !title) {
      skipped += 1;
      continue;
    }
    const published = item.publishedAt && item.publishedAt.getTime() <= now.getTime() + 86_400_000 ? item.publishedAt : now;
    const summary = truncate(oneLine(text), SUMMARY_CHARS) || undefined;
    prepared.push({
      article: { title, url, publishedAt: published, ...classify(title, text), summary, source: truncate(options.source, 200), companies: [] },
      articleKey: canonicalKey(url) ?? url,
      links: projectLinks(text, anchors),
      title,
      text,
    });
  }

  // A project-link id seen in other articles (stored, or elsewhere in this feed) under the same name.
  const recurring = await projectLinkArticles(db, teamId, prepared.flatMap((p) => p.links.map((l) => l.dataId)).filter(Boolean));
  for (const p of prepared) for (const l of p.links) if (l.dataId) addTo(recurring, `${l.dataId}\u0000${l.name}`, p.articleKey);

  for (const p of prepared) {
    const others = new Set(p.links.filter((l) => [...(recurring.get(`${l.dataId}\u0000${l.name}`) ?? [])].some((a) => a !== p.articleKey)).map((l) => l.dataId));
    const accepted = p.links.map((l) => judge(l, p.title, p.text, others)).filter((v) => v.accepted).map((v) => v.name);
    const mentions = [...new Set([...titleSubjects(p.title), ...accepted])];
    p.article.companies = matchCompanies(known, { title: p.title, text: p.text, url: p.article.url, mentions });
  }

  const stored = await storeArticles(db, teamId, prepared.map((p) => p.article), options.feedId ?? null, now);
  await rememberProjectLinks(db, teamId, prepared, now);
  return { format: feed.format, items: feed.items.length, skipped, ...stored };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

async function projectLinkArticles(db: Db, teamId: string, dataIds: string[]): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  for (const part of chunks([...new Set(dataIds)], 500)) {
    const rows = await db.selectFrom('project_links').select(['data_id', 'name', 'article']).where('team_id', '=', teamId).where('data_id', 'in', part).execute();
    for (const r of rows) addTo(found, `${r.data_id}\u0000${r.name}`, r.article);
  }
  return found;
}

async function rememberProjectLinks(db: Db, teamId: string, prepared: readonly Prepared[], now: Date): Promise<void> {
  const rows = new Map<string, { team_id: string; data_id: string; name: string; article: string; seen_at: string }>();
  for (const p of prepared) {
    for (const l of p.links) {
      if (!l.dataId) continue;
      rows.set(`${l.dataId}\u0000${p.articleKey}`, { team_id: teamId, data_id: l.dataId.slice(0, 64), name: l.name.slice(0, 100), article: p.articleKey, seen_at: now.toISOString() });
    }
  }
  for (const part of chunks([...rows.values()])) {
    await db.insertInto('project_links').values(part).onConflict((oc) => oc.doNothing()).execute();
  }
}
