import type { SiteHealth } from '../messaging/protocol';
import type { ScoutbookDb } from './database';

/** A success already on record this recently is not written again: one profile view, no write. */
const SUCCESS_REFRESH_MS = 10 * 60 * 1000;

export async function loadSiteHealth(db: ScoutbookDb): Promise<SiteHealth> {
  return ((await db.meta.get('siteHealth'))?.value as SiteHealth | undefined) ?? {};
}

/** Record which extractor alternative matched on a site, or the latest miss. */
export async function recordExtraction(
  db: ScoutbookDb,
  report: { site: string; matched?: string; miss?: string; url?: string },
  now: number = Date.now(),
): Promise<void> {
  const health = await loadSiteHealth(db);
  const site = health[report.site] ?? {};
  if (report.matched) {
    if (site.matched === report.matched && now - (site.lastSuccessAt ?? 0) < SUCCESS_REFRESH_MS) return;
    health[report.site] = { ...site, matched: report.matched, lastSuccessAt: now };
  } else if (report.miss) {
    health[report.site] = { ...site, lastMiss: report.miss, lastMissUrl: report.url, lastMissAt: now };
  } else return;
  await db.meta.put({ key: 'siteHealth', value: health });
}
