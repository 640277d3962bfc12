import { describe, expect, it } from 'vitest';
import { ProfileKey } from '../../../utils/schema/base';
import {
  companyKeyFromHref,
  isCompanyPage,
  isPersonProfile,
  isPersonSubpage,
  pageTarget,
  personKeyFromHref,
  profileKey,
} from '../../../utils/sites/linkedin';

const PERSON_PAGES = [
  'https://www.linkedin.com/in/jane-doe',
  'https://www.linkedin.com/in/jane-doe/',
  'https://linkedin.com/in/jane-doe/',
  'http://www.linkedin.com/in/jane-doe/',
  'https://de.linkedin.com/in/Jane-Doe-1a2b3c/?trk=x',
  'https://se.linkedin.com/in/eduardo-alvarez-nowak',
  'https://uk.linkedin.com/in/amelia-hart-7f3e21',
  'https://cn.linkedin.com/in/zhang-wei',
  'https://in.linkedin.com/in/priya-sharma/',
  'https://m.linkedin.com/in/jane-doe/',
  'https://www.linkedin.com/in/%E5%BC%A0%E4%B8%89-12345/',
  'https://www.linkedin.com/in/张三-12345/',
  'https://www.linkedin.com/in/%E6%98%8E%E7%9A%93-a1b2/',
  'https://www.linkedin.com/in/ken-o%E2%80%99brien-123/',
  'https://www.linkedin.com/in/josé-garcía/',
  'https://www.linkedin.com/in/jane-doe/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB',
  'https://www.linkedin.com/in/jane-doe/?lipi=urn%3Ali%3Apage%3Ad_flagship3_profile_view_base%3B',
  'https://www.linkedin.com/in/jane-doe?originalSubdomain=se',
  'https://www.linkedin.com/in/jane-doe/#experience',
  'https://www.linkedin.com/in/ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
  'HTTPS://WWW.LINKEDIN.COM/in/jane-doe',
  'https://www.linkedin.com:443/in/jane-doe/',
  'https://www.linkedin.com/in/jane_doe.123/',
  'https://www.linkedin.com/in/123456/',
  '  https://www.linkedin.com/in/jane-doe/  ',
  'https://www.linkedin.com/in/jane-doe/?',
  // Legacy public URLs.
  'https://www.linkedin.com/pub/jane-doe/1/2b/3c4',
  'http://uk.linkedin.com/pub/john-smith/12/a45/b67/',
  'https://www.linkedin.com/pub/%E5%BC%A0%E4%B8%89/0/1/2a?trk=x',
  // Recruiter and Sales Navigator profiles.
  'https://www.linkedin.com/talent/profile/AEMAAADi_jsBaFBDp0bq1Fv2f330Fk6fjmzIpYg?highlightedPatternSource=x&trk=SEARCH',
  'https://www.linkedin.com/talent/hire/348051234/discover/recruiterSearch/profile/AEMAAADi_jsBaFBDp0bq1Fv2f330Fk6fjmzIpYg?searchContextId=1',
  'https://www.linkedin.com/talent/hire/348051234/manage/all/profile/AEMAAADi_jsBaFBDp0bq1Fv2f330Fk6fjmzIpYg',
  'https://www.linkedin.com/sales/lead/ACwAAAxYz12AbCdEfGhIjKlMnOpQrStUvWx3456,NAME_SEARCH,Qe9z?_ntb=abc',
  'https://www.linkedin.com/sales/lead/ACwAAAxYz12AbCdEfGhIjKlMnOpQrStUvWx3456',
  'https://www.linkedin.com/sales/people/ACwAAAxYz12AbCdEfGhIjKlMnOpQrStUvWx3456,NAME_SEARCH,Qe9z',
];

/** Parts of one profile: same target as the profile, `subpage: true`, but not the profile page itself. */
const PERSON_SUBPAGES = [
  'https://www.linkedin.com/in/jane-doe/details/experience/',
  'https://www.linkedin.com/in/jane-doe/details/skills?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAB',
  'https://www.linkedin.com/in/jane-doe/overlay/contact-info/',
  'https://www.linkedin.com/in/jane-doe/overlay/urn:li:fsd_profilePosition:(ACoAABmE2HYBytXiiQ3CJOKGBxCMP-Bxx7VkJRQ,1735790363)/skill-associations-details',
  'https://www.linkedin.com/in/jane-doe/overlay/1635462023297/single-media-viewer?type=IMAGE',
  'https://www.linkedin.com/in/jane-doe/recent-activity/',
  'https://www.linkedin.com/in/jane-doe/recent-activity/all/',
  'https://de.linkedin.com/in/Jane-Doe/Details/Education/',
  'https://www.linkedin.com/in/jane-doe/detail/recent-activity/shares/',
  'https://www.linkedin.com/in/jane-doe/detail/contact-info/',
];

