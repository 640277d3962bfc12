import { documentUrl, uniqueKeys } from '../dom';
import type { Extraction, PersonProfile } from '../types';
import {
  clean,
  firstText,
  hasType,
  isObject,
  jsonLdNodes,
  jsonText,
  metaContent,
  pageSignals,
  textOf,
  within,
  type JsonObject,
  type PageSignals,
} from './dom';
import { pageIdentity } from './identity';
import { companyKeyFromHref, inSlugFromHref, pageTarget, personKeyFromHref } from './urls';

/**
 * Reads a LinkedIn person profile. The name decides which dated alternative matched; the other
 * fields come from that alternative when it knows them, else from per-field selector lists that
 * cover every vintage in ../shared/fixtures (REALDATA §1.1). Never selects on hashed class names.
 */

type Found = Partial<PersonProfile> & {
  name: string;
  /**
   * Recruiter and Sales Navigator pages name the person by an id of their own; the public `/in/`
   * identities they link to are all "other" keys. Main profile pages leave this unset.
   */
  foreignPage?: boolean;
};
interface Context {
  doc: Document;
  ld: readonly JsonObject[];
  signals: PageSignals;
}
type Alternative = (ctx: Context) => Found | undefined;

/** Person schema limits (utils/schema/person.ts): longer text means we read the wrong element. */
const MAX = { name: 200, headline: 500, location: 200, companyName: 200 } as const;

// --- Alternatives, newest and most reliable first -------------------------------------------

/** Guest view 2024: `@graph` Person with address and worksFor (no endDate = current). */
const jsonLd2024: Alternative = ({ ld }) => {
  const person = ld.find((node) => hasType(node, 'Person'));
  const name = person && jsonText(person.name);
  if (!person || !name) return undefined;
  const address = isObject(person.address) ? person.address : undefined;
  const job = (Array.isArray(person.worksFor) ? person.worksFor : [person.worksFor])
    .filter(isObject)
    .find((org) => !(isObject(org.member) && org.member.endDate) && !org.endDate);
  const companyUrl = job && jsonText(job.url);
  return {
    name,
    location: address && jsonText(address.addressLocality),
    companyName: job && jsonText(job.name),
    companyKey: companyUrl && companyKeyFromHref(companyUrl),
  };
};

/** Guest view 2024 meta tags: `og:title` = "Name - Headline - Company | LinkedIn". */
const meta2024: Alternative = ({ doc }) => {
  if (metaContent(doc, 'og:type') !== 'profile') return undefined;
  const fromTitle = metaContent(doc, 'og:title')
    ?.replace(/\s*\|\s*LinkedIn$/i, '')
    .split(' - ')[0];
  const first = metaContent(doc, 'profile:first_name');
  const last = metaContent(doc, 'profile:last_name');
  const name = clean(fromTitle) ?? clean([first, last].filter(Boolean).join(' '));
  return name ? { name } : undefined;
};

const guestTopCard2024: Alternative = ({ doc }) => {
  const name = textOf(doc.querySelector('h1.top-card-layout__title'));
  return name ? { name, headline: textOf(doc.querySelector('h2.top-card-layout__headline')) } : undefined;
};

/**
 * Logged-in 2025-26 "SDUI" layout (REALDATA §1.4, no real capture yet): the name is an h2 in the
 * Topcard section, followed by <p> lines: connection degree ("· 2nd"), headline, companies,
 * location, "Contact info". Only <p> lines after the name and before "Contact info" are read;
 * degree badges, pronouns and counts are skipped; the companies line is the one linking to
 * /company/ or /school/ pages; the location is the last plain line.
 */
const sduiTopcard2025: Alternative = ({ doc }) => {
  const card = doc.querySelector('section[componentkey$="Topcard"]');
  const heading = card?.querySelector('h1, h2');
  const name = clean(textOf(heading)?.replace(DEGREE_SUFFIX, ''));
  if (!card || !heading || !name) return undefined;

  const plain: string[] = [];
  let entities: Element | undefined;
  let afterName = false;
  // querySelectorAll lists elements in document order: everything after the name heading.
  for (const el of card.querySelectorAll('h1, h2, p')) {
    if (el === heading) afterName = true;
    if (!afterName || el.tagName !== 'P' || heading.contains(el)) continue;
    const text = textOf(el);
    if (el.querySelector('a[href*="/overlay/contact-info"]') || (text && /^contact info$/i.test(text))) break;
    if (!text || isTopcardNoise(text)) continue;
    if (el.querySelector('a[href*="/company/"], a[href*="/school/"]')) entities ??= el;
    else plain.push(text);
  }
  const companyLink = entities?.querySelector('a[href*="/company/"]');
  const companyLine = entities ? undefined : plain.length >= 3 ? plain[1] : undefined;
  return {
    name,
    headline: plain[0],
    location: plain.length >= 2 ? plain.at(-1) : undefined,
    companyName: textOf(companyLink) ?? clean(companyLine?.split(' · ')[0]),
    companyKey: companyKeyFromHref(companyLink?.getAttribute('href') ?? ''),
  };
};

