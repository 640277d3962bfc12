import { uniqueKeys } from '../dom';
import type { CompanyProfile, Extraction } from '../types';
import { firstText, hasType, jsonLdNodes, jsonText, pageSignals, textOf, type JsonObject, type PageSignals } from './dom';
import { companyKeyFromHref } from './urls';

/**
 * Reads a LinkedIn company page (overview or any tab). The name decides which dated alternative
 * matched; the industry comes from a per-field list covering 2018 to 2025 (REALDATA §1.1).
 */

interface Context {
  doc: Document;
  ld: readonly JsonObject[];
  signals: PageSignals;
}
type Alternative = (ctx: Context) => string | undefined;

/** Company schema limit for a name; anything longer is not a name. */
const MAX_NAME = 200;

/** Guest 2024: a top-level JSON-LD Organization. */
const jsonLd2024: Alternative = ({ ld }) =>
  jsonText(ld.find((node) => hasType(node, 'Organization') || hasType(node, 'Corporation'))?.name);

/**
 * Logged-in pages put the exact name in the h1's `title` attribute, every vintage 2018-05 to
 * 2025-04; its text may carry extra nodes (badges, hidden spans), so the attribute wins.
 */
function h1Name(el: Element | null): string | undefined {
  return jsonText(el?.getAttribute('title')) ?? textOf(el);
}

const orgTopCard2025: Alternative = ({ doc }) => h1Name(doc.querySelector('h1.org-top-card-summary__title'));
/** Any h1[title] in <main>, but only beside company top-card furniture (other pages have h1s too). */
const mainH1Title: Alternative = ({ doc, signals }) =>
  signals.company ? h1Name(doc.querySelector('main h1[title]')) : undefined;
const orgTopCard2018Dec: Alternative = ({ doc }) => h1Name(doc.querySelector('.org-top-card-primary-content__title'));
const orgTopCard2018May: Alternative = ({ doc }) => h1Name(doc.querySelector('.org-top-card-module__name'));

/** The guest top card is shared with guest person pages: only trusted on a company page. */
const guestTopCard2024: Alternative = ({ doc, signals }) =>
  signals.company ? textOf(doc.querySelector('h1.top-card-layout__title')) : undefined;

/**
 * Sales Navigator account page (RECONSTRUCTION from public extensions' selectors, no real capture:
 * see tests/fixtures/linkedin/sales-company.html): the header h1 carries
 * `data-anonymize="company-name"` (or an inner span does).
 */
function salesAccountHeading(doc: Document): Element | null {
  return doc.querySelector('h1[data-anonymize="company-name"], h1 [data-anonymize="company-name"], [data-x--account--name]');
}
const salesAccount2023: Alternative = ({ doc }) => textOf(salesAccountHeading(doc));

/** "(99+) Motion: Overview | LinkedIn", "Audiense: About | LinkedIn". */
const title: Alternative = ({ signals }) =>
  /^(.+?):\s*(?:Overview|About|People|Posts|Jobs|Life|Insights)\s*\|\s*LinkedIn$/i.exec(signals.title)?.[1];

const ALTERNATIVES: ReadonlyArray<readonly [string, Alternative]> = [
  ['sales-navigator-2023', salesAccount2023],
  ['json-ld-2024', jsonLd2024],
  ['org-top-card-2025', orgTopCard2025],
  ['main-h1-title', mainH1Title],
  ['org-top-card-2018-12', orgTopCard2018Dec],
  ['org-top-card-2018-05', orgTopCard2018May],
  ['guest-top-card-2024', guestTopCard2024],
  ['title', title],
];

const INDUSTRY = [
  '[data-anonymize="industry"]', // Sales Navigator account (reconstruction)
  '[data-test-id="about-us__industry"] dd', // guest 2024
  'h2.top-card-layout__headline', // guest 2024 top card
  '.org-top-card-summary-info-list__info-item', // logged-in 2021-2025: [industry, HQ, followers, size]
  '.org-top-card-primary-content__info-item', // logged-in 2018-12
  '.company-industries', // logged-in 2018-05
];

function refusal(signals: PageSignals): string | undefined {
  if (signals.notFound) return 'page-not-found';
  if (signals.authWall) return 'auth-wall';
  if (signals.guestHomepage) return 'guest-homepage';
  if (/profile/i.test(signals.pageKey)) return 'person-page';
  if (signals.pageKey && !signals.company) return `not-a-company-page (${signals.pageKey})`;
  if (signals.person && !signals.company) return 'person-page';
  return undefined;
}

/** The account's public company page, linked from its Sales Navigator header ("View on LinkedIn"). */
function salesAccountAltKeys(doc: Document): string[] {
  const header = salesAccountHeading(doc)?.closest('section, header');
  if (!header) return [];
  const links = header.querySelectorAll('a[href*="/company/"]');
  return uniqueKeys(
    [...links].map((a) => {
      const key = companyKeyFromHref(a.getAttribute('href') ?? '');
      return key?.startsWith('linkedin:company/') ? key : undefined;
    }),
  );
}

export function extractCompany(doc: Document): Extraction<CompanyProfile> {
  try {
    const ld = jsonLdNodes(doc);
    const signals = pageSignals(doc, ld);
    const refused = refusal(signals);
    if (refused) return { ok: false, reason: refused };

    const ctx: Context = { doc, ld, signals };
    for (const [matched, alternative] of ALTERNATIVES) {
      const name = alternative(ctx)?.trim();
      if (!name || name.length > MAX_NAME) continue;
      const value: CompanyProfile = { name };
      const industry = firstText(doc, INDUSTRY);
      if (industry && industry.length <= MAX_NAME) value.industry = industry;
      const altKeys = matched === 'sales-navigator-2023' ? salesAccountAltKeys(doc) : [];
      if (altKeys.length > 0) value.altKeys = altKeys;
      return { ok: true, value, matched };
    }
    return { ok: false, reason: 'not-a-company-page' };
  } catch (error) {
    // A page is data; whatever it holds, the content script gets an answer, not an exception.
    return { ok: false, reason: `extractor-error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