const NOT_PERSON_PAGES = [
  ...PERSON_SUBPAGES,
  'https://www.linkedin.com/in/jane-doe/edit/intro/',
  'https://www.linkedin.com/in/jane-doe/add-edit/POSITION/',
  'https://www.linkedin.com/in/me/',
  'https://www.linkedin.com/in/ME',
  'https://www.linkedin.com/pub/dir/john/smith',
  'https://www.linkedin.com/pub/dir/jane/doe/1',
  'https://www.linkedin.com/pub/jane-doe/1/2b',
  'https://www.linkedin.com/pub/jane-doe/1/2b/3c4/5',
  'https://www.linkedin.com/pub/jane-doe/1/2b/3c4d',
  'https://www.linkedin.com/pub/jane-doe/1/2b/c%20d',
  'https://www.linkedin.com/talent/profile/',
  'https://www.linkedin.com/talent/profile/a%2Fb',
  'https://www.linkedin.com/talent/home',
  'https://www.linkedin.com/talent/hire/348051234/manage/all',
  'https://www.linkedin.com/talent/hire/abc/discover/profile/AEMAAADi_jsBaFBDp0bq1F',
  'https://www.linkedin.com/talent/profile/AEMAAADi_jsBaFBDp0bq1F/extra',
  'https://www.linkedin.com/sales/lead/',
  'https://www.linkedin.com/sales/lead/,NAME_SEARCH,x',
  'https://www.linkedin.com/sales/lead/ACwAAAxYz12AbCdEfGhIjKl/notes',
  'https://www.linkedin.com/sales/search/people?query=x',
  'https://www.linkedin.com/sales/lists/people/123',
  'https://www.linkedin.com/sales/home',
  'https://www.linkedin.com/in/',
  'https://www.linkedin.com/in',
  'https://www.linkedin.com//in/jane-doe/',
  'https://www.linkedin.com/in//jane-doe/',
  'https://www.linkedin.com/public-profile/in/jane-doe/',
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/search/results/people/?keywords=jane',
  'https://www.linkedin.com/company/acme/',
  'https://www.linkedin.com/school/mit/',
  'https://linkedin.com.evil.io/in/jane-doe/',
  'https://www.linkedin.com.evil.io/in/jane-doe/',
  'https://evil-linkedin.com/in/jane-doe/',
  'https://notlinkedin.com/in/jane-doe/',
  'https://www.linkedin.co/in/jane-doe/',
  'https://evil.io/?u=https://www.linkedin.com/in/jane-doe/',
  'https://evil.io/www.linkedin.com/in/jane-doe/',
  'ftp://www.linkedin.com/in/jane-doe/',
  'javascript:alert(1)//www.linkedin.com/in/jane-doe',
  'data:text/html,https://www.linkedin.com/in/jane-doe',
  'www.linkedin.com/in/jane-doe',
  '/in/jane-doe/',
  '',
  'not a url',
  'https://',
  'https://www.linkedin.com/in/%E5%BC/',
  'https://www.linkedin.com/in/%ZZ/',
  'https://www.linkedin.com/in/a%2Fb/',
  'https://www.linkedin.com/in/%20/',
  'https://www.linkedin.com/in/a%3Fb/',
  'https://www.linkedin.com/in/%2e%2e/',
];

