import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProfileKey } from '@/utils/schema';
import * as github from '../../../utils/sites/github';
import * as linkedin from '../../../utils/sites/linkedin';
import * as maimai from '../../../utils/sites/maimai';
import { adapterForUrl, siteForUrl } from '../../../utils/sites/registry';
import type { CompanyProfile, Extraction, PageTarget, PersonProfile } from '../../../utils/sites/types';
import { fixture, fixtureFiles, parse } from './site-test-support';

/**
 * Property tests (fast-check): the URL detectors over arbitrary and URL-shaped strings, the
 * extractors over truncated, mutated and random DOM. Nothing may throw; every key must pass the
 * ProfileKey schema; every extracted name must be a clean non-empty string of at most 200
 * characters. Run counts are tuned to keep this file near 5 s.
 */

// --- URL detectors ---------------------------------------------------------------------------------

const HOSTS = [
  'www.linkedin.com', 'linkedin.com', 'de.linkedin.com', 'm.linkedin.com', 'linkedin.com.evil.io', 'evil-linkedin.com',
  'maimai.cn', 'www.maimai.cn', 'm.maimai.cn', 'open.maimai.cn', 'maimai.cn.evil.io',
  'github.com', 'www.github.com', 'gist.github.com', 'github.com.evil.io', 'evil.io', '[::1]', '127.0.0.1', '',
];

const SEGMENTS = [
  'in', 'pub', 'dir', 'company', 'school', 'showcase', 'talent', 'profile', 'hire', 'sales', 'lead', 'people', 'orgs',
  'details', 'detail', 'overlay', 'contact-info', 'recent-activity', 'edit', 'about', 'jobs', 'setup', 'me', 'contact',
  'share', 'card', 'settings', 'login', 'repositories', 'teams', 'ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
  'ACwAAAxYz12AbCdEfGhIjKlMnOpQrStUvWx3456,NAME_SEARCH,Qe9z', 'AEMAAADi_jsBaFBDp0bq1Fv2f330Fk6fjmzIpYg', '12345', 'jane-doe',
  '张三', '%E5%BC%A0', '%E5%BC', '%ZZ', '%', '%2F', '%20', '%00', '%2e%2e', '..', '.', '-a', 'a--b', 'urn:li:x:(a,1)', '💥',
];

const QUERY_KEYS = ['dstu', 'u', 'webcid', 'tab', 'trk', 'miniProfileUrn', 'profileUrn', 'cid', 'originalSubdomain', 'x'];

const percentEscapes = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 255 }).map((n) => `%${n.toString(16).padStart(2, '0').toUpperCase()}`), fc.constantFrom('%', '%Z', '%e5%bc')), {
    maxLength: 4,
  })
  .map((parts) => parts.join(''));

const segment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SEGMENTS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-zA-Z0-9-]{1,45}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: percentEscapes },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const queryValue = fc.oneof(
  fc.stringMatching(/^\d{0,22}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,70}$/),
  percentEscapes,
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);

const query = fc.oneof(
  fc.constantFrom('', '?', '?&', '?=', '?dstu'),
  fc
    .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue), { minLength: 1, maxLength: 4 })
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
);

/** URLs aimed at our hosts and paths, with random segments, queries and percent-escapes. */
const ourUrl = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'javascript:', '//', '', ' https://'),
    fc.constantFrom(...HOSTS),
    fc.constantFrom('', ':443', ':8080'),
    fc.array(segment, { maxLength: 7 }),
    fc.boolean(),
    query,
    fc.constantFrom('', '#', '#top', '#/company/contacts', ' '),
  )
  .map(([scheme, host, port, parts, slash, q, hash]) => `${scheme}${host}${port}/${parts.join('/')}${slash ? '/' : ''}${q}${hash}`);