/** "Ingrid Solberg · 2nd" when the badge sits inside the heading. */
const DEGREE_SUFFIX = /\s*·\s*(?:1st|2nd|3rd\+?)\s*$/i;

/**
 * Degree badges ("· 2nd", "3rd+", "2nd degree connection"), pronouns ("She/Her"), follower and
 * connection counts and "Contact info" are not data.
 */
function isTopcardNoise(text: string): boolean {
  return (
    /^·/.test(text) ||
    /^(?:1st|2nd|3rd\+?)(?:\s+degree(?:\s+connection)?)?$/i.test(text) ||
    /^(?:he|she|they|ze|xe)\s*\/\s*(?:him|her|them|hers|theirs|zir|xem)(?:\s*\/\s*\w+)?$/i.test(text) ||
    /\b(?:followers?|connections?)$/i.test(text) ||
    /^contact info$/i.test(text)
  );
}

/**
 * Recruiter profile (RECONSTRUCTION from public scrapers' selectors, no real capture: see
 * tests/fixtures/linkedin/recruiter-profile.html): `data-test-row-lockup-*` fields inside the
 * profile container; the current position comes from the position list entry whose date range
 * says "Present"; the public profile link gives the member's `/in/` identity.
 */
const RECRUITER_CONTAINERS = [
  '[data-live-test-profile-container]',
  '#profile-container',
  '.profile__topcard-wrapper',
] as const;

const recruiter2023: Alternative = ({ doc }) => {
  const container = RECRUITER_CONTAINERS.map((s) => doc.querySelector(s)).find(
    (el) => el?.querySelector('[data-test-row-lockup-full-name]'),
  );
  const name = textOf(container?.querySelector('[data-test-row-lockup-full-name]'));
  if (!container || !name) return undefined;
  const current = [...container.querySelectorAll('[data-test-position-entity-date-range]')].find((el) =>
    /\bpresent\b|\bnow\b|至今/i.test(textOf(el) ?? ''),
  );
  const entry = current?.closest('li, .position-item, [data-test-position-item]');
  const companyEl =
    entry?.querySelector('[data-test-position-entity-company-name]') ?? container.querySelector('[data-test-current-company]');
  const companyLink = companyEl?.closest('a[href]') ?? companyEl?.querySelector('a[href]');
  const publicLinks = container.querySelectorAll(
    '[data-test-personal-info-subsection] a[href*="/in/"], a[data-test-public-profile-link][href*="/in/"]',
  );
  return {
    name,
    foreignPage: true,
    headline: textOf(container.querySelector('[data-test-row-lockup-headline]')),
    location: textOf(container.querySelector('[data-test-row-lockup-location]')),
    companyName: textOf(companyEl),
    companyKey: companyKeyFromHref(companyLink?.getAttribute('href') ?? ''),
    altKeys: [...publicLinks].map((a) => personKeyFromHref(a.getAttribute('href') ?? '')).filter((k): k is string => !!k),
  };
};

/**
 * Sales Navigator lead page (RECONSTRUCTION from public extensions' selectors, no real capture:
 * see tests/fixtures/linkedin/sales-lead.html). Sales Navigator marks personal data with
 * `data-anonymize` attributes (person-name, headline, location, company-name) for its own
 * screenshot tool: they are the stable hooks. The name is the header h1; the current company
 * links to `/sales/company/<id>`; a "View LinkedIn profile" link gives the `/in/` identity.
 */
