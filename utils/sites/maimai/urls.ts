import type { PageTarget } from '../types';

/**
 * Pure Maimai (脉脉) URL detectors (DESIGN §2 "Site adapters", "Identity"; REALDATA §2). No DOM,
 * never throw.
 *
 * | page                                                   | key                    | kind    |
 * |--------------------------------------------------------|------------------------|---------|
 * | `maimai.cn/profile/detail?dstu=<numeric uid>`          | `maimai:dstu/<uid>`    | person  |
 * | `maimai.cn/contact/share/card?u=<code>` (public card)  | `maimai:card/<code>`   | person  |
 * | `maimai.cn/company?webcid=<code>`                      | `maimai:webcid/<code>` | company |
 *
 * Other query parameters (`trackable_token`, `_share_channel`, `from`…) are noise. Keys are
 * lower-cased like every other key (DESIGN §2); the canonical URL keeps the code's case, which
 * the site may need.
 *
 * Not targets:
 * - `maimai.cn/company/contacts?cid=<num>&company=<name>`: a list of the people at a company,
 *   not the company page. It names the company by its internal numeric `cid`, a different id
 *   space from the page's `webcid`: a key made from it would never meet the company's record,
 *   and nothing on the URL tells us the webcid. The card belongs on `company?webcid=`.
 * - `maimai.cn/contact/detail/<encode_mmid>?from=webview…`: the app's web-view of a contact; its
 *   id is an encoded mmid seen nowhere else, and the page is the app's, not the site's.
 */

/** maimai.cn and its www./m. hosts only (`maimai.cn.evil.io`, `open.maimai.cn` fail). */
export const MAIMAI_HOSTS: ReadonlySet<string> = new Set(['maimai.cn', 'www.maimai.cn', 'm.maimai.cn']);

/** Numeric uid: digits, no sign; leading zeros are not part of the id. */
const UID = /^\d{1,20}$/;
/** Share-card and company codes: short base-62-ish tokens (`13DPDwuRC`). */
const CODE = /^[A-Za-z0-9_-]{1,64}$/;

type Section = 'dstu' | 'card' | 'webcid';
interface Parsed {
  section: Section;
  /** As written in the URL (case kept); for `dstu`, without leading zeros. */
  id: string;
}

const KIND: Record<Section, PageTarget['kind']> = { dstu: 'person', card: 'person', webcid: 'company' };

function parseUrl(input: string | URL, base?: string): URL | undefined {
  try {
    const url = new URL(typeof input === 'string' ? input : input.href, base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (!MAIMAI_HOSTS.has(url.hostname)) return undefined;
    return url;
  } catch {
    return undefined;
  }
}

/** The one value of `name` in the query; two different values are ambiguous, not a pick. */
function param(url: URL, name: string): string | undefined {
  const values = new Set(url.searchParams.getAll(name));
  return values.size === 1 ? [...values][0] : undefined;
}

function parseParsed(url: URL): Parsed | undefined {
  const path = url.pathname.replace(/\/+$/, '');
  switch (path) {
    case '/profile/detail': {
      const raw = param(url, 'dstu');
      if (!raw || !UID.test(raw)) return undefined;
      const id = raw.replace(/^0+/, '');
      return id ? { section: 'dstu', id } : undefined;
    }
    case '/contact/share/card': {
      const code = param(url, 'u');
      return code && CODE.test(code) ? { section: 'card', id: code } : undefined;
    }
    case '/company': {
      const code = param(url, 'webcid');
      return code && CODE.test(code) ? { section: 'webcid', id: code } : undefined;
    }
    default:
      return undefined;
  }
}

function parse(input: string | URL, base?: string): Parsed | undefined {
  const url = parseUrl(input, base);
  return url && parseParsed(url);
}

function keyOf(parsed: Parsed): string {
  return `maimai:${parsed.section}/${parsed.id.toLowerCase()}`;
}

function canonicalUrl(parsed: Parsed): string {
  const id = encodeURIComponent(parsed.id);
  switch (parsed.section) {
    case 'dstu':
      return `https://maimai.cn/profile/detail?dstu=${id}`;
    case 'card':
      return `https://maimai.cn/contact/share/card?u=${id}`;
    case 'webcid':
      return `https://maimai.cn/company?webcid=${id}`;
  }
}

/** A person page: the profile (`profile/detail?dstu=`) or the public share card (`contact/share/card?u=`). */
export function isPersonProfile(url: string | URL): boolean {
  const parsed = parse(url);
  return parsed !== undefined && KIND[parsed.section] === 'person';
}

/** `maimai.cn/company?webcid=<code>`. */
export function isCompanyPage(url: string | URL): boolean {
  return parse(url)?.section === 'webcid';
}

/** `https://maimai.cn/profile/detail?dstu=231439153&trackable_token=x` → `maimai:dstu/231439153`. */
export function profileKey(url: string | URL): string | undefined {
  const parsed = parse(url);
  return parsed && keyOf(parsed);
}

export function pageTarget(url: string | URL): PageTarget | undefined {
  const parsed = parse(url);
  return parsed && { kind: KIND[parsed.section], key: keyOf(parsed), url: canonicalUrl(parsed) };
}

/** A link found on a Maimai page (relative hrefs resolve against maimai.cn) → its person key. */
export function personKeyFromHref(href: string): string | undefined {
  const parsed = parse(href, 'https://maimai.cn/');
  return parsed && KIND[parsed.section] === 'person' ? keyOf(parsed) : undefined;
}

/** A link to a company page (`/company?webcid=13DPDwuRC`) → `maimai:webcid/13dpdwurc`. */
export function companyKeyFromHref(href: string): string | undefined {
  const parsed = parse(href, 'https://maimai.cn/');
  return parsed?.section === 'webcid' ? keyOf(parsed) : undefined;
}

/** `maimai:webcid/<code>` for a bare webcid found in page data, or undefined when it is not one. */
export function webcidKey(code: unknown): string | undefined {
  return typeof code === 'string' && CODE.test(code) ? `maimai:webcid/${code.toLowerCase()}` : undefined;
}

/** `maimai:dstu/<uid>` for a numeric uid found in page data (number or digit string). */
export function dstuKey(uid: unknown): string | undefined {
  const raw = typeof uid === 'number' && Number.isSafeInteger(uid) && uid > 0 ? String(uid) : uid;
  if (typeof raw !== 'string' || !UID.test(raw)) return undefined;
  const id = raw.replace(/^0+/, '');
  return id ? `maimai:dstu/${id}` : undefined;
}
