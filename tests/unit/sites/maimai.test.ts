import { describe, expect, it } from 'vitest';
import { ProfileKey } from '@/utils/schema';
import {
  companyKeyFromHref,
  extractCompany,
  extractPerson,
  isCompanyPage,
  isPersonProfile,
  pageTarget,
  personKeyFromHref,
  profileKey,
} from '../../../utils/sites/maimai';
import { embeddedStates, readJsString } from '../../../utils/sites/maimai/state';
import type { CompanyProfile, PersonProfile } from '../../../utils/sites/types';
import { cardDecision, fixture, fixtureFiles, parse } from './site-test-support';

/**
 * Maimai (脉脉). No real saved page exists (REALDATA §2): URL forms come from public links and
 * scrapers, page data shapes are reconstructions (tests/fixtures/maimai, each says so).
 */

const PERSON_PAGES: ReadonlyArray<readonly [url: string, key: string]> = [
  ['https://maimai.cn/profile/detail?dstu=231439153', 'maimai:dstu/231439153'],
  ['https://maimai.cn/profile/detail?dstu=166812124&trackable_token=token-alice', 'maimai:dstu/166812124'],
  ['https://maimai.cn/profile/detail?trackable_token=x&dstu=238128148', 'maimai:dstu/238128148'],
  ['http://maimai.cn/profile/detail?dstu=232422492', 'maimai:dstu/232422492'],
  ['https://www.maimai.cn/profile/detail?dstu=239360802', 'maimai:dstu/239360802'],
  ['https://m.maimai.cn/profile/detail?dstu=239360802&from=timeline', 'maimai:dstu/239360802'],
  ['https://maimai.cn/profile/detail/?dstu=231439153', 'maimai:dstu/231439153'],
  ['https://maimai.cn/profile/detail?dstu=0231439153', 'maimai:dstu/231439153'],
  ['https://maimai.cn/profile/detail?dstu=231439153#experience', 'maimai:dstu/231439153'],
  ['https://maimai.cn/profile/detail?dstu=231439153&dstu=231439153', 'maimai:dstu/231439153'],
  ['HTTPS://MAIMAI.CN/profile/detail?dstu=7', 'maimai:dstu/7'],
  ['https://maimai.cn:443/profile/detail?dstu=231439153', 'maimai:dstu/231439153'],
  ['  https://maimai.cn/profile/detail?dstu=231439153  ', 'maimai:dstu/231439153'],
  ['https://maimai.cn/contact/share/card?u=qzqbfk9ntxbl&_share_channel=copy_link', 'maimai:card/qzqbfk9ntxbl'],
  ['https://maimai.cn/contact/share/card?u=Ch3nL31', 'maimai:card/ch3nl31'],
  ['https://maimai.cn/contact/share/card/?_share_channel=wechat&u=abc_DEF-123', 'maimai:card/abc_def-123'],
  ['https://www.maimai.cn/contact/share/card?u=w4ngF4ng', 'maimai:card/w4ngf4ng'],
  ['https://m.maimai.cn/contact/share/card?u=7x', 'maimai:card/7x'],
  ['http://maimai.cn/contact/share/card?u=Z&from=singlemessage', 'maimai:card/z'],
  ['https://maimai.cn/contact/share/card?u=w4ngF4ng#top', 'maimai:card/w4ngf4ng'],
];

const COMPANY_PAGES: ReadonlyArray<readonly [url: string, key: string]> = [
  ['https://maimai.cn/company?webcid=13DPDwuRC', 'maimai:webcid/13dpdwurc'],
  ['https://maimai.cn/company?webcid=13DPDwuRC&from=search', 'maimai:webcid/13dpdwurc'],
  ['https://maimai.cn/company/?webcid=1a2B3c', 'maimai:webcid/1a2b3c'],
  ['https://www.maimai.cn/company?tab=gossip&webcid=Tx9Qw2', 'maimai:webcid/tx9qw2'],
  ['https://m.maimai.cn/company?webcid=jUmP_8-x', 'maimai:webcid/jump_8-x'],
  ['http://maimai.cn/company?webcid=abc#jobs', 'maimai:webcid/abc'],
];

