import type { PageTarget } from '../types';

/**
 * Pure LinkedIn URL detectors (DESIGN §2 "Site adapters", "Identity"). No DOM, never throw.
 *
 * Identity keys (all percent-decoded, lower-cased, without query, hash, trailing slash, tab suffix
 * or country subdomain):
 *
 * | page                                   | key                                      | kind    |
 * |----------------------------------------|------------------------------------------|---------|
 * | `/in/<vanity>/`, `/in/ACoAA…/`         | `linkedin:in/<vanity or urn>`            | person  |
 * | `/in/<slug>/details|overlay|recent-activity/…` | same as `/in/<slug>/`, `subpage: true` | person |
 * | `/pub/<name>/<a>/<b>/<c>` (legacy)     | `linkedin:pub/<name>/<a>/<b>/<c>`        | person  |
 * | `/talent/profile/<id>` (Recruiter)     | `linkedin:talent/<id>`                   | person  |
 * | `/sales/lead/<id>,<auth>,<token>`      | `linkedin:sales/<id>`                    | person  |
 * | `/company/<slug-or-id>/[tab/]`         | `linkedin:company/<slug-or-id>`          | company |
 * | `/sales/company/<id>` (Sales Navigator)| `linkedin:sales-company/<id>`            | company |
 *
 * `/school/…` and `/showcase/…` pages look like company pages but are not companies: no target.
 * A slug whose percent-encoding is malformed, or that decodes to whitespace, `/`, `?`, `#` or
 * control characters, is not an identity: the detectors say false and the key is undefined (we
 * never invent a key from garbage, and such keys would fail the ProfileKey schema anyway).
 */

/** www., m., de., se., uk., cn.… and the bare domain. Anchored so `linkedin.com.evil.io` fails. */
export const LINKEDIN_HOST = /^(?:[a-z0-9-]+\.)*linkedin\.com$/;

/** Tabs of a company page that still show the same company. */
const COMPANY_TABS = new Set(['about', 'people', 'posts', 'jobs', 'life', 'insights', 'mycompany']);

/** Paths under /company/ that are LinkedIn tools, not companies (`/company/setup/new/`). */
const RESERVED_COMPANY_SLUGS = new Set(['setup']);

/**
 * Paths under /in/ that are not members: `/in/me/` is LinkedIn's alias for "my own profile"
 * (vanity names are at least 3 characters, so no member can own it).
 */
const RESERVED_PERSON_SLUGS = new Set(['me']);

/**
 * Sections under `/in/<slug>/` that show one part of the same person's profile (REALDATA §1.2):
 * the card can be shown from the stored record, but there is no top card to extract from.
 * `detail` is the 2017-2020 spelling (`/in/<slug>/detail/recent-activity/`).
 */
const PERSON_SUBPAGES = new Set(['details', 'overlay', 'recent-activity', 'detail']);

