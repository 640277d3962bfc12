import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../../../utils/sites/adapter';
import {
  adapterForUrl,
  ADAPTERS,
  githubAdapter,
  githubRefineTarget,
  linkedinAdapter,
  maimaiAdapter,
  siteForUrl,
  SITE_MATCHES,
} from '../../../utils/sites/registry';
import { cardDecision, fixture } from './site-test-support';

/** A browser match pattern (`*://*.linkedin.com/*`) tested against a URL, as Chrome reads it. */
function matches(pattern: string, href: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`bad pattern ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const url = new URL(href);
  const schemeOk = scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host);
  const pathRe = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return schemeOk && hostOk && pathRe.test(url.pathname + url.search);
}

const SITES: ReadonlyArray<readonly [url: string, site: string | undefined]> = [
  ['https://www.linkedin.com/in/jane-doe/', 'linkedin'],
  ['https://linkedin.com/feed/', 'linkedin'],
  ['https://de.linkedin.com/company/acme/', 'linkedin'],
  ['http://m.linkedin.com/in/x', 'linkedin'],
  ['https://maimai.cn/profile/detail?dstu=1', 'maimai'],
  ['https://www.maimai.cn/company?webcid=x', 'maimai'],
  ['https://m.maimai.cn/', 'maimai'],
  ['https://github.com/aaronpk', 'github'],
  ['https://github.com/', 'github'],
  ['https://www.github.com/aaronpk', undefined],
  ['https://gist.github.com/aaronpk', undefined],
  ['https://open.maimai.cn/profile/detail?dstu=1', undefined],
  ['https://maimai.cn.evil.io/', undefined],
  ['https://linkedin.com.evil.io/in/x', undefined],
  ['https://evil.io/?u=https://github.com/aaronpk', undefined],
  ['ftp://github.com/aaronpk', undefined],
  ['file:///C:/linkedin.com/in/x', undefined],
  ['not a url', undefined],
  ['', undefined],
];

describe('site registry', () => {
  it.each(SITES)('%s → %s', (url, site) => {
    expect(siteForUrl(url)).toBe(site);
    expect(adapterForUrl(url)?.site).toBe(site);
  });

  it('takes URL objects', () => {
    expect(adapterForUrl(new URL('https://github.com/aaronpk'))).toBe(githubAdapter);
  });

  it('exports one adapter per site, each satisfying the SiteAdapter interface', () => {
    const all: SiteAdapter[] = [linkedinAdapter, maimaiAdapter, githubAdapter];
    expect(all.map((a) => a.site)).toEqual(['linkedin', 'maimai', 'github']);
    expect(Object.values(ADAPTERS)).toEqual(all);
    for (const adapter of all) {
      expect(typeof adapter.target).toBe('function');
      expect(typeof adapter.extractPerson).toBe('function');
      expect(typeof adapter.extractCompany).toBe('function');
    }
  });

  it('each adapter answers for its own pages only', () => {
    expect(linkedinAdapter.target('https://maimai.cn/profile/detail?dstu=1')).toBeUndefined();
    expect(maimaiAdapter.target('https://github.com/aaronpk')).toBeUndefined();
    expect(githubAdapter.target('https://www.linkedin.com/in/jane-doe/')).toBeUndefined();
    expect(maimaiAdapter.target('https://maimai.cn/profile/detail?dstu=1')?.key).toBe('maimai:dstu/1');
    expect(githubAdapter.target('https://github.com/aaronpk')?.key).toBe('github:aaronpk');
  });

  it('the match patterns cover every supported host and nothing else', () => {
    for (const [url, site] of SITES) {
      if (!/^https?:/.test(url)) continue;
      for (const [name, patterns] of Object.entries(SITE_MATCHES)) {
        const covered = patterns.some((p) => matches(p, url));
        expect(covered, `${name} patterns vs ${url}`).toBe(site === name);
      }
    }
  });

  it('GitHub: the page refines the URL\'s target (user → person, org → company)', () => {
    const org = fixture('github', 'org.html');
    const target = githubAdapter.target(org.url)!;
    expect(target.kind).toBe('person');
    expect(githubRefineTarget(org.doc, target)?.kind).toBe('company');
    expect(cardDecision(org.url, org.doc)).toMatchObject({ card: true, target: { kind: 'company', key: 'github:northwind-labs' } });
    const user = fixture('github', 'user.html');
    expect(cardDecision(user.url, user.doc)).toMatchObject({ card: true, target: { kind: 'person', key: 'github:aaronpk' } });
  });

  it('one page, one decision, whichever site', () => {
    const cases = [
      ['linkedin', 'person-2024.html', 'person', 'linkedin:in/jane-doe-1a2b3c'],
      ['linkedin', 'sales-company.html', 'company', 'linkedin:sales-company/1098765'],
      ['maimai', 'person-share-card.html', 'person', 'maimai:card/ch3nl31'],
      ['maimai', 'company.html', 'company', 'maimai:webcid/13dpdwurc'],
      ['github', 'user-no-name.html', 'person', 'github:octo-dev42'],
    ] as const;
    for (const [site, file, kind, key] of cases) {
      const { doc, url } = fixture(site, file);
      expect(cardDecision(url, doc), file).toMatchObject({ card: true, target: { kind, key }, extraction: { ok: true } });
    }
  });
});