/** fast-check's web URLs, some moved onto our hosts. */
const webUrlOnOurHosts = fc
  .tuple(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.option(fc.constantFrom(...HOSTS), { nil: undefined }))
  .map(([url, host]) => (host === undefined ? url : url.replace(/^(https?:\/\/)[^/?#]*/, `$1${host}`)));

const scheme = fc.oneof(
  { weight: 6, arbitrary: fc.constant('https://') },
  { weight: 1, arbitrary: fc.constantFrom('http://', 'HTTPS://', 'ftp://', '//', '', ' https://', 'javascript:') },
);
const hash = fc.constantFrom('', '', '#', '#experience', '#/company/contacts');

/** Mostly-valid LinkedIn addresses with random slugs and tails: the detectors' real work. */
const slug = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_.-]{1,30}$/) }, { weight: 2, arbitrary: segment });
const opaqueId = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{4,40}$/) }, { weight: 1, arbitrary: segment });
const linkedinPath = fc.oneof(
  fc
    .tuple(slug, fc.constantFrom('', '/', '/details/experience/', '/overlay/contact-info/', '/recent-activity/all/', '/detail/contact-info/', '/edit/intro/', '/x/y'))
    .map(([s, tail]) => `/in/${s}${tail}`),
  fc.tuple(slug, fc.array(fc.stringMatching(/^[0-9a-z]{1,4}$/), { minLength: 2, maxLength: 4 })).map(([s, parts]) => `/pub/${s}/${parts.join('/')}`),
  fc.tuple(slug, fc.constantFrom('', '/', '/about/', '/people/', '/admin/', '/jobs/view/1/')).map(([s, tail]) => `/company/${s}${tail}`),
  opaqueId.map((id) => `/talent/profile/${id}`),
  fc.tuple(fc.stringMatching(/^\d{1,12}$/), opaqueId).map(([n, id]) => `/talent/hire/${n}/discover/recruiterSearch/profile/${id}`),
  fc.tuple(opaqueId, segment).map(([id, auth]) => `/sales/lead/${id},NAME_SEARCH,${auth}`),
  fc.oneof(fc.stringMatching(/^\d{1,22}$/), segment).map((id) => `/sales/company/${id}`),
  fc.tuple(fc.constantFrom('school', 'showcase', 'feed', 'jobs'), slug).map(([section, s]) => `/${section}/${s}/`),
);
const linkedinUrl = fc
  .tuple(scheme, fc.constantFrom('www.linkedin.com', 'linkedin.com', 'de.linkedin.com', 'm.linkedin.com', 'linkedin.com.evil.io'), linkedinPath, query, hash)
  .map(([sc, host, path, q, h]) => `${sc}${host}${path}${q}${h}`);

/** Mostly-valid Maimai addresses with random ids and noise parameters. */
const maimaiUrl = fc
  .tuple(
    scheme,
    fc.constantFrom('maimai.cn', 'www.maimai.cn', 'm.maimai.cn', 'open.maimai.cn', 'maimai.cn.evil.io'),
    fc.constantFrom(
      ['/profile/detail', 'dstu'], ['/profile/detail/', 'dstu'], ['/contact/share/card', 'u'], ['/company', 'webcid'],
      ['/company/contacts', 'cid'], ['/contact/detail/x', 'from'], ['/profile/detail', 'u'],
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^\d{1,21}$/) },
      { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,66}$/) },
      { weight: 2, arbitrary: queryValue },
    ),
    query.map((q) => q.replace(/^\?/, '&')),
    hash,
  )
  .map(([sc, host, [path, key], value, noise, h]) => `${sc}${host}${path}?${key}=${value}${noise}${h}`);

