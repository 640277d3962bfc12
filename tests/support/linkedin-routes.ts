import type { BrowserContext, Page } from '@playwright/test';
import { ownFixture } from './shared-fixtures';

/** Our synthetic LinkedIn pages, by path, served in place of linkedin.com (no network in tests). */
export const LINKEDIN_PAGES: Record<string, string> = {
  '/in/jane-doe-1a2b3c/': 'linkedin/person-2024.html',
  '/in/carlos-mendes-42/': 'linkedin/person-2024-b.html',
  '/in/%E5%BC%A0%E4%BC%9F-8a7b6c/': 'linkedin/person-chinese.html',
  '/in/ingrid-solberg-5d6e7f/': 'linkedin/person-sdui-2025.html',
  '/in/xss-test-0badc0de/': 'linkedin/person-xss.html',
  '/in/li-ming-404/': 'linkedin/profile-not-found.html',
  '/company/audiense/': 'linkedin/company-2025.html',
  '/in/jane-doe-1a2b3c/details/experience/': 'linkedin/profile-not-found.html',
  '/in/ACoAAB7kQm2BxYz9LpQrStUvWxYz0123abcdEFG/': 'linkedin/person-urn-2024.html',
  '/in/mei-lin-chen-9f8e7d/': 'linkedin/person-urn-2024.html',
  '/talent/profile/AEMAAAB2c3d4EfGh5iJkLmNoPqRsTuVwXyZ012345/': 'linkedin/recruiter-profile.html',
  '/feed/': 'linkedin/feed.html',
};

/** Maimai and GitHub pages by path and query (Maimai's people share one path). */
export const OTHER_SITE_PAGES: Record<string, string> = {
  'https://maimai.cn/profile/detail?dstu=231439153': 'maimai/person-initial-state.html',
  'https://maimai.cn/contact/share/card?u=Ch3nL31': 'maimai/person-share-card.html',
  'https://maimai.cn/company?webcid=13DPDwuRC': 'maimai/company.html',
  'https://maimai.cn/profile/detail?dstu=999000111': 'maimai/profile-not-found.html',
  'https://github.com/aaronpk': 'github/user.html',
  'https://github.com/northwind-labs': 'github/org.html',
  'https://github.com/northwind-labs/fleet': 'github/repo.html',
  'https://github.com/no-such-account-x1': 'github/not-found.html',
};

const NOT_FOUND = '<!doctype html><title>Not found</title>';

export async function routeLinkedIn(context: BrowserContext, pages: Record<string, string> = LINKEDIN_PAGES): Promise<void> {
  await context.route(/^https:\/\/[a-z.]*linkedin\.com\//, async (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    const file = pages[path];
    if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
    if (!file) return route.fulfill({ status: 404, contentType: 'text/html', body: NOT_FOUND });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: ownFixture(file) });
  });
  await context.route(/^https:\/\/(maimai\.cn|github\.com)\//, async (route) => {
    if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
    const url = new URL(route.request().url());
    url.searchParams.delete('tab');
    const file = OTHER_SITE_PAGES[`${url.origin}${url.pathname}${url.search}`];
    if (!file) return route.fulfill({ status: 404, contentType: 'text/html', body: NOT_FOUND });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: ownFixture(file) });
  });
}

/**
 * What LinkedIn's SPA does: swap the page's <main> for another profile's and pushState, without a
 * page load. Everything else in <body> — our card included — stays.
 */
export async function spaNavigate(page: Page, path: string): Promise<void> {
  const file = LINKEDIN_PAGES[path];
  if (!file) throw new Error(`no fixture for ${path}`);
  await page.evaluate(
    ({ path, html }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const next = doc.querySelector('main');
      const current = document.querySelector('main');
      if (!next || !current) throw new Error('fixture pages need a <main>');
      document.title = doc.title;
      current.replaceWith(document.importNode(next, true));
      history.pushState({}, '', path);
    },
    { path, html: ownFixture(file) },
  );
}
