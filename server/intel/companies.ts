import { inFalseContext } from './project-links';

/**
 * Which of the team's companies an article is about. A company is known by its name, its
 * stripped legal name ("北京字节跳动科技有限公司" → 字节跳动, "Acme Robotics Inc." → Acme
 * Robotics), built-in aliases (领英 = LinkedIn), the team's aliases, and its web domains.
 */
export interface KnownCompany {
  /** The name links are stored under: the team's own spelling. */
  name: string;
  key?: string | undefined;
  variants: string[];
  domains: string[];
}

export type MatchKind = 'title' | 'body' | 'alias' | 'domain' | 'mention' | 'import';

export interface CompanyMatch {
  name: string;
  key?: string | undefined;
  match: MatchKind;
}

/** Chinese and English names of the same company; each group is one company. */
export const BUILTIN_ALIASES: readonly (readonly string[])[] = [
  ['领英', 'LinkedIn', '领英中国'],
  ['脉脉', 'Maimai', '淘友天下'],
  ['字节跳动', 'ByteDance'],
  ['腾讯', 'Tencent'],
  ['阿里巴巴', 'Alibaba', '阿里'],
  ['百度', 'Baidu'],
  ['美团', 'Meituan'],
  ['京东', 'JD.com', 'JD'],
  ['小米', 'Xiaomi'],
  ['华为', 'Huawei'],
  ['微软', 'Microsoft'],
  ['谷歌', 'Google'],
  ['亚马逊', 'Amazon'],
  ['苹果', 'Apple'],
  ['拼多多', 'Pinduoduo', 'PDD'],
  ['网易', 'NetEase'],
  ['快手', 'Kuaishou'],
  ['滴滴', 'DiDi', '滴滴出行'],
  ['猎聘', 'Liepin'],
  ['BOSS直聘', 'Boss Zhipin', 'Kanzhun'],
  ['智联招聘', 'Zhaopin'],
  ['前程无忧', '51job'],
  ['英伟达', 'NVIDIA'],
  ['特斯拉', 'Tesla'],
  ['小红书', 'Xiaohongshu', 'RED'],
  ['蚂蚁集团', 'Ant Group'],
];

const CITY_PREFIX = /^(?:北京|上海|深圳|杭州|广州|成都|南京|武汉|苏州|天津|重庆|西安|厦门|珠海|合肥|香港)(?:市)?/;
const CN_SUFFIX = /(?:股份有限公司|有限责任公司|集团有限公司|科技有限公司|网络科技有限公司|信息技术有限公司|有限公司|集团|公司)$/;
const EN_SUFFIX = /[\s,]+(?:inc\.?|ltd\.?|llc|l\.l\.c\.|co\.?|corp\.?|corporation|limited|gmbh|s\.a\.|plc|ag|holdings?|group|technologies|technology)$/i;

export function normalizeName(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The key a company's intel is stored and looked up under: lower-cased, without parenthetical,
 * legal suffix and — for a registered name such as 北京字节跳动科技有限公司 — city prefix. So
 * "Acme Robotics Inc." and "acme robotics", 极光机器人有限公司 and 极光机器人 find the same items,
 * while 上海银行 (no legal suffix) keeps its city.
 */
export function companyKeyOf(name: string): string {
  let n = name.normalize('NFKC').trim().replace(/\s*[（(][^)）]*[)）]\s*$/, '');
  let legal = false;
  for (let i = 0; i < 3; i++) {
    const next = n.replace(EN_SUFFIX, '').replace(CN_SUFFIX, '').trim();
    if (next !== n && [...next].length >= 2) {
      n = next;
      legal = true;
    }
  }
  if (legal) {
    const noCity = n.replace(CITY_PREFIX, '').replace(/(?:科技|网络|信息|技术)+$/, '');
    if ([...noCity].length >= 2) n = noCity;
  }
  return normalizeName(n);
}

/** The name and its shorter forms without legal suffix, city prefix or parenthetical. */
export function nameForms(name: string): string[] {
  const forms = new Set([name.trim()]);
  let n = name.normalize('NFKC').trim().replace(/\s*[（(][^)）]*[)）]\s*$/, '');
  forms.add(n);
  for (let i = 0; i < 3; i++) {
    const next = n.replace(EN_SUFFIX, '').replace(CN_SUFFIX, '').trim();
    if ([...next].length >= 2) n = next;
  }
  forms.add(n);
  const noCity = n.replace(CITY_PREFIX, '');
  if ([...noCity].length >= 2) forms.add(noCity);
  // "北京字节跳动科技" → 字节跳动: a trailing 科技/网络/信息/技术 after a city prefix is part of the legal name.
  const core = noCity.replace(/(?:科技|网络|信息|技术|智能科技)+$/, '');
  if (core !== noCity && [...core].length >= 2 && CITY_PREFIX.test(n)) forms.add(core);
  return [...forms].filter((f) => [...f].length >= 2);
}

/** Domain aliases are the ones that look like host names: acme.com, acme.co.uk. */
export function asDomain(alias: string): string | undefined {
  const a = alias.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(a) && !/^\d+(\.\d+)+$/.test(a) ? a : undefined;
}

export interface CompanySource {
  name: string;
  key?: string | null;
  keys?: string[];
  website?: string | null;
}

