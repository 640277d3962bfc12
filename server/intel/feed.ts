import { stripCdataMarkers } from './html';
import { child, children, findAll, innerMarkup, parseXml, textOf, type XmlElement } from './xml';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom, read leniently: items are found wherever they are, fields by
 * their local name, and each field falls back to its alternatives (content:encoded → content →
 * description → summary; link → guid → Atom id). Never throws; an unreadable feed has no items.
 */
export interface FeedItem {
  title: string;
  url: string | undefined;
  publishedAt: Date | undefined;
  /** The richest body the item has, as HTML. */
  html: string;
  categories: string[];
  author: string | undefined;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'unknown';
  title: string;
  language: string | undefined;
  items: FeedItem[];
}

export const MAX_FEED_ITEMS = 500;
const ITEM = new Set(['item', 'entry']);

/** Field text: CDATA markers escaped twice removed, whitespace collapsed. */
function fieldText(el: XmlElement | undefined): string {
  return stripCdataMarkers(textOf(el)).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function atomLink(item: XmlElement): string | undefined {
  const links = children(item, 'link');
  const href = (l: XmlElement | undefined) => (l?.attrs.href ?? '').trim() || undefined;
  const alternate = links.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate');
  return href(alternate) ?? (links.length && !links.some((l) => l.attrs.href) ? fieldText(links[0]) || undefined : href(links[0]));
}

function itemUrl(item: XmlElement): string | undefined {
  const orig = fieldText(child(item, 'origlink'));
  if (/^https?:\/\//i.test(orig)) return orig;
  const link = child(item, 'link');
  const fromLink = link && !link.attrs.href ? fieldText(link) : atomLink(item);
  if (fromLink && /^https?:\/\//i.test(fromLink)) return fromLink;
  const guid = child(item, 'guid');
  const guidText = fieldText(guid);
  if (guid && guid.attrs.isPermaLink !== 'false' && /^https?:\/\//i.test(guidText)) return guidText;
  const id = fieldText(child(item, 'id'));
  if (/^https?:\/\//i.test(id)) return id;
  return fromLink || undefined;
}

function itemHtml(item: XmlElement): string {
  const candidates = ['encoded', 'content', 'description', 'summary'].map((name) => stripCdataMarkers(innerMarkup(child(item, name))).trim());
  // The longest body: some feeds put a teaser in description and the article in content:encoded, others the reverse.
  return candidates.reduce((best, c) => (c.length > best.length ? c : best), '');
}

export function parseFeed(xml: string): ParsedFeed {
  const doc = parseXml(xml.replace(/^\uFEFF/, ''));
  const root = children(doc)[0];
  const format: ParsedFeed['format'] = !root ? 'unknown' : root.local === 'rss' ? 'rss' : root.local === 'feed' ? 'atom' : root.local === 'rdf' ? 'rdf' : 'unknown';
  const channel = root ? (child(root, 'channel') ?? root) : doc;
  const language = fieldText(child(channel, 'language')) || root?.attrs['xml:lang'] || undefined;
  const items = findAll(doc, ITEM)
    .slice(0, MAX_FEED_ITEMS)
    .map((item): FeedItem => {
      const title = stripCdataMarkers(fieldText(child(item, 'title')));
      const categories = children(item, 'category')
        .map((c) => fieldText(c) || c.attrs.term || '')
        .filter(Boolean);
      const authorEl = child(item, 'author', 'creator');
      const author = (authorEl && (fieldText(child(authorEl, 'name')) || fieldText(authorEl))) || undefined;
      const dateText = fieldText(child(item, 'pubdate', 'published', 'date', 'issued', 'updated', 'modified'));
      return {
        title: title.includes('<') ? title.replace(/<[^>]*>/g, '').trim() : title,
        url: itemUrl(item),
        publishedAt: parseFeedDate(dateText, language),
        html: itemHtml(item),
        categories,
        author,
      };
    });
  return { format, title: fieldText(child(channel, 'title')), language, items };
}

const ZONES: Record<string, string> = { UT: '+0000', UTC: '+0000', GMT: '+0000', Z: '+0000', BJT: '+0800', HKT: '+0800', SGT: '+0800', JST: '+0900', KST: '+0900', EST: '-0500', EDT: '-0400', CDT: '-0500', MST: '-0700', MDT: '-0600', PST: '-0800', PDT: '-0700' };

/**
 * RFC 822 (`Wed, 26 Oct 2016 16:53:42 +0800`), ISO 8601, and the zone-less `2016-10-26 16:53:42`
 * that Chinese feeds write. "CST" and zone-less times are China Standard Time in a Chinese feed,
 * US Central or UTC elsewhere.
 */
export function parseFeedDate(raw: string, language?: string): Date | undefined {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (!s) return undefined;
  const chinese = /^zh/i.test(language ?? '');
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i.exec(s);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', zone] = iso;
    const offset = zone ? (/^(Z|UTC|GMT)$/i.test(zone) ? '+00:00' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')) : chinese ? '+08:00' : '+00:00';
    const date = new Date(`${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${sec.padStart(2, '0')}${offset}`);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const zoned = s.replace(/\b(CST)\b/, chinese ? '+0800' : '-0600').replace(/\b([A-Z]{1,4})$/, (z) => ZONES[z] ?? z);
  const parsed = Date.parse(zoned);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}
