import type { SiteAdapter } from './adapter';
import * as github from './github';
import * as linkedin from './linkedin';
import { LINKEDIN_HOST } from './linkedin/urls';
import * as maimai from './maimai';
import { MAIMAI_HOSTS } from './maimai/urls';
import type { PageTarget } from './types';

/**
 * Every supported site, by host (DESIGN §2 "Site adapters"). Each adapter satisfies the current
 * SiteAdapter interface; GitHub's extra page-side hook is exported beside it (`githubRefineTarget`)
 * because the URL cannot tell a GitHub user from an organisation.
 */

export type SiteName = 'linkedin' | 'maimai' | 'github';

export const linkedinAdapter: SiteAdapter = {
  site: 'linkedin',
  target: (url) => linkedin.pageTarget(url),
  extractPerson: linkedin.extractPerson,
  extractCompany: linkedin.extractCompany,
};

export const maimaiAdapter: SiteAdapter = {
  site: 'maimai',
  target: (url) => maimai.pageTarget(url),
  extractPerson: maimai.extractPerson,
  extractCompany: maimai.extractCompany,
};

export const githubAdapter: SiteAdapter = {
  site: 'github',
  target: (url) => github.pageTarget(url),
  refineTarget: github.refineTarget,
  extractPerson: github.extractPerson,
  extractCompany: github.extractCompany,
};

/**
 * GitHub: the URL says `github:<login>` as a 'person'; the page says user ('person'), organisation
 * ('company') or neither (undefined: 404, not an account). Call it once the page has rendered,
 * before extracting.
 */
export const githubRefineTarget: (doc: Document, target: PageTarget) => PageTarget | undefined = github.refineTarget;

export const ADAPTERS: Readonly<Record<SiteName, SiteAdapter>> = {
  linkedin: linkedinAdapter,
  maimai: maimaiAdapter,
  github: githubAdapter,
};

/**
 * Match patterns for the manifest's `content_scripts[].matches` and `host_permissions`: only the
 * hosts each adapter answers for (DESIGN §4). `*.linkedin.com` also matches `linkedin.com`;
 * Maimai is listed host by host (no wildcard) so the extension gets no access to the other
 * maimai.cn subdomains (open., api., …) it has no use for.
 */
export const SITE_MATCHES: Readonly<Record<SiteName, readonly string[]>> = {
  linkedin: ['*://*.linkedin.com/*'],
  maimai: ['*://maimai.cn/*', '*://www.maimai.cn/*', '*://m.maimai.cn/*'],
  github: ['*://github.com/*'],
};

/** Which site a URL belongs to, by host only (http/https); undefined for every other host. */
export function siteForUrl(url: string | URL): SiteName | undefined {
  let parsed: URL;
  try {
    parsed = new URL(typeof url === 'string' ? url : url.href);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = parsed.hostname;
  if (LINKEDIN_HOST.test(host)) return 'linkedin';
  if (MAIMAI_HOSTS.has(host)) return 'maimai';
  if (host === 'github.com') return 'github';
  return undefined;
}

/** The adapter for the site a URL is on (whatever the page), or undefined for other hosts. */
export function adapterForUrl(url: string | URL): SiteAdapter | undefined {
  const site = siteForUrl(url);
  return site && ADAPTERS[site];
}