/** Merges the team's companies, people's employers and alias targets into one list with every variant. */
export function buildKnownCompanies(sources: readonly CompanySource[], teamAliases: readonly { alias: string; companyName: string }[]): KnownCompany[] {
  const byName = new Map<string, KnownCompany & { keys: Set<string> }>();
  const byKey = new Map<string, KnownCompany & { keys: Set<string> }>();
  // An alias names a company the team cares about, even before anyone saved it.
  const targets: CompanySource[] = teamAliases.map((a) => ({ name: a.companyName })).filter((t) => !sources.some((s) => normalizeName(s.name) === normalizeName(t.name)));
  for (const s of [...sources, ...targets]) {
    const name = s.name.trim();
    if ([...name].length < 2) continue;
    const keys = [...(s.keys ?? []), ...(s.key ? [s.key] : [])];
    const existing = keys.map((k) => byKey.get(k)).find(Boolean) ?? byName.get(normalizeName(name));
    const company = existing ?? { name, key: keys[0], variants: [], domains: [], keys: new Set<string>() };
    if (!existing) byName.set(normalizeName(name), company);
    company.key ??= keys[0];
    for (const k of keys) {
      company.keys.add(k);
      byKey.set(k, company);
    }
    company.variants.push(...nameForms(name));
    const site = s.website ? asDomain(s.website) : undefined;
    if (site) company.domains.push(site);
  }
  const companies = [...new Set(byName.values())];
  for (const c of companies) {
    const lowered = new Set(c.variants.map(normalizeName));
    for (const group of BUILTIN_ALIASES) {
      if (group.some((g) => lowered.has(normalizeName(g)))) c.variants.push(...group);
    }
    const all = new Set(c.variants.map(normalizeName));
    for (const a of teamAliases) {
      const target = normalizeName(a.companyName);
      const alias = normalizeName(a.alias);
      if (all.has(target) || all.has(alias)) {
        const domain = asDomain(a.alias);
        if (domain) c.domains.push(domain);
        else c.variants.push(a.alias.trim(), a.companyName.trim());
      }
    }
    c.variants = [...new Map(c.variants.filter((v) => [...v.trim()].length >= 2).map((v) => [normalizeName(v), v.trim()])).values()];
    c.domains = [...new Set(c.domains)];
  }
  return companies.map(({ keys: _keys, ...c }) => c);
}

function isLatin(s: string): boolean {
  return /^[\x20-\x7e]+$/.test(s);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Stand-alone occurrences of a variant: word boundaries for Latin names, no false context for CJK ones. */
export function countMentions(text: string, variant: string): number {
  if (isLatin(variant)) {
    const flags = variant.length <= 3 ? 'g' : 'gi';
    return (text.match(new RegExp(`(?<![A-Za-z0-9])${escape(variant)}(?![A-Za-z0-9])`, flags)) ?? []).length;
  }
  let n = 0;
  for (let at = text.indexOf(variant); at !== -1; at = text.indexOf(variant, at + variant.length)) {
    if (!inFalseContext(text, at, at + variant.length)) n += 1;
  }
  return n;
}

/** A body mention counts when repeated, or once for a long, specific name. */
function enoughInBody(variant: string, count: number): boolean {
  if (count >= 2) return true;
  return count === 1 && (isLatin(variant) ? variant.length >= 6 : [...variant].length >= 4);
}

export interface Article {
  title: string;
  /** Plain text of the body. */
  text: string;
  url: string;
  /** Names the article itself marks as companies (validated project links, title subjects). */
  mentions: readonly string[];
}

/** Bodies are searched up to here: a feed's full article text can be long, the news is up front. */
const BODY_LIMIT = 8000;

export function matchCompanies(known: readonly KnownCompany[], article: Article): CompanyMatch[] {
  const host = (() => {
    try {
      return new URL(article.url).hostname.toLowerCase().replace(/^www\./, '');
    } catch {
      return '';
    }
  })();
  const body = article.text.slice(0, BODY_LIMIT);
  const mentions = new Set(article.mentions.map(normalizeName));
  const matches: CompanyMatch[] = [];
  const linked = new Set<string>();
  for (const c of known) {
    const own = new Set(nameForms(c.name).map(normalizeName));
    let how: MatchKind | undefined;
    if (c.domains.some((d) => host === d || host.endsWith(`.${d}`))) how = 'domain';
    for (const v of c.variants) {
      if (how) break;
      if (countMentions(article.title, v) > 0) how = own.has(normalizeName(v)) ? 'title' : 'alias';
      else if (mentions.has(normalizeName(v))) how = 'mention';
      else if (enoughInBody(v, countMentions(body, v))) how = own.has(normalizeName(v)) ? 'body' : 'alias';
    }
    if (how) {
      matches.push({ name: c.name, key: c.key, match: how });
      for (const v of c.variants) linked.add(normalizeName(v));
    }
  }
  // Names the article vouches for that the team does not track yet: kept, so that a lookup by that name finds them.
  for (const m of article.mentions) {
    if (!linked.has(normalizeName(m))) {
      matches.push({ name: m, match: 'mention' });
      linked.add(normalizeName(m));
    }
  }
  return matches;
}
