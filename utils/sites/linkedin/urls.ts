import type { PageTarget } from '../types';

/**
 * Pure LinkedIn URL detectors (DESIGN §2 "Site adapters", "Identity"). No DOM, never throw.
 *
 * Identity keys are `linkedin:in/<slug>` and `linkedin:company/<slug-or-id>`: percent-decoded,
 * lower-cased, without query, hash, trailing slash, tab suffix or country subdomain. A slug whose
 * percent-encoding is malformed, or that decodes to whitespace, `/`, `?`, `#` or control characters,
 * is not an identity: the detectors say false and the key is undefined (we never invent a key from
 * garbage, and such keys would fail the ProfileKey schema anyway).
 */

/** www., m., de., se., uk., cn.… and the bare domain. Anchored so `linkedin.com.evil.io` fails. */
const LINKEDIN_HOST = /^(?:[a-z0-9-]+\.)*linkedin\.com$/;

/** Tabs of a company page that still show the same company. */
const COMPANY_TABS = new Set(['about', 'people', 'posts', 'jobs', 'life', 'insights', 'mycompany']);

/** Paths under /company/ that are LinkedIn tools, not companies (`/company/setup/new/`). */
const RESERVED_COMPANY_SLUGS = new Set(['setup']);

/** Decoded slugs are keys: no whitespace, no path/query/hash separators, no control characters. */
const BAD_SLUG_CHARS = /[\s/?#\\\p{Cc}]/u;
const MAX_SLUG_LENGTH = 200;

/** `/in/ACoAA…` member URNs (search results, people lists) are case-sensitive on LinkedIn. */
const MEMBER_URN = /^ACoA[A-Za-z0-9_-]{20,}$/;

type Kind = PageTarget['kind'];
interface Parsed {
  kind: Kind;
  /** Decoded slug as written in the URL (case kept). */
  slug: string;
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

function parse(input: string | URL): Parsed | undefined {
  const url = parseUrl(input);
  if (!url) return undefined;
  const parts = segments(url);
  if (!parts) return undefined;
  const [section, rawSlug, tab, ...rest] = parts;
  if (rawSlug === undefined || rest.length > 0) return undefined;

  if (section === 'in') {
    // Sub-pages (/details/experience/, /overlay/contact-info/, /recent-activity/) are not the profile.
    if (tab !== undefined) return undefined;
    const slug = decodeSlug(rawSlug);
    return slug === undefined ? undefined : { kind: 'person', slug };
  }
  if (section === 'company') {
    if (tab !== undefined && !COMPANY_TABS.has(tab.toLowerCase())) return undefined;
    const slug = decodeSlug(rawSlug);
    if (slug === undefined || RESERVED_COMPANY_SLUGS.has(slug.toLowerCase())) return undefined;
    return { kind: 'company', slug };
  }
  return undefined;
}

const PATH_PREFIX: Record<Kind, string> = { person: 'in', company: 'company' };

function keyOf(parsed: Parsed): string {
  return `linkedin:${PATH_PREFIX[parsed.kind]}/${parsed.slug.toLowerCase()}`;
}

export function isPersonProfile(url: string | URL): boolean {
  return parse(url)?.kind === 'person';
}

export function isCompanyPage(url: string | URL): boolean {
  return parse(url)?.kind === 'company';
}

/** `https://de.linkedin.com/in/Jane-Doe-1a2b3c/?trk=x` → `linkedin:in/jane-doe-1a2b3c`. */
export function profileKey(url: string | URL): string | undefined {
  const parsed = parse(url);
  return parsed && keyOf(parsed);
}

/**
 * What the page at `url` is about, with its canonical `https://www.linkedin.com/…/<slug>/` URL.
 * The canonical URL is lower-cased like the key, except member URNs, which LinkedIn only
 * resolves in their original case.
 */
export function pageTarget(url: string | URL): PageTarget | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  const slug = MEMBER_URN.test(parsed.slug) ? parsed.slug : parsed.slug.toLowerCase();
  return {
    kind: parsed.kind,
    key: keyOf(parsed),
    url: `https://www.linkedin.com/${PATH_PREFIX[parsed.kind]}/${encodeURIComponent(slug)}/`,
  };
}

/**
 * A company link found on a profile (`https://se.linkedin.com/company/novare-potential?trk=…`,
 * `/company/1234/`) → `linkedin:company/<slug-or-id>`. Relative hrefs resolve against LinkedIn.
 */
export function companyKeyFromHref(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return undefined;
  }
  const parsed = parse(url);
  return parsed?.kind === 'company' ? keyOf(parsed) : undefined;
}