const COMPANY_PAGES = [
  'https://www.linkedin.com/company/novare-potential/',
  'https://www.linkedin.com/company/novare-potential',
  'https://www.linkedin.com/company/1234/',
  'https://uk.linkedin.com/company/audiense',
  'https://se.linkedin.com/company/novare-potential?trk=public_profile_topcard-current-company',
  'http://www.linkedin.com/company/1337?trk=ppro_cprof',
  'https://www.linkedin.com/company/acme/about/',
  'https://www.linkedin.com/company/acme/people/',
  'https://www.linkedin.com/company/acme/posts/?feedView=all',
  'https://www.linkedin.com/company/acme/jobs/',
  'https://www.linkedin.com/company/acme/life/',
  'https://www.linkedin.com/company/acme/insights/',
  'https://www.linkedin.com/company/acme/mycompany/',
  'https://www.linkedin.com/company/Acme/About/',
  'https://www.linkedin.com/company/%E5%AD%97%E8%8A%82%E8%B7%B3%E5%8A%A8/',
  'https://www.linkedin.com/company/acme/#main',
  'https://www.linkedin.com/sales/company/1098765',
  'https://www.linkedin.com/sales/company/1098765/?_ntb=abc',
];

/** Schools and showcase pages look like company pages (same top card) but are not companies. */
const SCHOOLS_AND_SHOWCASES = [
  'https://www.linkedin.com/school/mit/',
  'https://www.linkedin.com/school/university-of-oslo/people/',
  'https://www.linkedin.com/school/15093/',
  'https://uk.linkedin.com/school/university-of-oxford/about/',
  'https://www.linkedin.com/showcase/acme-cloud/',
  'https://www.linkedin.com/showcase/microsoft-azure/posts/',
];

const NOT_COMPANY_PAGES = [
  ...SCHOOLS_AND_SHOWCASES,
  'https://www.linkedin.com/sales/company/',
  'https://www.linkedin.com/sales/company/acme',
  'https://www.linkedin.com/sales/company/1098765/people',
  'https://www.linkedin.com/company/',
  'https://www.linkedin.com/company',
  'https://www.linkedin.com/company/setup/new/',
  'https://www.linkedin.com/company/setup/',
  'https://www.linkedin.com/company/acme/admin/',
  'https://www.linkedin.com/company/acme/about/extra/',
  'https://www.linkedin.com/company/acme/jobs/view/123/',
  'https://evil.io/company/acme/',
  'https://linkedin.com.evil.io/company/acme/',
  'https://www.linkedin.com/company/%E5%AD/',
  ...PERSON_PAGES,
];

describe('isPersonProfile', () => {
  it.each(PERSON_PAGES)('accepts %s', (url) => {
    expect(isPersonProfile(url)).toBe(true);
    expect(isCompanyPage(url)).toBe(false);
  });
  it.each(NOT_PERSON_PAGES)('rejects %s', (url) => {
    expect(isPersonProfile(url)).toBe(false);
  });
  it('takes URL objects', () => {
    expect(isPersonProfile(new URL('https://www.linkedin.com/in/jane-doe/'))).toBe(true);
    expect(isPersonProfile(new URL('https://www.linkedin.com/in/jane-doe/details/skills/'))).toBe(false);
  });
});

describe('isCompanyPage', () => {
  it.each(COMPANY_PAGES)('accepts %s', (url) => {
    expect(isCompanyPage(url)).toBe(true);
    expect(isPersonProfile(url)).toBe(false);
  });
  it.each(NOT_COMPANY_PAGES)('rejects %s', (url) => {
    expect(isCompanyPage(url)).toBe(false);
  });
});