const salesLead2023: Alternative = ({ doc }) => {
  const heading = doc.querySelector('h1[data-anonymize="person-name"], [data-x--lead--name]');
  const name = textOf(heading);
  if (!heading || !name) return undefined;
  // Only the lead's own header: the messaging overlay carries data-anonymize fields of other people.
  const header = heading.closest('section, header, main') ?? heading.parentElement ?? heading;
  const companyEl =
    header.querySelector('[data-anonymize="company-name"]') ?? doc.querySelector('[data-x--lead--current-role] [data-anonymize="company-name"]');
  const companyLink = companyEl?.closest('a[href]') ?? companyEl?.querySelector('a[href]');
  const publicLinks = doc.querySelectorAll('a[href*="linkedin.com/in/"][data-control-name="view_linkedin"], a[href*="/in/"][data-x--lead--view-linkedin]');
  return {
    name,
    foreignPage: true,
    headline: textOf(header.querySelector('[data-anonymize="headline"]')),
    location: textOf(header.querySelector('[data-anonymize="location"]')),
    companyName: textOf(companyEl),
    companyKey: companyKeyFromHref(companyLink?.getAttribute('href') ?? ''),
    altKeys: [...publicLinks].map((a) => personKeyFromHref(a.getAttribute('href') ?? '')).filter((k): k is string => !!k),
  };
};

/** Logged-in 2022-03 to 2024-08 (REALDATA §1.1); 2025-04 dropped the class, see mainH1. */
const voyager2022: Alternative = ({ doc }) => named(textOf(doc.querySelector('h1.text-heading-xlarge')));

/** Logged-in Ember 2018 (no <main> in these saves). */
const voyager2018: Alternative = ({ doc }) => named(textOf(doc.querySelector('h1.pv-top-card-section__name')));

/** Public pages 2013-2016: hCard `#name` / `.full-name`, on pages that carry a profile pageKey. */
const classic2013: Alternative = ({ doc, signals }) =>
  signals.pageKey ? named(firstText(doc, ['#name .full-name', 'h1#name', '#name', 'span.full-name'])) : undefined;

/**
 * The first h1 inside <main> holds the name in every logged-in save from 2022 to 2025-04, whatever
 * its classes. Only trusted when the page also carries person top-card furniture, because a GitHub
 * issue or the LinkedIn feed has an h1 in <main> too.
 */
const mainH1: Alternative = ({ doc, signals }) =>
  signals.person ? named(textOf(doc.querySelector('main h1'))) : undefined;

/** Last resort: "(3) Name | LinkedIn". Sub-pages ("Experience | Name | LinkedIn") do not fit. */
const title: Alternative = ({ signals }) => {
  if (!signals.person) return undefined;
  const match = /^([^|:]+?)\s*\|\s*LinkedIn$/i.exec(signals.title);
  return named(match?.[1]);
};

function named(name: string | undefined): Found | undefined {
  return name ? { name } : undefined;
}

const ALTERNATIVES: ReadonlyArray<readonly [string, Alternative]> = [
  ['recruiter-2023', recruiter2023],
  ['sales-navigator-2023', salesLead2023],
  ['json-ld-2024', jsonLd2024],
  ['meta-2024', meta2024],
  ['guest-top-card-2024', guestTopCard2024],
  ['sdui-topcard-2025', sduiTopcard2025],
  ['voyager-2022', voyager2022],
  ['voyager-2018', voyager2018],
  ['classic-2013', classic2013],
  ['main-h1', mainH1],
  ['title', title],
];

// --- Per-field fallbacks, tried after the alternative ----------------------------------------

const HEADLINE = [
  'h2.top-card-layout__headline', // guest 2024
  '.text-body-medium.break-words', // logged-in 2022-2025
  '.pv-top-card-section__headline', // logged-in 2018
  '.headline-title', // public 2013
  '#topcard p.title', // public 2016
  '#top-card p.title', // public 2015
];

const LOCATION = [
  '.text-body-small.inline.t-black--light.break-words', // logged-in 2022-2025
  '.pv-top-card-section__location', // logged-in 2018
  '#topcard .locality', // public 2016
  '#top-card .locality', // public 2015
  '.profile-header .locality', // public 2013
];

/** Elements naming the current company; a link inside or around them gives its key. */
const COMPANY = [
  '[data-section="currentPositionsDetails"] [data-test-id="top-card-link"] .top-card-link__description', // guest 2024
  '[aria-label="Current company"], [aria-label^="Current company:"]', // logged-in 2022-2025
  '.pv-top-card-v2-section__company-name', // logged-in 2018
  '#topcard .org', // public 2016
  '#overview-summary-current li a', // public 2015
];

/** Guest 2024: the location is the first text of the subline; the rest is sign-in noise. */
function guestLocation(doc: Document): string | undefined {
  const line = doc.querySelector('.top-card-layout__first-subline');
  if (!line) return undefined;
  for (const span of line.querySelectorAll('span')) {
    if (span.matches('.link, [data-modal]')) continue;
    return textOf(span);
  }
  return undefined;
}

