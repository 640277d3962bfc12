import { canonicalHref, isObject, resolveHref } from '../dom';
import { inSlugFromHref, MEMBER_URN, memberUrnKey, personKeyFromHref } from './urls';

/**
 * Which LinkedIn identities a profile page reveals about its OWN person: the vanity slug and the
 * member URN (`ACoAA…`, 39 characters). Only sources that are about the page's person count:
 *
 * - the canonical link / `og:url` (guest pages);
 * - the top card's "Contact info" link `/in/<slug>/overlay/contact-info/` (logged-in 2022-2025;
 *   `/detail/contact-info/` in 2018);
 * - the SDUI top card's `componentkey="…ref<URN>Topcard"` (2025-26, REALDATA §1.4);
 * - links to the person's own sub-pages that carry the URN in their query, e.g.
 *   `/in/<slug>/details/experience?profileUrn=urn:li:fsd_profile:ACoAA…` (every logged-in save
 *   from 2022-03 to 2025-04 has 3 to 22 of them) and `/in/<slug>?miniProfileUrn=…` — only when
 *   `<slug>` is the page's own slug (then the URN is the person's), or when the URN is the page's
 *   own (then `<slug>` is its vanity), so "People also viewed" and the viewer's links never count;
 * - failing those, a Voyager `<code>` JSON blob entity whose `publicIdentifier` is the page's own
 *   slug (`entityUrn: "urn:li:fsd_profile:ACoAA…"`).
 *
 * When two sources disagree (two URNs for one page), the answer is "unknown", not a guess.
 */

export interface PageIdentity {
  /** Key of the slug the page names itself by (canonical, contact-info link, or the URL given). */
  ownKey?: string;
  /** Every person key of the page's own person found, vanity and URN, first-seen order. */
  keys: string[];
}

const URN_PARAMS = ['profileUrn', 'miniProfileUrn', 'profileId'] as const;
const URN_PREFIX = /^urn:li:(?:fsd_profile|fs_miniProfile|fs_profile):/;
const SDUI_TOPCARD_URN = /ref(ACoA[A-Za-z0-9_-]{20,}?)Topcard$/;
const PROFILE_ENTITY = /^urn:li:(?:fsd_profile|fs_profile|fs_miniProfile):(ACoA[A-Za-z0-9_-]{20,})$/;
/** Voyager blobs run to a few hundred kB; a multi-MB one is not worth parsing on every view. */
const MAX_BLOB_CHARS = 3_000_000;
const MAX_WALK_NODES = 200_000;

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The one value of a set, or undefined when it is empty or ambiguous. */
function only(values: ReadonlySet<string>): string | undefined {
  return values.size === 1 ? [...values][0] : undefined;
}

/** Slug of the top card's "Contact info" link, when every such link agrees. */
function contactInfoSlug(doc: Document): string | undefined {
  const slugs = new Set<string>();
  // 2022-2025 `/in/<slug>/overlay/contact-info/`, 2018 `/in/<slug>/detail/contact-info/` (the
  // own-profile `/edit/contact-info/` link parses to nothing and is skipped).
  for (const a of doc.querySelectorAll('a[href*="/contact-info"]')) {
    const slug = inSlugFromHref(a.getAttribute('href') ?? '');
    if (slug) slugs.add(slug.toLowerCase());
  }
  return only(slugs);
}

function sduiUrn(doc: Document): string | undefined {
  const key = doc.querySelector('section[componentkey$="Topcard"]')?.getAttribute('componentkey') ?? '';
  return SDUI_TOPCARD_URN.exec(key)?.[1];
}

/**
 * Links to the person's own pages that carry a URN in their query: `/in/<slug>/details/…?profileUrn=…`,
 * `/in/<slug>?miniProfileUrn=…`. Yields [path slug, URN] pairs.
 */
function* urnLinks(doc: Document): Generator<readonly [slug: string, urn: string]> {
  const selector = URN_PARAMS.map((p) => `a[href*="${p}="]`).join(', ');
  for (const a of doc.querySelectorAll(selector)) {
    const url = resolveHref(a.getAttribute('href'), 'https://www.linkedin.com/');
    const slug = url && inSlugFromHref(url.href);
    if (!url || !slug) continue;
    for (const param of URN_PARAMS) {
      const urn = url.searchParams.get(param)?.replace(URN_PREFIX, '');
      if (urn && MEMBER_URN.test(urn)) yield [slug, urn];
    }
  }
}

/** Voyager `<code>` blobs: profile entities whose publicIdentifier is `vanity`. */
function blobUrns(doc: Document, vanity: string): Set<string> {
  const urns = new Set<string>();
  const needle = `"publicIdentifier":"${vanity}"`;
  for (const code of doc.querySelectorAll('code')) {
    const text = code.textContent ?? '';
    if (text.length > MAX_BLOB_CHARS || !text.toLowerCase().includes(needle.toLowerCase())) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    for (let seen = 0; stack.length > 0 && seen < MAX_WALK_NODES; seen++) {
      const node = stack.pop();
      if (Array.isArray(node)) for (const item of node) stack.push(item);
      else if (isObject(node)) {
        const id = node.publicIdentifier;
        const urn = typeof node.entityUrn === 'string' ? PROFILE_ENTITY.exec(node.entityUrn)?.[1] : undefined;
        if (typeof id === 'string' && same(id, vanity) && urn) urns.add(urn);
        for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
      }
    }
  }
  return urns;
}

/**
 * The page's own identities. `urlSlug` is the `/in/` slug of the address the page was loaded from,
 * when the caller knows it; it counts as one of the page's own slugs.
 */
export function pageIdentity(doc: Document, urlSlug?: string): PageIdentity {
  const canonical = canonicalHref(doc);
  const canonicalSlug = canonical ? inSlugFromHref(canonical) : undefined;
  const contactSlug = contactInfoSlug(doc);
  const ownSlug = canonicalSlug ?? contactSlug;
  const slugs = [urlSlug, canonicalSlug, contactSlug].filter((s): s is string => !!s);

  const vanities = new Set(slugs.filter((s) => !MEMBER_URN.test(s)).map((s) => s.toLowerCase()));
  const urns = new Set(slugs.filter((s) => MEMBER_URN.test(s)));
  const sdui = sduiUrn(doc);
  if (sdui) urns.add(sdui);
  if (slugs.length > 0) {
    for (const [slug, urn] of urnLinks(doc)) {
      // A link to one of the page's own slugs names its URN; a link carrying the page's own URN
      // (the page was opened at /in/ACoAA…) names its vanity.
      if (slugs.some((s) => same(s, slug))) urns.add(urn);
      else if (!MEMBER_URN.test(slug) && slugs.includes(urn)) vanities.add(slug.toLowerCase());
    }
  }
  const vanity = only(vanities);
  if (urns.size === 0 && vanity) for (const urn of blobUrns(doc, vanity)) urns.add(urn);

  const keys: string[] = [];
  if (vanity) keys.push(`linkedin:in/${vanity}`);
  const urnKey = memberUrnKey(only(urns));
  if (urnKey) keys.push(urnKey);
  return { ownKey: ownSlug ? personKeyFromHref(`/in/${encodeURIComponent(ownSlug)}/`) : undefined, keys };
}