/** Mostly-valid GitHub addresses: logins of every shape, tabs, org pages. */
const githubUrl = fc
  .tuple(
    scheme,
    fc.constantFrom('github.com', 'github.com', 'www.github.com', 'gist.github.com'),
    fc.oneof(
      fc.stringMatching(/^[a-zA-Z0-9-]{1,42}$/),
      fc.constantFrom('settings', 'orgs', 'explore', 'aaronpk', 'a--b', '-a', 'a-', 'login'),
      segment,
    ),
    fc.constantFrom('', '/', '/repo', '?tab=repositories', '?tab=stars&q=x', '.keys', '/people'),
    fc.boolean(),
  )
  .map(([sc, host, login, tail, org]) => (org ? `${sc}${host}/orgs/${login}/people` : `${sc}${host}/${login}${tail}`));

const anyInput = fc.oneof(
  { weight: 3, arbitrary: linkedinUrl },
  { weight: 3, arbitrary: maimaiUrl },
  { weight: 3, arbitrary: githubUrl },
  { weight: 2, arbitrary: ourUrl },
  { weight: 2, arbitrary: webUrlOnOurHosts },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
);

function validKey(key: string | undefined, input: string): void {
  if (key === undefined) return;
  expect(ProfileKey.safeParse(key).success, `${JSON.stringify(input)} → ${key}`).toBe(true);
}

function validTarget(target: PageTarget | undefined, input: string, pageTarget: (url: string) => PageTarget | undefined): void {
  if (!target) return;
  validKey(target.key, input);
  const url = new URL(target.url);
  expect(['https:', 'http:'], input).toContain(url.protocol);
  // The canonical URL leads back to the same identity.
  expect(pageTarget(target.url)?.key, input).toBe(target.key);
  expect(pageTarget(target.url)?.subpage, input).toBeUndefined();
}

describe('URL detectors never throw and only give valid keys', () => {
  it('LinkedIn', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const person = linkedin.isPersonProfile(input);
        const sub = linkedin.isPersonSubpage(input);
        const company = linkedin.isCompanyPage(input);
        const key = linkedin.profileKey(input);
        const target = linkedin.pageTarget(input);
        expect([person, sub, company].filter(Boolean).length, input).toBeLessThanOrEqual(1);
        expect(key === undefined, input).toBe(!person && !company);
        expect(target === undefined, input).toBe(!person && !company && !sub);
        if (key) expect(target?.key, input).toBe(key);
        validKey(key, input);
        validTarget(target, input, linkedin.pageTarget);
        validKey(linkedin.companyKeyFromHref(input), input);
        validKey(linkedin.personKeyFromHref(input), input);
      }),
      { numRuns: 1000 },
    );
  });

  it('Maimai', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const person = maimai.isPersonProfile(input);
        const company = maimai.isCompanyPage(input);
        const key = maimai.profileKey(input);
        expect(person && company, input).toBe(false);
        expect(key === undefined, input).toBe(!person && !company);
        expect(maimai.pageTarget(input)?.key, input).toBe(key);
        validKey(key, input);
        validTarget(maimai.pageTarget(input), input, maimai.pageTarget);
        validKey(maimai.companyKeyFromHref(input), input);
        validKey(maimai.personKeyFromHref(input), input);
      }),
      { numRuns: 1000 },
    );
  });

  it('GitHub', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const account = github.isProfilePage(input);
        const key = github.profileKey(input);
        expect(key === undefined, input).toBe(!account);
        if (github.isOrgPage(input)) expect(account, input).toBe(true);
        expect(github.pageTarget(input)?.key, input).toBe(key);
        validKey(key, input);
        validTarget(github.pageTarget(input), input, github.pageTarget);
        validKey(github.accountKeyFromHref(input), input);
        github.isLogin(input);
      }),
      { numRuns: 1000 },
    );
  });

  it('the registry sends every URL to at most the one adapter of its host', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const adapter = adapterForUrl(input);
        expect(adapter?.site, input).toBe(siteForUrl(input));
        const target = adapter?.target(input);
        if (target) validKey(target.key, input);
        // No other site's detector claims a URL of this host.
        const claims = [linkedin.pageTarget(input), maimai.pageTarget(input), github.pageTarget(input)].filter(Boolean);
        expect(claims.length, input).toBeLessThanOrEqual(1);
        if (claims.length === 1) expect(adapter, input).toBeDefined();
      }),
      { numRuns: 800 },
    );
  });
});

