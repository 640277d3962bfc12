import { describe, expect, it } from 'vitest';
import { ProfileKey } from '@/utils/schema';
import {
  accountKeyFromHref,
  extractCompany,
  extractPerson,
  isLogin,
  isOrgPage,
  isProfilePage,
  pageKind,
  pageTarget,
  profileKey,
  refineTarget,
  RESERVED_NAMES,
} from '../../../utils/sites/github';
import type { CompanyProfile, PageTarget, PersonProfile } from '../../../utils/sites/types';
import { hasSharedFixtures, sharedFixture } from '../../support/shared-fixtures';
import { cardDecision, fixture, fixtureFiles, parse } from './site-test-support';

/**
 * GitHub users and organisations. No real profile page was saved (REALDATA §2): the synthetic
 * pages under tests/fixtures/github follow the markup public scrapers rely on; the two real repo
 * pages in ../shared must yield no card.
 */

const ACCOUNT_PAGES: ReadonlyArray<readonly [url: string, key: string]> = [
  ['https://github.com/aaronpk', 'github:aaronpk'],
  ['https://github.com/aaronpk/', 'github:aaronpk'],
  ['https://github.com/AaronPK', 'github:aaronpk'],
  ['http://github.com/sebsel', 'github:sebsel'],
  ['https://github.com/aaronpk?tab=repositories', 'github:aaronpk'],
  ['https://github.com/aaronpk?tab=stars', 'github:aaronpk'],
  ['https://github.com/aaronpk?tab=followers', 'github:aaronpk'],
  ['https://github.com/aaronpk?tab=overview&from=2024-01-01&to=2024-01-31', 'github:aaronpk'],
  ['https://github.com/aaronpk?tab=repositories&q=xray&type=source', 'github:aaronpk'],
  ['https://github.com/aaronpk#js-contribution-activity', 'github:aaronpk'],
  ['https://github.com/torvalds', 'github:torvalds'],
  ['https://github.com/microsoft', 'github:microsoft'],
  ['https://github.com/github', 'github:github'],
  ['https://github.com/northwind-labs', 'github:northwind-labs'],
  ['https://github.com/Octo-Dev42', 'github:octo-dev42'],
  ['https://github.com/a', 'github:a'],
  ['https://github.com/1', 'github:1'],
  ['https://github.com/a-b-c-d', 'github:a-b-c-d'],
  ['https://github.com/abcdefghijklmnopqrstuvwxyz0123456789abc', 'github:abcdefghijklmnopqrstuvwxyz0123456789abc'],
  ['https://github.com:443/aaronpk', 'github:aaronpk'],
  ['HTTPS://GITHUB.COM/aaronpk', 'github:aaronpk'],
  ['  https://github.com/aaronpk  ', 'github:aaronpk'],
];

/** Organisation-only URLs: a company by the URL alone. */
const ORG_PAGES: ReadonlyArray<readonly [url: string, key: string]> = [
  ['https://github.com/orgs/northwind-labs/people', 'github:northwind-labs'],
  ['https://github.com/orgs/microsoft/repositories?type=source', 'github:microsoft'],
  ['https://github.com/orgs/Microsoft/teams/', 'github:microsoft'],
  ['https://github.com/orgs/github/projects', 'github:github'],
];

const NOT_ACCOUNTS = [
  // Reserved top-level paths.
  'https://github.com/settings', 'https://github.com/settings/profile', 'https://github.com/orgs', 'https://github.com/explore',
  'https://github.com/marketplace', 'https://github.com/sponsors', 'https://github.com/login', 'https://github.com/logout',
  'https://github.com/join', 'https://github.com/features', 'https://github.com/pricing', 'https://github.com/topics',
  'https://github.com/trending', 'https://github.com/collections', 'https://github.com/events', 'https://github.com/notifications',
  'https://github.com/new', 'https://github.com/organizations', 'https://github.com/pulls', 'https://github.com/issues',
  'https://github.com/search?q=aaronpk', 'https://github.com/about', 'https://github.com/contact', 'https://github.com/site',
  'https://github.com/security', 'https://github.com/enterprise', 'https://github.com/team', 'https://github.com/customer-stories',
  'https://github.com/readme', 'https://github.com/dashboard', 'https://github.com/codespaces', 'https://github.com/copilot',
  'https://github.com/apps', 'https://github.com/account', 'https://github.com/stars', 'https://github.com/watching',
  'https://github.com/Settings', 'https://github.com/404', 'https://github.com/500', 'https://github.com/models',
  // Repos, sub-pages, files.
  'https://github.com/aaronpk/XRay', 'https://github.com/aaronpk/XRay/issues/1', 'https://github.com/microlinkhq/mql',
  'https://github.com/matthewwithanm/python-markdownify/issues/100', 'https://github.com/aaronpk/followers',
  'https://github.com/orgs/northwind-labs', 'https://github.com/orgs/northwind-labs/settings', 'https://github.com/orgs/settings/people',
  'https://github.com/aaronpk.keys', 'https://github.com/aaronpk.gpg', 'https://github.com/aaronpk.png', 'https://github.com/aaronpk.atom',
  // Invalid logins.
  'https://github.com/-aaronpk', 'https://github.com/aaronpk-', 'https://github.com/aaron--pk', 'https://github.com/aaron_pk',
  'https://github.com/abcdefghijklmnopqrstuvwxyz0123456789abcd', 'https://github.com/%61aronpk', 'https://github.com/aaron%20pk',
  'https://github.com/张三', 'https://github.com//aaronpk',
  // Other hosts and schemes.
  'https://www.github.com/aaronpk', 'https://gist.github.com/aaronpk', 'https://api.github.com/users/aaronpk',
  'https://github.com.evil.io/aaronpk', 'https://evil.io/github.com/aaronpk', 'https://github.io/aaronpk', 'ftp://github.com/aaronpk',
  'javascript:alert(1)//github.com/aaronpk', 'github.com/aaronpk', '/aaronpk', '', 'https://github.com/', 'https://github.com',
];