/** Decoded slugs are keys: no whitespace, no path/query/hash separators, no control characters. */
const BAD_SLUG_CHARS = /[\s/?#\\\p{Cc}]/u;
const MAX_SLUG_LENGTH = 200;

/** `/in/ACoAA…` member URNs (search results, people lists) are case-sensitive on LinkedIn. */
export const MEMBER_URN = /^ACoA[A-Za-z0-9_-]{20,}$/;

/** Legacy `/pub/<name>/<a>/<b>/<c>`: the last three parts are 1-3 base-36 digits (`/pub/jane-doe/1/2b/3c4`). */
const PUB_PART = /^[0-9a-z]{1,3}$/i;

/** Recruiter (`AEMAA…`) and Sales Navigator (`ACwAA…`) member ids, and numeric Sales account ids. */
const OPAQUE_ID = /^[A-Za-z0-9_-]{6,100}$/;
const NUMERIC_ID = /^\d{1,20}$/;

/** How deep a Recruiter project URL may nest before `/profile/<id>` (`/talent/hire/<n>/discover/recruiterSearch/profile/<id>`). */
const MAX_TALENT_HIRE_SEGMENTS = 8;

type Section = 'in' | 'pub' | 'talent' | 'sales' | 'company' | 'sales-company';
type Kind = PageTarget['kind'];

const KIND: Record<Section, Kind> = {
  in: 'person',
  pub: 'person',
  talent: 'person',
  sales: 'person',
  company: 'company',
  'sales-company': 'company',
};

interface Parsed {
  section: Section;
  /** Decoded identity as written in the URL (case kept); for `pub`, `<name>/<a>/<b>/<c>`. */
  slug: string;
  /** A part of the profile (`/in/<slug>/details/…`), not the profile itself. */
  subpage: boolean;
  /** Sales Navigator lead: the whole path segment, `<id>,<authType>,<token>`, needed to open the page. */
  rawSegment?: string;
}

function parseUrl(input: string | URL): URL | undefined {
  try {
    const url = new URL(typeof input === 'string' ? input : input.href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (!LINKEDIN_HOST.test(url.hostname)) return undefined;
    return url;
  } catch {
    return undefined;
  }
}

function decodeSlug(raw: string): string | undefined {
  let slug: string;
  try {
    slug = decodeURIComponent(raw);
  } catch {
    return undefined; // malformed percent-encoding, e.g. `%E5%BC`
  }
  if (!slug || slug === '.' || slug === '..' || slug.length > MAX_SLUG_LENGTH) return undefined;
  if (BAD_SLUG_CHARS.test(slug)) return undefined;
  return slug;
}

/** Splits the pathname strictly: an empty segment (`//`) anywhere but the end is not ours. */
function segments(url: URL): string[] | undefined {
  const parts = url.pathname.split('/').slice(1);
  if (parts.at(-1) === '') parts.pop();
  return parts.every((p) => p !== '') ? parts : undefined;
}

function parseIn(rawSlug: string, rest: readonly string[]): Parsed | undefined {
  const [sub] = rest;
  // Other sections (/edit/intro/, /add-edit/…) are forms over one's own profile: not ours.
  if (sub !== undefined && !PERSON_SUBPAGES.has(sub.toLowerCase())) return undefined;
  const slug = decodeSlug(rawSlug);
  if (slug === undefined || RESERVED_PERSON_SLUGS.has(slug.toLowerCase())) return undefined;
  return { section: 'in', slug, subpage: sub !== undefined };
}

function parsePub(rest: readonly string[]): Parsed | undefined {
  if (rest.length !== 4) return undefined;
  const [rawName, ...parts] = rest as [string, string, string, string];
  const name = decodeSlug(rawName);
  // `/pub/dir/<first>/<last>` is LinkedIn's public people directory, not a profile.
  if (name === undefined || name.toLowerCase() === 'dir') return undefined;
  if (!parts.every((p) => PUB_PART.test(p))) return undefined;
  return { section: 'pub', slug: [name, ...parts].join('/'), subpage: false };
}

function parseTalent(rest: readonly string[]): Parsed | undefined {
  // /talent/profile/<id>
  if (rest.length === 2 && rest[0] === 'profile') {
    return OPAQUE_ID.test(rest[1]!) ? { section: 'talent', slug: rest[1]!, subpage: false } : undefined;
  }
  // /talent/hire/<projectId>/<view…>/profile/<id>: a profile opened over a project's list.
  if (rest[0] === 'hire' && rest.length >= 4 && rest.length <= MAX_TALENT_HIRE_SEGMENTS && NUMERIC_ID.test(rest[1]!)) {
    const id = rest.at(-1)!;
    if (rest.at(-2) === 'profile' && OPAQUE_ID.test(id)) return { section: 'talent', slug: id, subpage: false };
  }
  return undefined;
}

function parseSales(rest: readonly string[]): Parsed | undefined {
  if (rest.length !== 2) return undefined;
  const [page, segment] = rest as [string, string];
  // /sales/lead/<id>,<authType>,<authToken> (and the older /sales/people/…): the id is the lead.
  if (page === 'lead' || page === 'people') {
    const id = decodeSlug(segment)?.split(',')[0] ?? '';
    return OPAQUE_ID.test(id) ? { section: 'sales', slug: id, subpage: false, rawSegment: segment } : undefined;
  }
  if (page === 'company') {
    return NUMERIC_ID.test(segment) ? { section: 'sales-company', slug: segment, subpage: false } : undefined;
  }
  return undefined;
}

function parseCompany(rawSlug: string, rest: readonly string[]): Parsed | undefined {
  if (rest.length > 1) return undefined;
  const [tab] = rest;
  if (tab !== undefined && !COMPANY_TABS.has(tab.toLowerCase())) return undefined;
  const slug = decodeSlug(rawSlug);
  if (slug === undefined || RESERVED_COMPANY_SLUGS.has(slug.toLowerCase())) return undefined;
  return { section: 'company', slug, subpage: false };
}

function parse(input: string | URL): Parsed | undefined {
  const url = parseUrl(input);
  if (!url) return undefined;
  const parts = segments(url);
  if (!parts) return undefined;
  const [section, first, ...rest] = parts;
  if (first === undefined) return undefined;
  switch (section) {
    case 'in':
      return parseIn(first, rest);
    case 'pub':
      return parsePub([first, ...rest]);
    case 'talent':
      return parseTalent([first, ...rest]);
    case 'sales':
      return parseSales([first, ...rest]);
    case 'company':
      return parseCompany(first, rest);
    default:
      return undefined;
  }
}

function keyOf(parsed: Parsed): string {
  return `linkedin:${parsed.section}/${parsed.slug.toLowerCase()}`;
}

/** A main profile page: `/in/<slug>/`, legacy `/pub/…`, Recruiter and Sales Navigator profiles. */
export function isPersonProfile(url: string | URL): boolean {
  const parsed = parse(url);
  return parsed !== undefined && KIND[parsed.section] === 'person' && !parsed.subpage;
}

/** `/in/<slug>/details/…`, `/in/<slug>/overlay/…`, `/in/<slug>/recent-activity/…`: part of a profile. */
export function isPersonSubpage(url: string | URL): boolean {
  return parse(url)?.subpage === true;
}

export function isCompanyPage(url: string | URL): boolean {
  const parsed = parse(url);
  return parsed !== undefined && KIND[parsed.section] === 'company';
}

/**
 * The key of a main profile or company page: `https://de.linkedin.com/in/Jane-Doe-1a2b3c/?trk=x` →
 * `linkedin:in/jane-doe-1a2b3c`. Undefined for sub-pages (see pageTarget) and everything else.
 */
export function profileKey(url: string | URL): string | undefined {
  const parsed = parse(url);
  return parsed && !parsed.subpage ? keyOf(parsed) : undefined;
}

function canonicalUrl(parsed: Parsed): string {
  const base = 'https://www.linkedin.com';
  switch (parsed.section) {
    case 'in': {
      // Member URNs only resolve in their original case; vanity names are case-insensitive.
      const slug = MEMBER_URN.test(parsed.slug) ? parsed.slug : parsed.slug.toLowerCase();
      return `${base}/in/${encodeURIComponent(slug)}/`;
    }
    case 'pub':
      return `${base}/pub/${parsed.slug.toLowerCase().split('/').map(encodeURIComponent).join('/')}/`;
    case 'talent':
      return `${base}/talent/profile/${parsed.slug}`;
    case 'sales':
      // The auth part after the id is what lets Sales Navigator open the lead: kept as seen.
      return `${base}/sales/lead/${parsed.rawSegment ?? parsed.slug}`;
    case 'sales-company':
      return `${base}/sales/company/${parsed.slug}`;
    case 'company':
      return `${base}/company/${encodeURIComponent(parsed.slug.toLowerCase())}/`;
  }
}

/**
 * What the page at `url` is about, with its canonical `https://www.linkedin.com/…` URL. The
 * canonical URL is lower-cased like the key, except ids LinkedIn only resolves in their original
 * case (member URNs, Recruiter and Sales Navigator ids).
 *
 * A person sub-page (`/in/<slug>/details/experience/`) gives the same target as the profile, with
 * `subpage: true`: the content script shows the card from the stored record without extracting.
 */
export function pageTarget(url: string | URL): PageTarget | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  const target: PageTarget = { kind: KIND[parsed.section], key: keyOf(parsed), url: canonicalUrl(parsed) };
  if (parsed.subpage) target.subpage = true;
  return target;
}

/** Resolves `href` (relative hrefs against LinkedIn) and parses it; never throws. */
function parseHref(href: string): Parsed | undefined {
  let url: URL;
  try {
    url = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return undefined;
  }
  return parse(url);
}

/**
 * A company link found on a profile (`https://se.linkedin.com/company/novare-potential?trk=…`,
 * `/company/1234/`, Sales Navigator `/sales/company/1234`) → its company key. Relative hrefs
 * resolve against LinkedIn.
 */
export function companyKeyFromHref(href: string): string | undefined {
  const parsed = parseHref(href);
  return parsed && KIND[parsed.section] === 'company' ? keyOf(parsed) : undefined;
}

/**
 * A person link (`/in/jane-doe/`, `/in/jane-doe/overlay/contact-info/`, `https://www.linkedin.com/in/ACoAA…`)
 * → that person's key. Sub-page links count: they name the same person.
 */
export function personKeyFromHref(href: string): string | undefined {
  const parsed = parseHref(href);
  return parsed && KIND[parsed.section] === 'person' ? keyOf(parsed) : undefined;
}

/** `linkedin:in/<member urn>` for an `ACoAA…` id, or undefined when `id` is not one. */
export function memberUrnKey(id: string | undefined): string | undefined {
  return id && MEMBER_URN.test(id) ? `linkedin:in/${id.toLowerCase()}` : undefined;
}

/** The `/in/` slug of a person link, decoded, case kept (`/in/Jane-Doe/details/` → `Jane-Doe`). */
export function inSlugFromHref(href: string): string | undefined {
  const parsed = parseHref(href);
  return parsed?.section === 'in' ? parsed.slug : undefined;
}
