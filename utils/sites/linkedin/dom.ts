/**
 * Small DOM readers shared by the LinkedIn extractors. Everything here reads text and attributes
 * through querySelector with specific selectors: extraction runs on every profile view, so nothing
 * walks the whole document or reads markup as a string.
 */

export type JsonObject = Record<string, unknown>;

/** Collapses whitespace (including no-break spaces and newlines) and trims; empty → undefined. */
export function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

export function textOf(el: Element | null | undefined): string | undefined {
  return clean(el?.textContent);
}

/** Text of the first element matching one of `selectors`, in order, that has any text. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const text = textOf(root.querySelector(selector));
    if (text) return text;
  }
  return undefined;
}

/** `<meta property=…>` (Open Graph) or `<meta name=…>`. */
export function metaContent(doc: Document, key: string): string | undefined {
  return clean(doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content'));
}

/** LinkedIn's own page type, e.g. `public_profile_v3_desktop`, `d_org_guest_company_overview`. */
export function pageKeyOf(doc: Document): string | undefined {
  return metaContent(doc, 'pageKey');
}

export function canonicalHref(doc: Document): string | undefined {
  return clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? metaContent(doc, 'og:url');
}

/** Document title without LinkedIn's notification counter: `(99+) Name | LinkedIn` → `Name | LinkedIn`. */
export function titleOf(doc: Document): string | undefined {
  return clean(doc.title)?.replace(/^\(\d+\+?\)\s*/, '');
}

/**
 * Every top-level JSON-LD node (arrays and `@graph` flattened one level). Malformed blocks are
 * skipped: they are page data, and a broken one must not stop the other alternatives.
 */
export function jsonLdNodes(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? data : [data]) {
      if (!isObject(item)) continue;
      const graph = item['@graph'];
      if (Array.isArray(graph)) nodes.push(...graph.filter(isObject));
      else nodes.push(item);
    }
  }
  return nodes;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasType(node: JsonObject, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** A JSON-LD string field, cleaned; anything else (objects, numbers) → undefined. */
export function jsonText(value: unknown): string | undefined {
  return typeof value === 'string' ? clean(value) : undefined;
}

/**
 * What kind of LinkedIn page this is, from signals that do not depend on the layout vintage.
 * Used to refuse pages early (a company page is never a person, the guest homepage is neither).
 */
export function pageSignals(doc: Document, ld: readonly JsonObject[]) {
  const pageKey = pageKeyOf(doc) ?? '';
  const title = titleOf(doc) ?? '';
  const canonical = canonicalHref(doc) ?? '';
  const hasH1 = doc.querySelector('h1') !== null;

  const notFound = /^(?:profile|page) not found\b/i.test(title) || canonical.includes('/public-profile/');
  // The auth wall is a bare meta-refresh page (bannedPage.html); the 2016 own-profile editor, whose
  // data sits only in JSON <code> blocks, looks the same to us and is refused the same way.
  const authWall =
    canonical.includes('/authwall') ||
    pageKey.includes('authwall') ||
    (doc.querySelector('meta[http-equiv="refresh" i]') !== null && !hasH1);
  const guestHomepage = pageKey.startsWith('d_homepage');

  const person =
    /profile/i.test(pageKey) ||
    metaContent(doc, 'og:type') === 'profile' ||
    ld.some((node) => hasType(node, 'Person')) ||
    doc.querySelector(PERSON_MARKERS) !== null;
  const company =
    pageKey.startsWith('d_org') ||
    /company/i.test(pageKey) ||
    ld.some((node) => hasType(node, 'Organization') || hasType(node, 'Corporation')) ||
    doc.querySelector(COMPANY_MARKERS) !== null;

  return { pageKey, title, notFound, authWall, guestHomepage, person, company };
}

export type PageSignals = ReturnType<typeof pageSignals>;

/** Person top-card furniture seen from 2015 to 2025 (and the 2025-26 SDUI top card). */
const PERSON_MARKERS = [
  'a[href*="/overlay/contact-info"]',
  '[aria-label="Current company"], [aria-label^="Current company:"]',
  '.pv-top-card',
  '.pv-top-card-section__name',
  '.pv-text-details__left-panel',
  'section[componentkey$="Topcard"]',
  '[data-sdui-screen$="profile.Profile"]',
].join(', ');

/** Company top-card furniture, logged-in 2018 to 2025 and guest 2024. */
const COMPANY_MARKERS = [
  '.org-top-card-summary__title',
  '.org-top-card-primary-content__title',
  '.org-top-card-module__name',
  '.org-top-card-summary-info-list__info-item',
  '[data-test-id^="about-us__"]',
].join(', ');