describe('GitHub URL detectors', () => {
  it('has enough cases in both directions', () => {
    expect(ACCOUNT_PAGES.length).toBeGreaterThanOrEqual(20);
    expect(NOT_ACCOUNTS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ACCOUNT_PAGES)('account %s → %s (kind person until the page says)', (url, key) => {
    expect(isProfilePage(url)).toBe(true);
    expect(isOrgPage(url)).toBe(false);
    expect(profileKey(url)).toBe(key);
    expect(ProfileKey.safeParse(key).success).toBe(true);
    const target = pageTarget(url);
    expect(target).toEqual({ kind: 'person', key, url: `https://github.com/${key.slice('github:'.length)}` });
    expect(pageTarget(target!.url)).toEqual(target);
  });

  it.each(ORG_PAGES)('organisation-only %s → company %s', (url, key) => {
    expect(isProfilePage(url)).toBe(true);
    expect(isOrgPage(url)).toBe(true);
    expect(pageTarget(url)).toEqual({ kind: 'company', key, url: `https://github.com/${key.slice('github:'.length)}` });
  });

  it.each(NOT_ACCOUNTS)('not an account: %s', (url) => {
    expect(isProfilePage(url)).toBe(false);
    expect(profileKey(url)).toBeUndefined();
    expect(pageTarget(url)).toBeUndefined();
  });

  it('knows the reserved words and the login rules', () => {
    for (const word of ['settings', 'orgs', 'explore', 'marketplace', 'sponsors', 'login', 'logout', 'join', 'features', 'pricing',
      'topics', 'trending', 'collections', 'events', 'notifications', 'new', 'organizations', 'pulls', 'issues', 'search', 'about',
      'contact', 'site', 'security', 'enterprise', 'team', 'customer-stories', 'readme', 'dashboard', 'codespaces', 'copilot',
      'apps', 'account', 'stars', 'watching']) {
      expect(RESERVED_NAMES.has(word), word).toBe(true);
      expect(isLogin(word), word).toBe(false);
    }
    expect(isLogin('a')).toBe(true);
    expect(isLogin('a'.repeat(39))).toBe(true);
    expect(isLogin('a'.repeat(40))).toBe(false);
    expect(isLogin('a-b')).toBe(true);
    expect(isLogin('a--b')).toBe(false);
    expect(isLogin('-a')).toBe(false);
    expect(isLogin('a-')).toBe(false);
    expect(isLogin('')).toBe(false);
  });

  it('reads account links found on pages', () => {
    expect(accountKeyFromHref('/oauth-wg')).toBe('github:oauth-wg');
    expect(accountKeyFromHref('https://github.com/Microsoft')).toBe('github:microsoft');
    expect(accountKeyFromHref('/orgs/microsoft/people')).toBeUndefined();
    expect(accountKeyFromHref('/aaronpk/XRay')).toBeUndefined();
    expect(accountKeyFromHref('https://evil.io/aaronpk')).toBeUndefined();
  });
});

// --- The page decides: user, organisation, neither ------------------------------------------------

const USERS: ReadonlyArray<readonly [file: string, matched: string, expected: PersonProfile]> = [
  // aaronpk's real REST fields, plus an invented bio and @org company.
  ['user.html', 'vcard', {
    name: 'Aaron Parecki', headline: 'Writes about OAuth and the IndieWeb. Co-founder of IndieWebCamp.',
    location: 'Portland, OR', companyName: 'oauth-wg', companyKey: 'github:oauth-wg',
  }],
  ['user-no-name.html', 'login', { name: 'Octo-Dev42' }],
];

const ORGS: ReadonlyArray<readonly [file: string, matched: string, expected: CompanyProfile]> = [
  ['org.html', 'org-header', { name: 'Northwind Labs' }],
];

const NEGATIVES: ReadonlyArray<readonly [file: string, reason: string]> = [
  ['repo.html', 'not-a-profile'],
  ['not-found.html', 'page-not-found'],
];

describe('GitHub pages (tests/fixtures/github)', () => {
  it.each(USERS)('%s → user (%s)', (file, matched, expected) => {
    const { doc, url } = fixture('github', file);
    const target = pageTarget(url)!;
    expect(refineTarget(doc, target)).toEqual({ ...target, kind: 'person' });
    expect(extractPerson(doc)).toEqual({ ok: true, matched, value: expected });
    expect(extractCompany(doc)).toEqual({ ok: false, reason: 'user-page' });
  });

  it.each(ORGS)('%s → organisation (%s)', (file, matched, expected) => {
    const { doc, url } = fixture('github', file);
    const target = pageTarget(url)!;
    expect(target.kind).toBe('person');
    expect(refineTarget(doc, target)).toEqual({ ...target, kind: 'company' });
    expect(extractCompany(doc)).toEqual({ ok: true, matched, value: expected });
    expect(extractPerson(doc)).toEqual({ ok: false, reason: 'organization-page' });
  });

  it.each(NEGATIVES)('%s is not an account (%s)', (file, reason) => {
    const { doc } = fixture('github', file);
    const asIfAccount: PageTarget = { kind: 'person', key: 'github:northwind-labs', url: 'https://github.com/northwind-labs' };
    expect(refineTarget(doc, asIfAccount)).toBeUndefined();
    expect(extractPerson(doc)).toEqual({ ok: false, reason });
    expect(extractCompany(doc)).toEqual({ ok: false, reason });
  });

  it('every fixture is covered, says what it imitates and where it lives', () => {
    expect(fixtureFiles('github')).toEqual([...USERS, ...ORGS, ...NEGATIVES].map(([f]) => f).sort());
    for (const file of fixtureFiles('github')) {
      const { html, url, doc } = fixture('github', file);
      expect(html.startsWith('<!doctype html>'), file).toBe(true);
      expect(html, file).toMatch(/Imitates:/);
      expect(url, file).toMatch(/^https:\/\/github\.com\//);
      expect(doc.querySelector('main'), file).not.toBeNull();
    }
  });

  it('refineTarget: a page naming another login is not this target yet (Turbo navigation)', () => {
    const { doc } = fixture('github', 'user.html');
    expect(refineTarget(doc, pageTarget('https://github.com/sebsel')!)).toBeUndefined();
    expect(refineTarget(doc, pageTarget('https://github.com/AARONPK')!)).toMatchObject({ kind: 'person', key: 'github:aaronpk' });
  });

  it('refineTarget leaves other sites\' targets alone and never throws', () => {
    const { doc } = fixture('github', 'org.html');
    const linkedin: PageTarget = { kind: 'person', key: 'linkedin:in/jane-doe', url: 'https://www.linkedin.com/in/jane-doe/' };
    expect(refineTarget(doc, linkedin)).toBe(linkedin);
    const hostile = new Proxy({} as Document, {
      get() {
        throw new Error('boom');
      },
    });
    expect(refineTarget(hostile, pageTarget('https://github.com/aaronpk')!)).toBeUndefined();
    expect(extractPerson(hostile)).toEqual({ ok: false, reason: 'extractor-error: boom' });
    expect(extractCompany(hostile)).toEqual({ ok: false, reason: 'extractor-error: boom' });
  });

  it('the viewer (octolytics-actor-login, avatar menu) never names the page', () => {
    const { doc } = fixture('github', 'user.html');
    for (const el of doc.querySelectorAll('.vcard-username, .vcard-fullname, meta[property="profile:username"], meta[property="og:url"]')) el.remove();
    doc.title = 'GitHub';
    const result = extractPerson(doc);
    expect(result.ok).toBe(false);
  });
});

describe('GitHub alternatives, in order', () => {
  it('user: h-card name, then "login (Name) · GitHub", then the login', () => {
    const { doc } = fixture('github', 'user.html');
    doc.querySelector('.vcard-fullname')!.remove();
    expect(extractPerson(doc)).toMatchObject({ ok: true, matched: 'title', value: { name: 'Aaron Parecki' } });
    doc.title = 'aaronpk · GitHub';
    expect(extractPerson(doc)).toMatchObject({ ok: true, matched: 'login', value: { name: 'aaronpk' } });
  });

  it('user: company without an org link; "@" stripped; aria-label when the text is gone', () => {
    const { doc } = fixture('github', 'user.html');
    const worksFor = doc.querySelector('[itemprop="worksFor"]')!;
    worksFor.querySelector('.p-org')!.textContent = 'Okta';
    expect(extractPerson(doc)).toMatchObject({ value: { companyName: 'Okta' } });
    expect((extractPerson(doc) as { value: PersonProfile }).value.companyKey).toBeUndefined();
    worksFor.querySelector('.p-org')!.textContent = '@okta';
    expect(extractPerson(doc)).toMatchObject({ value: { companyName: 'okta', companyKey: 'github:okta' } });
    worksFor.querySelector('.p-org')!.remove();
    expect(extractPerson(doc)).toMatchObject({ value: { companyName: 'oauth-wg' } });
  });

  it('user: the bio from data-bio-text when the element is empty; location from aria-label', () => {
    const { doc } = fixture('github', 'user.html');
    doc.querySelector('.user-profile-bio div')!.remove();
    doc.querySelector('[itemprop="homeLocation"] .p-label')!.remove();
    expect(extractPerson(doc)).toMatchObject({
      value: { headline: 'Writes about OAuth and the IndieWeb. Co-founder of IndieWebCamp.', location: 'Portland, OR' },
    });
  });

  it('org: header, then og:title, then the title', () => {
    const { doc } = fixture('github', 'org.html');
    doc.querySelector('.orghead h1')!.remove();
    expect(extractCompany(doc)).toEqual({ ok: true, matched: 'og-title', value: { name: 'Northwind Labs' } });
    doc.querySelector('meta[property="og:title"]')!.remove();
    expect(extractCompany(doc)).toEqual({ ok: true, matched: 'title', value: { name: 'Northwind Labs' } });
  });

  it('page kind from meta tags alone (no h-card, no org header)', () => {
    const userMeta = parse('<!doctype html><html><head><meta name="hovercard-subject-tag" content="user:1"><title>x · GitHub</title></head><body><main></main></body></html>');
    const orgMeta = parse('<!doctype html><html><head><meta name="analytics-location" content="/&lt;org-login&gt;"></head><body><main></main></body></html>');
    const profile = parse('<!doctype html><html><head><meta property="og:type" content="profile"></head><body><main></main></body></html>');
    const nothing = parse('<!doctype html><html><head><title>GitHub</title></head><body><main><h1>Hi</h1></main></body></html>');
    expect([pageKind(userMeta), pageKind(orgMeta), pageKind(profile), pageKind(nothing)]).toEqual(['user', 'org', 'user', undefined]);
  });

  it('page-level meta wins over markup from lists on the page (a member h-card on an org page)', () => {
    const { doc } = fixture('github', 'org.html');
    const member = doc.createElement('div');
    member.setAttribute('itemscope', '');
    member.setAttribute('itemtype', 'http://schema.org/Person');
    member.appendChild(doc.createElement('span')).className = 'vcard-username';
    doc.querySelector('main')!.appendChild(member);
    expect(pageKind(doc)).toBe('org');
    expect(extractCompany(doc)).toMatchObject({ ok: true, value: { name: 'Northwind Labs' } });
  });
});

describe('every negative GitHub page yields no card', () => {
  it.each(fixtureFiles('github'))('%s', (file) => {
    const { doc, url } = fixture('github', file);
    const negative = NEGATIVES.some(([f]) => f === file);
    expect(cardDecision(url, doc).card, `${file} at ${url}`).toBe(!negative);
  });

  it('a user or org page served at a reserved path or a repo URL gets no card (the URL decides first)', () => {
    const { doc } = fixture('github', 'user.html');
    expect(cardDecision('https://github.com/settings', doc).card).toBe(false);
    expect(cardDecision('https://github.com/aaronpk/XRay', doc).card).toBe(false);
  });
});

describe.skipIf(!hasSharedFixtures)('real GitHub repository pages (../shared/fixtures) yield no card', () => {
  it.each([
    ['brocc__SubstrateLabs/_github-repo.html', 'https://github.com/matthewwithanm/python-markdownify/issues/100'],
    ['metascraper__microlinkhq/github__input.html', 'https://github.com/microlinkhq/mql'],
  ])('%s', (path, url) => {
    const doc = parse(sharedFixture(path));
    expect(cardDecision(url, doc).card).toBe(false);
    // Even if it were served at an account address, the page says it is not one.
    const owner = pageTarget(`https://github.com/${new URL(url).pathname.split('/')[1]}`)!;
    expect(refineTarget(doc, owner)).toBeUndefined();
    expect(pageKind(doc)).toBeUndefined();
    expect(extractPerson(doc).ok).toBe(false);
    expect(extractCompany(doc).ok).toBe(false);
  });
});
