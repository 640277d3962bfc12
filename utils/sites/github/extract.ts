import { clean, metaContent, textOf, within } from '../dom';
import type { CompanyProfile, Extraction, PersonProfile } from '../types';
import { isNotFound, pageKind, pageLogin, type GithubPageKind } from './page';
import { accountKeyFromHref, isLogin } from './urls';

/**
 * GitHub user and organisation extractors (signals in page.ts). No real profile page was saved
 * (REALDATA §2): the selectors are the h-card / microdata ones public scrapers use, checked on
 * synthetic pages built from real REST data (tests/fixtures/github). Never throws.
 */

const MAX = { name: 200, headline: 500, location: 200, companyName: 200 } as const;

function refusal(doc: Document, kind: GithubPageKind | undefined, want: GithubPageKind): string | undefined {
  if (isNotFound(doc)) return 'page-not-found';
  if (!kind) return 'not-a-profile';
  if (kind !== want) return kind === 'org' ? 'organization-page' : 'user-page';
  return undefined;
}

/** "aaronpk (Aaron Parecki) · GitHub" → "Aaron Parecki"; "aaronpk · GitHub" → nothing. */
function nameFromTitle(doc: Document): string | undefined {
  return clean(/^[A-Za-z0-9-]+ \((.+)\) · GitHub$/.exec(clean(doc.title) ?? '')?.[1]);
}

/** Text of a vcard detail, or the value after the prefix of its aria-label ("Home location: Portland, OR"). */
function detail(el: Element | null, prefix: RegExp): string | undefined {
  return textOf(el) ?? clean(el?.getAttribute('aria-label')?.replace(prefix, ''));
}

function fail(error: unknown): { ok: false; reason: string } {
  return { ok: false, reason: `extractor-error: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * A user's profile: the h-card name (falling back to the title's, then to the login), the bio as
 * headline, `[itemprop=worksFor]` as company (leading @ stripped; an org mention gives its key),
 * `[itemprop=homeLocation]` as location.
 */
export function extractPerson(doc: Document): Extraction<PersonProfile> {
  try {
    const kind = pageKind(doc);
    const refused = refusal(doc, kind, 'user');
    if (refused) return { ok: false, reason: refused };

    const scope = doc.querySelector('[itemtype$="schema.org/Person"]') ?? doc;
    const login = pageLogin(doc, 'user');
    const alternatives: ReadonlyArray<readonly [string, string | undefined]> = [
      ['vcard', textOf(scope.querySelector('.vcard-fullname, [itemprop="name"]'))],
      ['title', nameFromTitle(doc)],
      ['login', login],
    ];
    const found = alternatives.find(([, name]) => within(name, MAX.name));
    if (!found) return { ok: false, reason: 'not-a-profile' };
    const value: PersonProfile = { name: found[1]! };

    const bioEl = scope.querySelector('.user-profile-bio, [data-bio-text]');
    const bio = within(textOf(bioEl) ?? clean(bioEl?.getAttribute('data-bio-text')), MAX.headline);
    const worksFor = scope.querySelector('[itemprop="worksFor"]');
    const company = within(clean(detail(worksFor, /^Organization:\s*/i)?.replace(/^@/, '')), MAX.companyName);
    const location = within(detail(scope.querySelector('[itemprop="homeLocation"]'), /^Home location:\s*/i), MAX.location);
    if (bio) value.headline = bio;
    if (location) value.location = location;
    if (company) {
      value.companyName = company;
      const mention = worksFor?.querySelector('a[data-hovercard-type="organization"][href], a.user-mention[href]');
      const companyKey =
        (mention && accountKeyFromHref(mention.getAttribute('href') ?? '')) || (isLogin(company) && /^@/.test(textOf(worksFor) ?? '') ? `github:${company.toLowerCase()}` : undefined);
      if (companyKey) value.companyKey = companyKey;
    }
    return { ok: true, value, matched: found[0] };
  } catch (error) {
    // A page is data; whatever it holds, the content script gets an answer, not an exception.
    return fail(error);
  }
}

/**
 * An organisation's page: the header's name (falling back to og:title, the title, the login).
 * GitHub has no industry field: `industry` stays undefined.
 */
export function extractCompany(doc: Document): Extraction<CompanyProfile> {
  try {
    const kind = pageKind(doc);
    const refused = refusal(doc, kind, 'org');
    if (refused) return { ok: false, reason: refused };

    const alternatives: ReadonlyArray<readonly [string, string | undefined]> = [
      ['org-header', textOf(doc.querySelector('[itemtype$="schema.org/Organization"] h1, .orghead h1, [itemtype$="schema.org/Organization"] [itemprop="name"]'))],
      ['og-title', metaContent(doc, 'og:title')],
      ['title', clean(/^(.+?) · GitHub$/.exec(clean(doc.title) ?? '')?.[1])],
      ['login', pageLogin(doc, 'org')],
    ];
    const found = alternatives.find(([, name]) => within(name, MAX.name));
    return found ? { ok: true, value: { name: found[1]! }, matched: found[0] } : { ok: false, reason: 'not-a-company-page' };
  } catch (error) {
    return fail(error);
  }
}