// --- Extractors ------------------------------------------------------------------------------------

type AnyExtraction = Extraction<PersonProfile | CompanyProfile>;

function checkExtraction(result: AnyExtraction, context: string): void {
  if (!result.ok) {
    expect(typeof result.reason, context).toBe('string');
    // Caught exceptions are reported, but none should happen: a DOM we built never makes them.
    expect(result.reason, context).not.toMatch(/^extractor-error/);
    return;
  }
  const { name } = result.value;
  expect(typeof name, context).toBe('string');
  expect(name.length, context).toBeGreaterThan(0);
  expect(name.length, context).toBeLessThanOrEqual(200);
  expect(name.trim(), context).toBe(name);
  const value = result.value as PersonProfile & CompanyProfile;
  for (const key of value.altKeys ?? []) validKey(key, context);
  validKey(value.companyKey, context);
}

const DOCUMENT_TARGETS: PageTarget[] = [
  { kind: 'person', key: 'github:aaronpk', url: 'https://github.com/aaronpk' },
  { kind: 'person', key: 'github:northwind-labs', url: 'https://github.com/northwind-labs' },
];

/** Every extractor of every site, and the page-side hooks, on one document. */
function extractAll(doc: Document, url: string, context: string): void {
  for (const result of [
    linkedin.extractPerson(doc),
    linkedin.extractPerson(doc, url),
    linkedin.extractCompany(doc),
    maimai.extractPerson(doc),
    maimai.extractPerson(doc, url),
    maimai.extractCompany(doc),
    github.extractPerson(doc),
    github.extractCompany(doc),
  ]) {
    checkExtraction(result, context);
  }
  for (const target of DOCUMENT_TARGETS) {
    const refined = github.refineTarget(doc, target);
    if (refined) expect(refined.key, context).toBe(target.key);
  }
  for (const key of linkedin.pageIdentity(doc).keys) validKey(key, context);
}

const FIXTURES = (['linkedin', 'maimai', 'github'] as const).flatMap((site) =>
  fixtureFiles(site).map((file) => {
    const { html, url } = fixture(site, file);
    return { name: `${site}/${file}`, html, url };
  }),
);

const ATTRIBUTES = [
  'class', 'href', 'content', 'componentkey', 'itemprop', 'itemtype', 'itemscope', 'aria-label', 'data-anonymize', 'title',
  'id', 'type', 'property', 'name', 'rel', 'data-bio-text', 'data-test-row-lockup-full-name', 'data-hovercard-type', 'src',
];

const SCRIPTISH = [
  'window.__INITIAL_STATE__ = {', 'window.__INITIAL_STATE__ = {"profile":{"name":', 'JSON.parse("', 'JSON.parse("{\\u0022name\\u0022:',
  '{"@type":"Person","name":"', '"}', '};', ']', '</script>', '<script>', '\\u00', '\\', '"', "'", '{"name":"x","company":1}',
  'var share_data = JSON.parse(\'{"data":{"card":{"name":"', '<!--', '-->', '\u0000', '\uD800', '张伟', 'x'.repeat(300),
];

const randomText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.constantFrom(...SCRIPTISH), { maxLength: 6 }).map((parts) => parts.join('')),
  fc.constantFrom('', ' ', '· 2nd', 'Contact info', '@acme', 'Present', '至今', 'x'.repeat(250), '登录', 'Page not found · GitHub'),
);