const NOT_PROFILES = [
  // Maimai pages that are not one person's or company's.
  'https://maimai.cn/',
  'https://maimai.cn/web/feed_explore',
  'https://maimai.cn/profile/detail',
  'https://maimai.cn/profile/detail?dstu=',
  'https://maimai.cn/profile/detail?dstu=abc',
  'https://maimai.cn/profile/detail?dstu=12a3',
  'https://maimai.cn/profile/detail?dstu=-5',
  'https://maimai.cn/profile/detail?dstu=0',
  'https://maimai.cn/profile/detail?dstu=%20123',
  'https://maimai.cn/profile/detail?dstu=1&dstu=2',
  'https://maimai.cn/profile/detail?dstu=123456789012345678901',
  'https://maimai.cn/profile/detail/extra?dstu=231439153',
  'https://maimai.cn/profile/edit?dstu=231439153',
  'https://maimai.cn/profile?dstu=231439153',
  'https://maimai.cn/contact/share/card',
  'https://maimai.cn/contact/share/card?u=',
  'https://maimai.cn/contact/share/card?u=a%2Fb',
  'https://maimai.cn/contact/share/card?u=has%20space',
  'https://maimai.cn/contact/share/card?code=qzqbfk9ntxbl',
  'https://maimai.cn/contact/detail/eJxTqQ4A?from=webview#/company/contacts',
  'https://maimai.cn/company',
  'https://maimai.cn/company?webcid=',
  'https://maimai.cn/company?cid=1357246',
  'https://maimai.cn/company/contacts?cid=1357246&company=%E5%AD%97%E8%8A%82%E8%B7%B3%E5%8A%A8',
  'https://maimai.cn/company/contacts?webcid=13DPDwuRC',
  'https://maimai.cn/company?webcid=13DP%2FDwuRC',
  'https://maimai.cn/login?to=https%3A%2F%2Fmaimai.cn%2Fprofile%2Fdetail%3Fdstu%3D231439153',
  // Other hosts and schemes.
  'https://maimai.cn.evil.io/profile/detail?dstu=231439153',
  'https://evilmaimai.cn/profile/detail?dstu=231439153',
  'https://open.maimai.cn/profile/detail?dstu=231439153',
  'https://maimai.com/profile/detail?dstu=231439153',
  'https://evil.io/?u=https://maimai.cn/profile/detail?dstu=231439153',
  'ftp://maimai.cn/profile/detail?dstu=231439153',
  'javascript:alert(1)//maimai.cn/profile/detail?dstu=1',
  'maimai.cn/profile/detail?dstu=231439153',
  '/profile/detail?dstu=231439153',
  '',
  'not a url',
  'https://www.linkedin.com/in/jane-doe/',
];