function currentCompany(doc: Document): Pick<PersonProfile, 'companyName' | 'companyKey'> {
  for (const selector of COMPANY) {
    const el = doc.querySelector(selector);
    // 2024+ English UI: aria-label "Current company: Novare Potential. Click to skip to experience card".
    const name =
      textOf(el) ?? clean(/^Current company:\s*(.+?)\.\s*Click\b/i.exec(el?.getAttribute('aria-label') ?? '')?.[1]);
    if (!el || !name) continue;
    const href = el.closest('a[href]')?.getAttribute('href') ?? el.querySelector('a[href]')?.getAttribute('href');
    return { companyName: name, companyKey: (href && companyKeyFromHref(href)) || experienceCompanyKey(doc, name) };
  }
  return {};
}

/**
 * Logged-in top cards name the company without linking it; the experience entry that mentions
 * that name links to `/company/<id>/`. Only the experience section is searched.
 */
function experienceCompanyKey(doc: Document, companyName: string): string | undefined {
  const section =
    doc.querySelector('#experience')?.closest('section') ?? doc.querySelector('section.experience-section');
  if (!section) return undefined;
  for (const link of section.querySelectorAll('a[href*="/company/"]')) {
    const entry = link.closest('li') ?? link;
    if (textOf(entry)?.includes(companyName)) return companyKeyFromHref(link.getAttribute('href') ?? '');
  }
  return undefined;
}

// --- Entry point ------------------------------------------------------------------------------

function refusal(signals: PageSignals): string | undefined {
  if (signals.notFound) return 'profile-not-found';
  if (signals.authWall) return 'auth-wall';
  if (signals.guestHomepage) return 'guest-homepage';
  if (signals.company && !signals.person) return 'company-page';
  if (signals.pageKey && !/profile/i.test(signals.pageKey)) return `not-a-profile-page (${signals.pageKey})`;
  return undefined;
}

/**
 * Other profile keys of this person: on a main profile page, the vanity and member-URN keys the
 * page reveals (identity.ts) minus the key of the page's own address; on Recruiter and Sales
 * Navigator pages, the `/in/` profile they link to. The page's address is `url` when given, else
 * `document.URL`; a detached document (tests) is taken to sit at the slug it names itself by.
 */
function otherKeys(doc: Document, found: Found, url: string | undefined): string[] {
  const target = url ? pageTarget(url) : undefined;
  if (found.foreignPage) return uniqueKeys(found.altKeys ?? [], target?.key);
  const urlSlug = target && url ? inSlugFromHref(target.url) : undefined;
  const identity = pageIdentity(doc, urlSlug);
  return uniqueKeys(identity.keys, target?.key ?? identity.ownKey);
}

/**
 * Reads the person on a LinkedIn profile page. `url` is the page's address (default:
 * `document.URL`); it only decides which of the page's identities are "other" keys.
 */
export function extractPerson(doc: Document, url: string | undefined = documentUrl(doc)): Extraction<PersonProfile> {
  try {
    const ld = jsonLdNodes(doc);
    const signals = pageSignals(doc, ld);
    const refused = refusal(signals);
    if (refused) return { ok: false, reason: refused };

    const ctx: Context = { doc, ld, signals };
    for (const [matched, alternative] of ALTERNATIVES) {
      const found = alternative(ctx);
      const name = within(found?.name, MAX.name);
      if (!found || !name) continue;
      const company = found.companyName ? found : found.foreignPage ? {} : currentCompany(doc);
      const value: PersonProfile = { name };
      const fallbackHeadline = found.foreignPage ? undefined : firstText(doc, HEADLINE);
      const fallbackLocation = found.foreignPage ? undefined : (guestLocation(doc) ?? firstText(doc, LOCATION));
      const headline = within(found.headline ?? fallbackHeadline, MAX.headline);
      const location = within(found.location ?? fallbackLocation, MAX.location);
      const companyName = within(company.companyName, MAX.companyName);
      if (headline) value.headline = headline;
      if (location) value.location = location;
      if (companyName) value.companyName = companyName;
      if (companyName && company.companyKey) value.companyKey = company.companyKey;
      const altKeys = otherKeys(doc, found, url);
      if (altKeys.length > 0) value.altKeys = altKeys;
      return { ok: true, value, matched };
    }
    return { ok: false, reason: 'not-a-profile' };
  } catch (error) {
    // A page is data; whatever it holds, the content script gets an answer, not an exception.
    return { ok: false, reason: `extractor-error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