const mutation = fc.record({
  op: fc.constantFrom('delete', 'duplicate', 'attribute', 'text', 'append-text', 'script', 'move'),
  pick: fc.nat(),
  other: fc.nat(),
  attribute: fc.constantFrom(...ATTRIBUTES),
  value: randomText,
  scriptType: fc.constantFrom('', 'application/json', 'application/ld+json', 'text/javascript', 'module', 'text/template'),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(doc: Document, m: Mutation): void {
  const elements = [...doc.querySelectorAll('*')];
  if (elements.length === 0) return;
  const el = elements[m.pick % elements.length]!;
  const other = elements[m.other % elements.length]!;
  const root = el === doc.documentElement;
  switch (m.op) {
    case 'delete':
      if (!root) el.remove();
      break;
    case 'duplicate':
      if (!root) el.after(el.cloneNode(true));
      break;
    case 'attribute':
      el.setAttribute(m.attribute, m.value);
      break;
    case 'text':
      el.textContent = m.value;
      break;
    case 'append-text':
      el.appendChild(doc.createTextNode(m.value));
      break;
    case 'script': {
      const script = doc.createElement('script');
      if (m.scriptType) script.setAttribute('type', m.scriptType);
      script.textContent = m.value;
      el.appendChild(script);
      break;
    }
    case 'move':
      if (!root && !el.contains(other) && other !== doc.documentElement) other.appendChild(el);
      break;
  }
}

describe('extractors never throw on broken pages', () => {
  it('every fixture cut at a random offset, then mutated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        fc.array(mutation, { maxLength: 8 }),
        (page, cut, mutations) => {
          const html = cut === undefined ? page.html : page.html.slice(0, Math.floor(cut * page.html.length));
          const doc = parse(html);
          for (const m of mutations) mutate(doc, m);
          extractAll(doc, page.url, `${page.name} cut=${cut} ${JSON.stringify(mutations).slice(0, 400)}`);
        },
      ),
      { numRuns: 160 },
    );
  });

  it('random documents built from the sites\' own markup', () => {
    const PARTS = [
      '<main>', '</main>', '<h1>', '</h1>', '<h2>', '</h2>', '<p>', '</p>', '<section componentkey="xrefACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789Topcard">',
      '</section>', '<h1 class="text-heading-xlarge">', '<span data-test-row-lockup-full-name>', '<h1 data-anonymize="person-name">',
      '<div id="profile-container">', '<div itemscope itemtype="http://schema.org/Person">', '<div itemscope itemtype="http://schema.org/Organization">',
      '<span class="vcard-fullname">', '<span class="vcard-username">', '<li itemprop="worksFor">', '<header class="orghead">',
      '<meta name="hovercard-subject-tag" content="user:1">', '<meta property="og:type" content="profile">', '<meta name="pageKey" content="d_org">',
      '<script>', '<script type="application/json">', '<script id="__NEXT_DATA__" type="application/json">', '</script>',
      '<script type="application/ld+json">', '{"@type":"Person","name":', 'window.__INITIAL_STATE__ = ', 'JSON.parse("', '{"name":"王芳","company":"字节跳动"}',
      '{"name":"字节跳动","webcid":"13DPDwuRC","stdname":"x"}', '"', '{', '}', '[', ']', '<title>', '</title>', ' | LinkedIn', ' - 脉脉', ' · GitHub',
      '<a href="/in/x/overlay/contact-info/">', '<a href="/in/x/details/skills?profileUrn=urn%3Ali%3Afsd_profile%3AACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789">',
      '<a href="/company/acme/">', '<a href="/sales/company/1">', '<a data-hovercard-type="organization" href="/acme">', '</a>',
      '<code>', '</code>', '"publicIdentifier":"x"', '<input type="password">', '张伟', '&lt;img&gt;', '<!--', '-->', '<', '>', '\u0000', '\uD800', ' ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTS), { maxLength: 40 }), fc.constantFrom(...FIXTURES.map((f) => f.url)), (parts, url) => {
        const html = parts.join('');
        extractAll(parse(html), url, html);
      }),
      { numRuns: 150 },
    );
  });
});