describe('Maimai URL detectors', () => {
  it('has enough cases in both directions', () => {
    expect(PERSON_PAGES.length + COMPANY_PAGES.length).toBeGreaterThanOrEqual(20);
    expect(NOT_PROFILES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(PERSON_PAGES)('person %s → %s', (url, key) => {
    expect(isPersonProfile(url)).toBe(true);
    expect(isCompanyPage(url)).toBe(false);
    expect(profileKey(url)).toBe(key);
    expect(ProfileKey.safeParse(key).success).toBe(true);
    const target = pageTarget(url);
    expect(target).toMatchObject({ kind: 'person', key });
    expect(pageTarget(target!.url)).toEqual(target);
  });

  it.each(COMPANY_PAGES)('company %s → %s', (url, key) => {
    expect(isCompanyPage(url)).toBe(true);
    expect(isPersonProfile(url)).toBe(false);
    expect(profileKey(url)).toBe(key);
    expect(ProfileKey.safeParse(key).success).toBe(true);
    const target = pageTarget(url);
    expect(target).toMatchObject({ kind: 'company', key });
    expect(pageTarget(target!.url)).toEqual(target);
  });

  it.each(NOT_PROFILES)('not a profile: %s', (url) => {
    expect(isPersonProfile(url)).toBe(false);
    expect(isCompanyPage(url)).toBe(false);
    expect(profileKey(url)).toBeUndefined();
    expect(pageTarget(url)).toBeUndefined();
  });

  it('canonical URLs drop the noise and keep the code\'s case', () => {
    expect(pageTarget('https://m.maimai.cn/profile/detail?dstu=007&trackable_token=x')?.url).toBe(
      'https://maimai.cn/profile/detail?dstu=7',
    );
    expect(pageTarget('https://maimai.cn/contact/share/card?u=Ch3nL31&_share_channel=copy_link')?.url).toBe(
      'https://maimai.cn/contact/share/card?u=Ch3nL31',
    );
    expect(pageTarget('https://www.maimai.cn/company?from=x&webcid=13DPDwuRC')?.url).toBe('https://maimai.cn/company?webcid=13DPDwuRC');
  });

  it('reads links found on pages, relative or absolute', () => {
    expect(companyKeyFromHref('/company?webcid=13DPDwuRC')).toBe('maimai:webcid/13dpdwurc');
    expect(companyKeyFromHref('https://maimai.cn/company?webcid=1a2B3c&from=exp')).toBe('maimai:webcid/1a2b3c');
    expect(companyKeyFromHref('/profile/detail?dstu=1')).toBeUndefined();
    expect(companyKeyFromHref('https://evil.io/company?webcid=x')).toBeUndefined();
    expect(personKeyFromHref('https://maimai.cn/contact/share/card?u=w4ngF4ng&_share_channel=copy_link')).toBe('maimai:card/w4ngf4ng');
    expect(personKeyFromHref('/profile/detail?dstu=231439153')).toBe('maimai:dstu/231439153');
    expect(personKeyFromHref('/company?webcid=x')).toBeUndefined();
    expect(personKeyFromHref('http://[::1')).toBeUndefined();
  });
});

// --- Extractors ------------------------------------------------------------------------------------

const PEOPLE: ReadonlyArray<readonly [file: string, matched: string, expected: PersonProfile]> = [
  // window.__INITIAL_STATE__; the viewer (currentUser) and the "similar" list are not the person.
  ['person-initial-state.html', 'state:state-assignment', {
    name: '王芳', headline: '字节跳动 高级产品经理', location: '北京', companyName: '字节跳动',
    companyKey: 'maimai:webcid/13dpdwurc', altKeys: ['maimai:card/w4ngf4ng'],
  }],
  // JSON.parse("…\u0022…") on the public share card; the card names the person's uid.
  ['person-share-card.html', 'state:json-parse', {
    name: '陈磊', headline: '十年后台架构，专注高并发 欢迎交流', location: '广东 深圳', companyName: '腾讯',
    companyKey: 'maimai:webcid/tx9qw2', altKeys: ['maimai:dstu/198765432'],
  }],
  // __NEXT_DATA__ with company as an object and province/city fields; the uid is the page's own key.
  ['person-next-data.html', 'state:next-data', {
    name: '李娜', headline: '美团 算法工程师', location: '上海', companyName: '美团',
  }],
  // Broken JSON everywhere: the og:title still names the person.
  ['person-malformed-json.html', 'og-title', { name: '赵敏' }],
];

const COMPANIES: ReadonlyArray<readonly [file: string, matched: string, expected: CompanyProfile]> = [
  ['company.html', 'state:state-assignment', { name: '字节跳动', legalName: '北京字节跳动科技有限公司', industry: '互联网' }],
];

const NEGATIVES: ReadonlyArray<readonly [file: string, personReason: string, companyReason: string]> = [
  ['login-wall.html', 'login-wall', 'login-wall'],
  ['profile-not-found.html', 'profile-not-found', 'page-not-found'],
  ['company-contacts.html', 'no-person-in-page-data', 'no-company-in-page-data'],
];

describe('Maimai extractors on synthetic pages (tests/fixtures/maimai, reconstructions)', () => {
  it.each(PEOPLE)('%s → person (%s)', (file, matched, expected) => {
    const { doc, url } = fixture('maimai', file);
    expect(extractPerson(doc, url)).toEqual({ ok: true, matched, value: expected });
    expect(extractCompany(doc).ok).toBe(false);
    for (const key of expected.altKeys ?? []) expect(ProfileKey.safeParse(key).success).toBe(true);
  });

  it.each(COMPANIES)('%s → company (%s)', (file, matched, expected) => {
    const { doc } = fixture('maimai', file);
    expect(extractCompany(doc)).toEqual({ ok: true, matched, value: expected });
    expect(extractPerson(doc)).toEqual({ ok: false, reason: 'company-page' });
  });

  it.each(NEGATIVES)('%s is neither (%s)', (file, personReason, companyReason) => {
    const { doc, url } = fixture('maimai', file);
    expect(extractPerson(doc, url)).toEqual({ ok: false, reason: personReason });
    expect(extractCompany(doc)).toEqual({ ok: false, reason: companyReason });
  });

  it('every fixture is covered, says what it imitates, that it is a reconstruction, and where it lives', () => {
    const files = fixtureFiles('maimai');
    expect(files).toEqual([...PEOPLE, ...COMPANIES, ...NEGATIVES].map(([f]) => f).sort());
    for (const file of files) {
      const { html, url, doc } = fixture('maimai', file);
      expect(html.startsWith('<!doctype html>'), file).toBe(true);
      expect(html, file).toMatch(/Imitates:/);
      expect(html, file).toMatch(/RECONSTRUCTION/);
      expect(url, file).toMatch(/^https:\/\/maimai\.cn\//);
      expect(doc.querySelector('main'), file).not.toBeNull();
    }
  });

  it('without the page URL, the share card reports every key it names (the dstu)', () => {
    const { doc } = fixture('maimai', 'person-share-card.html');
    expect(extractPerson(doc)).toMatchObject({ ok: true, value: { altKeys: ['maimai:dstu/198765432'] } });
    const { doc: nextDoc } = fixture('maimai', 'person-next-data.html');
    // Detached document, no URL given: the uid is reported, the caller drops its own key.
    expect(extractPerson(nextDoc)).toMatchObject({ ok: true, value: { altKeys: ['maimai:dstu/300200100'] } });
  });

  it('the company page keeps short name and legal name apart; the person page gives the short name', () => {
    const company = extractCompany(fixture('maimai', 'company.html').doc);
    expect(company.ok && [company.value.name, company.value.legalName]).toEqual(['字节跳动', '北京字节跳动科技有限公司']);
    const person = extractPerson(fixture('maimai', 'person-initial-state.html').doc);
    expect(person.ok && person.value.companyName).toBe('字节跳动');
  });
});

describe('the same person on the profile page and on the public share card', () => {
  it('gives the same record, and each page names the other page\'s key', () => {
    const profile = fixture('maimai', 'person-initial-state.html');
    const card = fixture('maimai', 'person-share-card.html');
    // Re-dress the share card with 王芳's card data, in the card page's own JSON.parse("…") form.
    const data = {
      code: 0,
      data: { card: { uid: 231439153, name: '王芳', company: '字节跳动', stdname: '北京字节跳动科技有限公司', position: '高级产品经理',
        ht_province: '北京', ht_city: '北京', company_info: { cid: 1357246, webcid: '13DPDwuRC' } } },
    };
    const literal = JSON.stringify(JSON.stringify(data)).replace(/\\"/g, '\\u0022');
    const script = [...card.doc.querySelectorAll('script')].find((el) => el.textContent?.includes('share_data'))!;
    script.textContent = `window.share_data = JSON.parse(${literal});`;
    const cardUrl = 'https://maimai.cn/contact/share/card?u=w4ngF4ng&_share_channel=copy_link';

    const fromProfile = extractPerson(profile.doc, profile.url);
    const fromCard = extractPerson(card.doc, cardUrl);
    if (!fromProfile.ok || !fromCard.ok) throw new Error('both views must extract');
    const { altKeys: profileAlt, ...profileRecord } = fromProfile.value;
    const { altKeys: cardAlt, ...cardRecord } = fromCard.value;
    expect(cardRecord).toEqual(profileRecord);
    expect(fromCard.matched).toBe('state:json-parse');
    // profile/detail?dstu= names the card, the card names the dstu: one record, both keys.
    expect(profileAlt).toEqual([pageTarget(cardUrl)!.key]);
    expect(cardAlt).toEqual([pageTarget(profile.url)!.key]);
  });
});

describe('Maimai alternatives, in order', () => {
  it('malformed page: og:title, then the title, then a clean refusal', () => {
    const { doc, url } = fixture('maimai', 'person-malformed-json.html');
    doc.querySelector('meta[property="og:title"]')!.remove();
    expect(extractPerson(doc, url)).toEqual({ ok: true, matched: 'title', value: { name: '赵敏' } });
    doc.title = '脉脉 - 职场人的社交平台';
    expect(extractPerson(doc, url)).toEqual({ ok: false, reason: 'not-a-profile' });
    expect(extractCompany(doc)).toEqual({ ok: false, reason: 'not-a-company-page' });
  });

  it('the JSON wins over the title; without it, the title names the person', () => {
    const { doc, url } = fixture('maimai', 'person-initial-state.html');
    for (const script of doc.querySelectorAll('script:not([src])')) script.remove();
    expect(extractPerson(doc, url)).toEqual({ ok: true, matched: 'title', value: { name: '王芳' } });
  });

  it('title forms: profile, share card, "name - company title - 脉脉"; company forms', () => {
    const person = (title: string) => {
      const doc = parse(`<!doctype html><html><head><title>${title}</title></head><body><main></main></body></html>`);
      const result = extractPerson(doc);
      return result.ok ? result.value.name : result.reason;
    };
    const company = (title: string) => {
      const doc = parse(`<!doctype html><html><head><title>${title}</title></head><body><main></main></body></html>`);
      const result = extractCompany(doc);
      return result.ok ? result.value.name : result.reason;
    };
    expect(person('张三的职业档案 - 脉脉')).toBe('张三');
    expect(person('张三的脉脉名片')).toBe('张三');
    expect(person('张三 - 字节跳动 高级工程师 - 脉脉')).toBe('张三');
    expect(person('字节跳动怎么样 - 脉脉')).toBe('not-a-profile');
    expect(person('字节跳动的人脉 - 脉脉')).toBe('not-a-profile');
    expect(person('脉脉')).toBe('not-a-profile');
    expect(person('Jane Doe - Acme | LinkedIn')).toBe('not-a-profile');
    expect(company('字节跳动怎么样 - 脉脉')).toBe('字节跳动');
    expect(company('字节跳动 - 公司主页 - 脉脉')).toBe('字节跳动');
    expect(company('张三的职业档案 - 脉脉')).toBe('not-a-company-page');
    expect(company('张三 - 字节跳动 高级工程师 - 脉脉')).toBe('not-a-company-page');
  });

  it('a login form on a page with the person\'s data still reads the data (logged-out share card)', () => {
    const { doc, url } = fixture('maimai', 'person-share-card.html');
    const form = doc.createElement('form');
    form.setAttribute('action', '/login');
    const input = doc.createElement('input');
    input.setAttribute('type', 'password');
    form.appendChild(input);
    doc.querySelector('main')!.appendChild(form);
    expect(extractPerson(doc, url)).toMatchObject({ ok: true, value: { name: '陈磊' } });
  });

  it('the current job\'s company_info gives the company key when the person has none', () => {
    const { doc, url } = fixture('maimai', 'person-initial-state.html');
    const script = [...doc.querySelectorAll('script')].find((s) => s.textContent?.includes('__INITIAL_STATE__'))!;
    script.textContent = script.textContent!.replace('"company_info":{"cid":1357246,"webcid":"13DPDwuRC"', '"company_info":{"cid":1357246');
    expect(extractPerson(doc, url)).toMatchObject({ ok: true, value: { companyKey: 'maimai:webcid/13dpdwurc' } });
  });
});

describe('Maimai embedded JSON readers', () => {
  it('unescapes JS string literals', () => {
    expect(readJsString('"a\\u0022b\\\\c\\/d\\n\\x41\\u{1F600}"', 0)).toBe('a"b\\c/d\nA😀');
    expect(readJsString("'it\\'s'", 0)).toBe("it's");
    expect(readJsString('"unterminated', 0)).toBeUndefined();
    expect(readJsString('"bad \\u00zz"', 0)).toBeUndefined();
    expect(readJsString('"line\nbreak"', 0)).toBeUndefined();
    expect(readJsString('x"a"', 0)).toBeUndefined();
  });

  it('finds __NEXT_DATA__, assignments and JSON.parse strings; skips everything broken', () => {
    const doc = parse(`<!doctype html><main></main>
      <script id="__NEXT_DATA__" type="application/json">{"a":1}</script>
      <script type="application/json">{broken</script>
      <script>window.__INITIAL_STATE__ = {"b":[1,{"c":"}"}]}; var x = 1;</script>
      <script>var pageData = {unquoted: 1};</script>
      <script>var share_data = JSON.parse("{\\u0022d\\u0022:2}");</script>
      <script>var other = JSON.parse('[1,2]');</script>
      <script src="https://a.maimai.cn/app.js">{"e":3}</script>
      <script type="text/template">{"f":4}</script>`);
    expect(embeddedStates(doc).map((s) => [s.source, s.data])).toEqual([
      ['next-data', { a: 1 }],
      ['state-assignment', { b: [1, { c: '}' }] }],
      ['json-parse', { d: 2 }],
    ]);
  });
});

describe('every negative Maimai page yields no card', () => {
  it.each(fixtureFiles('maimai'))('%s', (file) => {
    const { doc, url } = fixture('maimai', file);
    const decision = cardDecision(url, doc);
    const negative = NEGATIVES.some(([f]) => f === file);
    expect(decision.card, `${file} at ${url}`).toBe(!negative);
  });
});
