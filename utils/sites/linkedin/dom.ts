/**
 * Small DOM readers shared by the LinkedIn extractors. Everything here reads text and attributes
 * through querySelector with specific selectors: extraction runs on every profile view, so nothing
 * walks the whole document or reads markup as a string.
 */

import { canonicalHref, clean, hasType, metaContent, type JsonObject } from '../dom';

// The generic readers live in ../dom (shared with Maimai and GitHub); LinkedIn code imports them from here.
export {
  canonicalHref,
  clean,
  firstText,
  hasType,
  isObject,
  jsonLdNodes,
  jsonText,
  metaContent,
  textOf,
  within,
  type JsonObject,
} from '../dom';

/** LinkedIn's own page type, e.g. `public_profile_v3_desktop`, `d_org_guest_company_overview`. */
export function pageKeyOf(doc: Document): string | undefined {
  return metaContent(doc, 'pageKey');
}

/** Document title without LinkedIn's notification counter: `(99+) Name | LinkedIn` → `Name | LinkedIn`. */
export function titleOf(doc: Document): string | undefined {
  return clean(doc.title)?.replace(/^\(\d+\+?\)\s*/, '');
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
  // Recruiter profile (reconstruction, see tests/fixtures/linkedin/recruiter-profile.html).
  '[data-live-test-profile-container] [data-test-row-lockup-full-name]',
  '#profile-container [data-test-row-lockup-full-name]',
  '.profile__topcard-wrapper [data-test-row-lockup-full-name]',
  // Sales Navigator lead page (reconstruction): the name h1 carries data-anonymize="person-name".
  'h1[data-anonymize="person-name"]',
  '[data-x--lead--name]',
].join(', ');

/** Company top-card furniture, logged-in 2018 to 2025 and guest 2024. */
const COMPANY_MARKERS = [
  '.org-top-card-summary__title',
  '.org-top-card-primary-content__title',
  '.org-top-card-module__name',
  '.org-top-card-summary-info-list__info-item',
  '[data-test-id^="about-us__"]',
  // Sales Navigator account page (reconstruction).
  'h1[data-anonymize="company-name"]',
  'h1 [data-anonymize="company-name"]',
  '[data-x--account--name]',
].join(', ');
