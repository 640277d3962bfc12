import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { CompanyProfile, PersonProfile } from '../../../utils/sites/types';
import { extractCompany, extractPerson } from '../../../utils/sites/linkedin';
import { hasSharedFixtures, sharedFixture } from '../../support/shared-fixtures';

/**
 * Real saved LinkedIn pages from ../shared/fixtures (REALDATA §1), 2013 to 2025, guest and
 * logged-in. Expected values were read off the files by hand. Never copied into the repository.
 */

/** Some saves are body-only fragments; linkedom needs a document around them. */
function parse(html: string): Document {
  let { document } = parseHTML(html);
  if (!document.querySelector('body')) ({ document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`));
  return document as unknown as Document;
}

const cache = new Map<string, Document>();
/** Parsing 1-2 MB pages is the slow part; tests that do not mutate share one parse. */
function page(path: string): Document {
  let doc = cache.get(path);
  if (!doc) cache.set(path, (doc = parse(sharedFixture(path))));
  return doc;
}

const AUSTIN_HEADLINE_2018 = 'Software Developer | Pythonista | Mathematical Physics Student';

const PEOPLE: ReadonlyArray<readonly [path: string, matched: string, expected: PersonProfile]> = [
  // Logged-in 2018 (Ember "pv-top-card-section"; no <main> in these saves).
  ['scrape-linkedin-selenium__austinoboyle/test_profile.2018-02.html', 'voyager-2018', {
    name: "Austin O'Boyle", headline: AUSTIN_HEADLINE_2018, location: 'Toronto, Canada Area',
    companyName: 'Centre for Advanced Computing',
  }],
  ['scrape-linkedin-selenium__austinoboyle/profile.html', 'voyager-2018', {
    name: "Austin O'Boyle", headline: AUSTIN_HEADLINE_2018, location: 'Toronto, Canada Area',
    companyName: 'Bounced Inc.', companyKey: 'linkedin:company/11766551',
  }],
  ['scrape-linkedin-selenium__austinoboyle/otherProfile.html', 'voyager-2018', {
    name: 'Sean Cahalan', headline: 'Software Developer | Computer Engineering Student',
    location: 'North York, Ontario, Canada', companyName: 'Bounce', companyKey: 'linkedin:company/11766551',
  }],
  // Logged-in 2022-03 (text-heading-xlarge; aria-label is just "Current company").
  ['scrape-linkedin-selenium__austinoboyle/mar_2022_austin.html', 'voyager-2022', {
    name: "Austin O'Boyle", headline: 'Software Engineer at Google', location: 'Palo Alto, California, United States',
    companyName: 'Google', companyKey: 'linkedin:company/1441',
  }],
  ['scrape-linkedin-selenium__austinoboyle/mar_2022_kireet.html', 'voyager-2022', {
    name: 'Kireet Agrawal', headline: 'Software Engineer at Gantry', location: 'Berkeley, California, United States',
    companyName: 'Gantry', companyKey: 'linkedin:company/79595738',
  }],
  // Logged-in 2024-07/08 (hashed classes appear beside the stable ones).
  ['scoutr__elalienx/profile1.html', 'voyager-2022', {
    name: 'Eduardo Alvarez Nowak', headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Novare Potential',
    location: 'Greater Stockholm Metropolitan Area', companyName: 'Novare Potential',
    companyKey: 'linkedin:company/10464352',
  }],
  ['scoutr__elalienx/loggedin_fullhead_profile1.html', 'voyager-2022', {
    name: 'Eduardo Alvarez Nowak', headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Novare Potential',
    location: 'Greater Stockholm Metropolitan Area', companyName: 'Novare Potential',
    companyKey: 'linkedin:company/10464352',
  }],
  ['scoutr__elalienx/profile2.html', 'voyager-2022', {
    name: 'Sri Lalitha Jeevanige', headline: 'SAFe certified Scrum Master @ Swedbank | Pega Senior System Architect',
    location: 'Stockholm, Stockholm County, Sweden', companyName: 'Swedbank', companyKey: 'linkedin:company/5049',
  }],
  // Recruitjob.se has no LinkedIn page: no link, so no key (the guest JSON-LD has no url either).
  ['scoutr__elalienx/profile3.html', 'voyager-2022', {
    name: 'Abgar Gulo', headline: 'Board member of Mobvilla AB', location: 'Greater Stockholm Metropolitan Area',
    companyName: 'Recruitjob.se',
  }],
  ['scoutr__elalienx/profile4.html', 'voyager-2022', {
    name: 'Surendra Thota',
    headline: 'Analytics Solutions | Data Architect & Engineer | Data Analytics Expert | Cloud Platform guru',
    location: 'Stockholm, Stockholm County, Sweden', companyName: 'Tata Consultancy Services',
    companyKey: 'linkedin:company/1353',
  }],
  // Near-empty profile: no current company at all.
  ['scoutr__elalienx/profile5.html', 'voyager-2022', {
    name: 'Vasileios Alevizos', headline: 'Researcher.', location: 'Sweden',
  }],
  // Logged-in 2025-04: the h1 lost text-heading-xlarge; only "first h1 in main" finds it.
  ['brocc__SubstrateLabs/_linkedin-profile.html', 'main-h1', {
    name: 'Rob Cheung', headline: 'Co-Founder ꩜Substrate', location: 'Brooklyn, New York, United States',
    companyName: '꩜Substrate', companyKey: 'linkedin:company/98733860',
  }],
  ['brocc__SubstrateLabs/_linkedin-profile-2.html', 'main-h1', {
    name: 'Eugene Mann', headline: 'Founder & CPO @ MavenAGI | Ex-Google, Ex-Stripe, Ex-BCG',
    location: 'Boston, Massachusetts, United States', companyName: 'Maven AGI', companyKey: 'linkedin:company/98155350',
  }],
  // Guest 2024-05 (JSON-LD Person; se.linkedin.com company links).
  ['scoutr__elalienx/guest_profile1.html', 'json-ld-2024', {
    name: 'Eduardo Alvarez Nowak', headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Novare Potential',
    location: 'Greater Stockholm Metropolitan Area', companyName: 'Novare Potential',
    companyKey: 'linkedin:company/novare-potential',
  }],
  ['scoutr__elalienx/guest_profile2.html', 'json-ld-2024', {
    name: 'Sri Lalitha Jeevanige', headline: 'SAFe certified Scrum Master @ Swedbank | Pega Senior System Architect',
    location: 'Stockholm, Stockholm County, Sweden', companyName: 'Swedbank', companyKey: 'linkedin:company/swedbank',
  }],
  // No headline on this guest page (no h2.top-card-layout__headline); og:title's middle part is a job title.
  ['scoutr__elalienx/guest_profile3.html', 'json-ld-2024', {
    name: 'Abgar Gulo', location: 'Greater Stockholm Metropolitan Area', companyName: 'Recruitjob.se',
  }],
  // Bonus: classic public pages 2013-2016.
  ['linkedin-scraper__yatish27/jgrevich.2013-05.html', 'classic-2013', {
    name: 'Justin Grevich', headline: 'Web Developer and Systems Administrator', location: 'La Jolla, California',
  }],
  ['linkedin-scraper__yatish27/jeffweiner08.2015-08.html', 'classic-2013', {
    name: 'Jeff Weiner', headline: 'CEO at LinkedIn', location: 'Mountain View, California',
    companyName: 'LinkedIn', companyKey: 'linkedin:company/1337',
  }],
  ['linkedin-scraper__yatish27/jeffweiner08.2016-06.html', 'classic-2013', {
    name: 'Jeff Weiner', headline: 'CEO at LinkedIn', location: 'San Francisco Bay Area',
    companyName: 'LinkedIn', companyKey: 'linkedin:company/linkedin',
  }],
  ['linkedin-public-profile__julianbei/test/fixtures/profile.html', 'classic-2013', {
    name: 'Julian (Beisenkötter) Amelung', headline: 'Software Artist', location: 'Berlin Area, Germany',
    companyName: 'eXalted IT',
  }],
];

/**
 * The member URN each logged-in page (2022-03 to 2025-04) reveals about its own person, read by hand
 * from the links to the person's own sub-pages (`/in/<slug>/details/…?profileUrn=urn:li:fsd_profile:…`).
 * The viewer's URN never counts: ACoAABS9… (eduardo-alvarez-nowak) is the owner on profile1 but the
 * VIEWER on profile2-5, all over their JSON and links; PEOPLE's exact altKeys prove it is not taken.
 */
const MEMBER_URNS: Readonly<Record<string, string>> = {
  'scrape-linkedin-selenium__austinoboyle/mar_2022_austin.html': 'ACoAABmE2HYBytXiiQ3CJOKGBxCMP-Bxx7VkJRQ',
  'scrape-linkedin-selenium__austinoboyle/mar_2022_kireet.html': 'ACoAABp0nOcBihHRFiJK4G4SJ0jTrN9G1ILp6VY',
  'scoutr__elalienx/profile1.html': 'ACoAABS9BdoBSJFfAvbRCM0dr7lB5Eggww93Ld0',
  'scoutr__elalienx/loggedin_fullhead_profile1.html': 'ACoAABS9BdoBSJFfAvbRCM0dr7lB5Eggww93Ld0',
  'scoutr__elalienx/profile2.html': 'ACoAAA0F7XEB2QTb85ndHh9ocVhy77BFAeJ_jbA',
  'scoutr__elalienx/profile3.html': 'ACoAAABabzYBwvhVn6dEdN4Jn1C52hBNDHs9RF4',
  'scoutr__elalienx/profile4.html': 'ACoAAAJdwgoBkf0z7No2ID7iCJx6cylS4ULc0Vk',
  'scoutr__elalienx/profile5.html': 'ACoAADgY1ZMB6tbuwm5xv-MQF627vpTk11b30cg',
  'brocc__SubstrateLabs/_linkedin-profile.html': 'ACoAAAwyvpsBdVfk2kwZzamQtesKhd23iQB_i1w',
  'brocc__SubstrateLabs/_linkedin-profile-2.html': 'ACoAAAEsCYMBe6ZkP40rVMrKDJgie-JD2j_DMeE',
};

/** The vanity slug of each of those pages (its "Contact info" link). */
const VANITIES: Readonly<Record<string, string>> = {
  'scrape-linkedin-selenium__austinoboyle/mar_2022_austin.html': 'austinoboyle',
  'scrape-linkedin-selenium__austinoboyle/mar_2022_kireet.html': 'kireetagrawal',
  'scoutr__elalienx/profile1.html': 'eduardo-alvarez-nowak',
  'scoutr__elalienx/loggedin_fullhead_profile1.html': 'eduardo-alvarez-nowak',
  'scoutr__elalienx/profile2.html': 'sri-lalitha-jeevanige-35520a61',
  'scoutr__elalienx/profile3.html': 'abgargulo',
  'scoutr__elalienx/profile4.html': 'surendrathota',
  'scoutr__elalienx/profile5.html': 'vasileiosalevizos',
  'brocc__SubstrateLabs/_linkedin-profile.html': 'robertkcheung',
  'brocc__SubstrateLabs/_linkedin-profile-2.html': 'eugenemann',
};

/** What a page gives: the hand-read fields plus, on logged-in 2022+ pages, the member URN key. */
function withAltKeys(path: string, expected: PersonProfile): PersonProfile {
  const urn = MEMBER_URNS[path];
  return urn ? { ...expected, altKeys: [`linkedin:in/${urn.toLowerCase()}`] } : expected;
}

const COMPANIES: ReadonlyArray<readonly [path: string, matched: string, expected: CompanyProfile]> = [
  ['brocc__SubstrateLabs/_linkedin-company.html', 'org-top-card-2025', { name: 'Motion', industry: 'Software Development' }],
  ['brocc__SubstrateLabs/_linkedin-company-about.html', 'org-top-card-2025', { name: 'Motion', industry: 'Software Development' }],
  ['brocc__SubstrateLabs/_linkedin-company-people.html', 'org-top-card-2025', { name: 'Motion', industry: 'Software Development' }],
  ['metascraper__microlinkhq/linkedin-company__input.2021-10.html', 'main-h1-title', { name: 'Audiense', industry: 'Marketing & Advertising' }],
  ['metascraper__microlinkhq/linkedin-company__input.2024-10.html', 'json-ld-2024', { name: 'Audiense', industry: 'Advertising Services' }],
  ['scrape-linkedin-selenium__austinoboyle/facebook_overview.html', 'org-top-card-2018-12', { name: 'Facebook', industry: 'Internet' }],
  ['scrape-linkedin-selenium__austinoboyle/facebook_overview.2018-05.html', 'org-top-card-2018-05', { name: 'Facebook', industry: 'Internet' }],
];

/** Pages that are neither a person nor a company, with the reason extractPerson gives. */
const NEGATIVES: ReadonlyArray<readonly [path: string, personReason: string]> = [
  ['scoutr__elalienx/profilePrivate.html', 'profile-not-found'],
  ['scoutr__elalienx/bannedPage.html', 'auth-wall'],
  ['scoutr__elalienx/bannedPage2.html', 'guest-homepage'],
  ['scrape-linkedin-selenium__austinoboyle/mar_2022_austin_exp.html', 'not-a-profile'],
  ['scrape-linkedin-selenium__austinoboyle/mar_2022_kireet_exp.html', 'not-a-profile'],
  // 2016 own-profile editor: data only in JSON <code> blocks behind a meta refresh.
  ['linkedin-public-profile__julianbei/tests/fixtures/profile.html', 'auth-wall'],
  ['brocc__SubstrateLabs/_github-repo.html', 'not-a-profile'],
  ['metascraper__microlinkhq/github__input.html', 'not-a-profile'],
  ['brocc__SubstrateLabs/_linkedin-search-connections.html', 'not-a-profile'],
  ['brocc__SubstrateLabs/_linkedin-connections-me.html', 'not-a-profile'],
];

describe.skipIf(!hasSharedFixtures)('LinkedIn extractors on real saved pages (../shared/fixtures)', () => {
  describe('person profiles', () => {
    it.each(PEOPLE)('%s (%s)', (path, matched, expected) => {
      const result = extractPerson(page(path));
      expect(result).toEqual({ ok: true, matched, value: withAltKeys(path, expected) });
    });

    it.each(PEOPLE)('extractCompany refuses the person page %s', (path) => {
      expect(extractCompany(page(path)).ok).toBe(false);
    });
  });

  describe('company pages', () => {
    it.each(COMPANIES)('%s (%s)', (path, matched, expected) => {
      expect(extractCompany(page(path))).toEqual({ ok: true, matched, value: expected });
    });

    it.each(COMPANIES)('extractPerson refuses the company page %s', (path) => {
      expect(extractPerson(page(path))).toEqual({ ok: false, reason: 'company-page' });
    });
  });

  describe('pages that are neither', () => {
    it.each(NEGATIVES)('%s → %s', (path, reason) => {
      expect(extractPerson(page(path))).toEqual({ ok: false, reason });
      expect(extractCompany(page(path)).ok).toBe(false);
    });
  });

  describe('identity: the member URN and the vanity of one person', () => {
    // At the vanity address (and in a detached document) the URN is the other key: see PEOPLE above.
    // One page per vintage (2022-03, 2024-07, 2025-04), to keep this suite fast.
    const OPENED_AT_URN = ['scrape-linkedin-selenium__austinoboyle/mar_2022_kireet.html', 'scoutr__elalienx/profile2.html', 'brocc__SubstrateLabs/_linkedin-profile.html'];
    it.each(OPENED_AT_URN.map((path) => [path, MEMBER_URNS[path]!] as const))('%s seen at /in/<URN> → altKeys [vanity]', (path, urn) => {
      const result = extractPerson(page(path), `https://www.linkedin.com/in/${urn}?miniProfileUrn=x`);
      expect(result.ok && result.value.altKeys).toEqual([`linkedin:in/${VANITIES[path]}`]);
    });

    it('falls back to the Voyager <code> blobs when no link carries the URN', () => {
      const doc = parse(sharedFixture('scoutr__elalienx/profile4.html'));
      for (const a of doc.querySelectorAll('a[href*="profileUrn="], a[href*="miniProfileUrn="], a[href*="profileId="]')) a.remove();
      const result = extractPerson(doc);
      expect(result.ok && result.value.altKeys).toEqual(['linkedin:in/acoaaajdwgobkf0z7no2id7icjx6cyls4ulc0vk']);
    });

    it('guest pages name only their vanity: no other key', () => {
      for (const n of [1, 2, 3]) {
        const result = extractPerson(page(`scoutr__elalienx/guest_profile${n}.html`));
        expect(result.ok && result.value.altKeys, `guest_profile${n}`).toBeUndefined();
      }
    });
  });

  describe('the same people seen as guest (2024-05) and logged in (2024-07)', () => {
    it.each([1, 2, 3])('guest_profile%i and profile%i agree on name and company', (n) => {
      const guest = extractPerson(page(`scoutr__elalienx/guest_profile${n}.html`));
      const loggedIn = extractPerson(page(`scoutr__elalienx/profile${n}.html`));
      if (!guest.ok || !loggedIn.ok) throw new Error('both views must extract');
      expect(guest.value.name).toBe(loggedIn.value.name);
      expect(guest.value.companyName).toBe(loggedIn.value.companyName);
      expect(guest.value.location).toBe(loggedIn.value.location);
    });
  });

  describe('older alternatives still work when newer signals disappear', () => {
    const expected = PEOPLE.find(([path]) => path === 'scoutr__elalienx/guest_profile1.html')![2];

    it('guest page without JSON-LD falls back to the meta tags, then the top card', () => {
      const doc = parse(sharedFixture('scoutr__elalienx/guest_profile1.html'));
      for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) el.remove();
      expect(extractPerson(doc)).toEqual({ ok: true, matched: 'meta-2024', value: expected });

      doc.querySelector('meta[property="og:type"]')?.remove();
      expect(extractPerson(doc)).toEqual({ ok: true, matched: 'guest-top-card-2024', value: expected });
    });

    it('logged-in 2024 page without text-heading-xlarge is read through main h1, then the title', () => {
      const doc = parse(sharedFixture('scoutr__elalienx/loggedin_fullhead_profile1.html'));
      const h1 = doc.querySelector('h1.text-heading-xlarge')!;
      h1.classList.remove('text-heading-xlarge');
      expect(extractPerson(doc)).toMatchObject({ ok: true, matched: 'main-h1', value: { name: 'Eduardo Alvarez Nowak' } });

      h1.remove();
      expect(extractPerson(doc)).toMatchObject({ ok: true, matched: 'title', value: { name: 'Eduardo Alvarez Nowak' } });
    });
  });
});