describe('profileKey', () => {
  it.each([
    ['https://de.linkedin.com/in/Jane-Doe-1a2b3c/?trk=x', 'linkedin:in/jane-doe-1a2b3c'],
    ['https://www.linkedin.com/in/jane-doe', 'linkedin:in/jane-doe'],
    ['http://m.linkedin.com/in/JANE-DOE/#about', 'linkedin:in/jane-doe'],
    ['https://www.linkedin.com/in/%E5%BC%A0%E4%B8%89-12345/', 'linkedin:in/张三-12345'],
    ['https://www.linkedin.com/in/张三-12345', 'linkedin:in/张三-12345'],
    ['https://www.linkedin.com/in/ken-o%E2%80%99brien-123/', 'linkedin:in/ken-o’brien-123'],
    ['https://www.linkedin.com/in/José-García/', 'linkedin:in/josé-garcía'],
    ['https://www.linkedin.com/in/ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'linkedin:in/acoaabcdefghijklmnopqrstuvwxyz0123456789'],
    ['https://uk.linkedin.com/company/Audiense', 'linkedin:company/audiense'],
    ['https://www.linkedin.com/company/1234/people/?facetGeoRegion=103644278', 'linkedin:company/1234'],
    ['https://www.linkedin.com/company/acme/About/', 'linkedin:company/acme'],
    ['https://www.linkedin.com/company/%E5%AD%97%E8%8A%82%E8%B7%B3%E5%8A%A8/', 'linkedin:company/字节跳动'],
    ['https://www.linkedin.com/pub/Jane-Doe/1/2B/3c4/', 'linkedin:pub/jane-doe/1/2b/3c4'],
    ['http://uk.linkedin.com/pub/john-smith/12/a45/b67?trk=x', 'linkedin:pub/john-smith/12/a45/b67'],
    ['https://www.linkedin.com/pub/%E5%BC%A0%E4%B8%89/0/1/2a', 'linkedin:pub/张三/0/1/2a'],
    ['https://www.linkedin.com/talent/profile/AEMAAADi_jsBaFBDp0bq1Fv2f330Fk6fjmzIpYg?trk=x', 'linkedin:talent/aemaaadi_jsbafbdp0bq1fv2f330fk6fjmzipyg'],
    ['https://www.linkedin.com/talent/hire/348051234/discover/recruiterSearch/profile/AEMAAADi_jsBaFBDp0bq1Fv2f330Fk6fjmzIpYg', 'linkedin:talent/aemaaadi_jsbafbdp0bq1fv2f330fk6fjmzipyg'],
    ['https://www.linkedin.com/sales/lead/ACwAAAxYz12AbCdEfGhIjKlMnOpQrStUvWx3456,NAME_SEARCH,Qe9z', 'linkedin:sales/acwaaaxyz12abcdefghijklmnopqrstuvwx3456'],
    ['https://www.linkedin.com/sales/lead/ACwAAAxYz12AbCdEfGhIjKlMnOpQrStUvWx3456%2CNAME_SEARCH%2CQe9z', 'linkedin:sales/acwaaaxyz12abcdefghijklmnopqrstuvwx3456'],
    ['https://www.linkedin.com/sales/people/ACwAAAxYz12AbCdEfGhIjKlMnOpQrStUvWx3456,OUT_OF_NETWORK,x', 'linkedin:sales/acwaaaxyz12abcdefghijklmnopqrstuvwx3456'],
    ['https://www.linkedin.com/sales/company/1098765?_ntb=abc', 'linkedin:sales-company/1098765'],
  ])('%s → %s', (url, key) => {
    expect(profileKey(url)).toBe(key);
    expect(ProfileKey.safeParse(key).success).toBe(true);
  });

  it('gives the same key for every spelling of one profile', () => {
    const spellings = [
      'https://www.linkedin.com/in/jane-doe',
      'https://www.linkedin.com/in/jane-doe/',
      'https://de.linkedin.com/in/Jane-Doe/?trk=x',
      'http://linkedin.com/in/JANE-DOE#top',
      'https://m.linkedin.com/in/%6A%61%6E%65-doe/',
    ];
    expect(new Set(spellings.map((url) => profileKey(url)))).toEqual(new Set(['linkedin:in/jane-doe']));
  });

  it('is undefined for pages that are neither, and for malformed percent-encoding', () => {
    for (const url of [...NOT_PERSON_PAGES, ...NOT_COMPANY_PAGES.slice(0, 12)]) {
      if (isPersonProfile(url) || isCompanyPage(url)) continue;
      expect(profileKey(url), url).toBeUndefined();
    }
    // Decided: a broken encoding is not an identity (no key, not a profile), never an exception.
    expect(profileKey('https://www.linkedin.com/in/%E5%BC%A0%E4%B8/')).toBeUndefined();
    expect(isPersonProfile('https://www.linkedin.com/in/%E5%BC%A0%E4%B8/')).toBe(false);
    expect(profileKey('https://www.linkedin.com/in/100%/')).toBeUndefined();
  });
});

describe('pageTarget', () => {
  it('returns the kind, the key and the canonical www URL', () => {
    expect(pageTarget('https://de.linkedin.com/in/Jane-Doe-1a2b3c/?trk=x')).toEqual({
      kind: 'person',
      key: 'linkedin:in/jane-doe-1a2b3c',
      url: 'https://www.linkedin.com/in/jane-doe-1a2b3c/',
    });
    expect(pageTarget('https://uk.linkedin.com/company/Audiense/people/?x=1')).toEqual({
      kind: 'company',
      key: 'linkedin:company/audiense',
      url: 'https://www.linkedin.com/company/audiense/',
    });
  });

  it('keeps Chinese slugs readable in the key and percent-encoded in the URL', () => {
    expect(pageTarget('https://cn.linkedin.com/in/张伟-8a7b6c')).toEqual({
      kind: 'person',
      key: 'linkedin:in/张伟-8a7b6c',
      url: 'https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F-8a7b6c/',
    });
  });

  it('keeps the case of member URNs in the URL, which LinkedIn resolves case-sensitively', () => {
    const target = pageTarget('https://www.linkedin.com/in/ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789?mini=1');
    expect(target?.key).toBe('linkedin:in/acoaabcdefghijklmnopqrstuvwxyz0123456789');
    expect(target?.url).toBe('https://www.linkedin.com/in/ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789/');
  });

  it('round-trips: the canonical URL gives the same target', () => {
    for (const url of [...PERSON_PAGES, ...COMPANY_PAGES]) {
      const target = pageTarget(url);
      expect(target, url).toBeDefined();
      expect(pageTarget(target!.url), url).toEqual(target);
    }
  });

  it('is undefined for everything else', () => {
    const others = NOT_PERSON_PAGES.filter((u) => !isCompanyPage(u) && !isPersonSubpage(u));
    expect(others.length).toBeGreaterThan(40);
    for (const url of others) expect(pageTarget(url), url).toBeUndefined();
    for (const url of SCHOOLS_AND_SHOWCASES) expect(pageTarget(url), url).toBeUndefined();
  });

  it('keeps the case of Recruiter and Sales Navigator ids (and the lead auth part) in the URL', () => {
    expect(pageTarget('https://www.linkedin.com/talent/hire/348051234/manage/all/profile/AEMAAADi_jsBaFBDp0bq1Fv2f330Fk6fjmzIpYg?x=1')).toEqual({
      kind: 'person',
      key: 'linkedin:talent/aemaaadi_jsbafbdp0bq1fv2f330fk6fjmzipyg',
      url: 'https://www.linkedin.com/talent/profile/AEMAAADi_jsBaFBDp0bq1Fv2f330Fk6fjmzIpYg',
    });
    expect(pageTarget('https://www.linkedin.com/sales/lead/ACwAAAxYz12AbCdEfGhIjKlMnOpQrStUvWx3456,NAME_SEARCH,Qe9z?_ntb=abc')).toEqual({
      kind: 'person',
      key: 'linkedin:sales/acwaaaxyz12abcdefghijklmnopqrstuvwx3456',
      url: 'https://www.linkedin.com/sales/lead/ACwAAAxYz12AbCdEfGhIjKlMnOpQrStUvWx3456,NAME_SEARCH,Qe9z',
    });
    expect(pageTarget('https://de.linkedin.com/sales/company/1098765/')).toEqual({
      kind: 'company',
      key: 'linkedin:sales-company/1098765',
      url: 'https://www.linkedin.com/sales/company/1098765',
    });
    expect(pageTarget('https://uk.linkedin.com/pub/John-Smith/12/A45/b67')).toEqual({
      kind: 'person',
      key: 'linkedin:pub/john-smith/12/a45/b67',
      url: 'https://www.linkedin.com/pub/john-smith/12/a45/b67/',
    });
  });
});

describe('person sub-pages', () => {
  it.each(PERSON_SUBPAGES)('%s → the profile\'s own target, flagged subpage', (url) => {
    expect(isPersonSubpage(url)).toBe(true);
    expect(isPersonProfile(url)).toBe(false);
    expect(profileKey(url)).toBeUndefined();
    const target = pageTarget(url);
    const profile = pageTarget('https://www.linkedin.com/in/jane-doe/');
    expect(target).toEqual({ ...profile, subpage: true });
  });

  it('a member-URN profile\'s sub-pages keep the URN\'s case in the URL', () => {
    expect(pageTarget('https://www.linkedin.com/in/ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789/details/experience/')).toEqual({
      kind: 'person',
      key: 'linkedin:in/acoaabcdefghijklmnopqrstuvwxyz0123456789',
      url: 'https://www.linkedin.com/in/ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789/',
      subpage: true,
    });
  });

  it.each([...PERSON_PAGES, ...COMPANY_PAGES, 'https://www.linkedin.com/in/jane-doe/edit/intro/', 'https://www.linkedin.com/feed/'])(
    '%s is not a sub-page',
    (url) => {
      expect(isPersonSubpage(url)).toBe(false);
      expect(pageTarget(url)?.subpage).toBeUndefined();
    },
  );
});

describe('personKeyFromHref', () => {
  it.each([
    ['/in/jane-doe/', 'linkedin:in/jane-doe'],
    ['https://www.linkedin.com/in/Jane-Doe/overlay/contact-info/', 'linkedin:in/jane-doe'],
    ['https://www.linkedin.com/in/ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'linkedin:in/acoaabcdefghijklmnopqrstuvwxyz0123456789'],
    ['https://www.linkedin.com/talent/profile/AEMAAADi_jsBaFBDp0bq1F', 'linkedin:talent/aemaaadi_jsbafbdp0bq1f'],
  ])('%s → %s', (href, key) => {
    expect(personKeyFromHref(href)).toBe(key);
  });

  it.each(['/company/acme/', '/in/me/', 'https://evil.io/in/jane-doe/', '', 'javascript:alert(1)'])('rejects %s', (href) => {
    expect(personKeyFromHref(href)).toBeUndefined();
  });
});

describe('companyKeyFromHref', () => {
  it.each([
    ['https://www.linkedin.com/company/novare-potential/', 'linkedin:company/novare-potential'],
    ['https://se.linkedin.com/company/novare-potential?trk=public_profile_topcard-current-company', 'linkedin:company/novare-potential'],
    ['/company/1234/', 'linkedin:company/1234'],
    ['/company/15100953/life/', 'linkedin:company/15100953'],
    ['company/acme', 'linkedin:company/acme'],
    ['http://www.linkedin.com/company/1337?trk=ppro_cprof', 'linkedin:company/1337'],
    ['https://www.linkedin.com/company/bytedance/', 'linkedin:company/bytedance'],
    ['/sales/company/1098765?_ntb=abc', 'linkedin:sales-company/1098765'],
  ])('%s → %s', (href, key) => {
    expect(companyKeyFromHref(href)).toBe(key);
  });

  it.each([
    'https://www.linkedin.com/school/kth/',
    'https://www.linkedin.com/showcase/acme-cloud/',
    '/in/jane-doe/',
    'https://evil.io/company/acme/',
    '//evil.io/company/acme/',
    'javascript:alert(1)',
    '#experience',
    '',
    'http://[::1',
  ])('rejects %s', (href) => {
    expect(companyKeyFromHref(href)).toBeUndefined();
  });
});

describe('garbage never throws', () => {
  /** Small seeded PRNG (mulberry32) so a failure is reproducible. */
  function random(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const PIECES = [
    'https://', 'http://', 'ftp://', 'javascript:', '//', '/', 'www.', 'linkedin.com', '.linkedin.com', 'evil.io',
    '/in/', '/company/', '/about/', '/details/', 'jane', '张三', '%', '%E5', '%BC%A0', '%2F', '%ZZ', '?', '#', '&',
    '=', ' ', '\t', '\n', '\u0000', '\uD800', '..', '.', ':', '@', '[', ']', '\\', 'ACoAA', '-', '_', '0', '💥',
  ];

  it('survives 3000 random URL-ish strings with consistent answers', () => {
    const next = random(20240712);
    for (let i = 0; i < 3000; i++) {
      let input = '';
      const length = Math.floor(next() * 12);
      for (let j = 0; j < length; j++) input += PIECES[Math.floor(next() * PIECES.length)];

      const person = isPersonProfile(input);
      const company = isCompanyPage(input);
      const key = profileKey(input);
      const target = pageTarget(input);
      companyKeyFromHref(input);

      expect(person && company, input).toBe(false);
      expect(key === undefined, input).toBe(!person && !company);
      if (key) {
        expect(ProfileKey.safeParse(key).success, `${input} → ${key}`).toBe(true);
        expect(target?.key).toBe(key);
        expect(key).toMatch(person ? /^linkedin:(?:in|pub|talent|sales)\// : /^linkedin:(?:company|sales-company)\//);
      }
    }
  });
});
