/**
 * One story, one key: article URLs lose their tracking parameters, and titles are normalised so
 * that the same story arriving from several feeds (36Kr's own, RSSHub's, an aggregator's) is kept once.
 */

/** Query parameters that only say where a click came from. */
const TRACKING = /^(utm_\w+|ktm_\w+|spm|from|fr|ref|ref_src|source|src|share_\w*|shareuid|scene|mp|f|_ga|gclid|fbclid|mc_cid|mc_eid|igshid|yclid|wt\.mc_id|track\w*)$/i;
/** `f=rss` and `from=feed` are tracking, but `f=42` on some site may be the article: drop these only with feed-ish values. */
const TRACKING_ONLY_WITH_FEED_VALUE = /^(f|from|source|src|mp)$/i;
const FEED_VALUE = /^(rss|feed|atom|rss2|newsletter|zzquote|timeline|share|wechat|weibo)$/i;

function isTracking(name: string, value: string): boolean {
  if (!TRACKING.test(name)) return false;
  return TRACKING_ONLY_WITH_FEED_VALUE.test(name) ? FEED_VALUE.test(value) : true;
}

/** The URL without tracking parameters or fragment; undefined unless it is an absolute http(s) URL. */
export function cleanUrl(raw: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  url.hash = '';
  for (const [name, value] of [...url.searchParams]) if (isTracking(name, value)) url.searchParams.delete(name);
  const s = url.toString();
  return s.endsWith('?') ? s.slice(0, -1) : s;
}

/** Scheme-less, `www.`-less, trailing-slash-less, query sorted: http://36kr.com/p/1?ktm_source=feed ≡ https://www.36kr.com/p/1. */
export function canonicalKey(raw: string): string | undefined {
  const cleaned = cleanUrl(raw);
  if (!cleaned) return undefined;
  const url = new URL(cleaned);
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const params = [...url.searchParams].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

/** Column prefixes and suffixes that different feeds add to the same story. */
const TITLE_PREFIX = /^(?:(?:36氪|硬氪|氪)?首发|独家|快讯|最前线|8点1氪|氪星晚报|早期项目|重磅|深度|breaking|exclusive)\s*[|｜:：丨]\s*/i;
const TITLE_SUFFIX = /\s*[|｜丨]\s*(?:(?:36氪)?首发|36氪特稿|专访|独家|36kr)\s*$/i;

/** Lower-case letters, digits and CJK only, without column prefixes. */
export function titleKey(title: string): string {
  let t = title.normalize('NFKC').trim();
  for (let i = 0; i < 2; i++) t = t.replace(TITLE_PREFIX, '').replace(TITLE_SUFFIX, '');
  return t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const grams = new Map<string, number>();
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i]! + chars[i + 1]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function numbers(s: string): string {
  return (s.match(/\d+(?:\.\d+)?/g) ?? []).sort().join(',');
}

/** Dice coefficient of character bigrams. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of x.values()) total += n;
  for (const [g, n] of y) {
    total += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

export const SIMILAR_TITLE = 0.8;

/**
 * Two title keys tell the same story when they are nearly the same text and carry the same numbers:
 * "X raises $20M" and "X raises $30M" are different news, as are "Story 1" and "Story 2".
 */
export function sameStory(a: string, b: string): boolean {
  if (a.length < 6 || b.length < 6) return a === b;
  if (numbers(a) !== numbers(b)) return false;
  return similarity(a, b) >= SIMILAR_TITLE;
}
