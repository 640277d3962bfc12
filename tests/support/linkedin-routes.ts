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
  '/feed/': 'linkedin/feed.html',
};

export async function routeLinkedIn(context: BrowserContext, pages: Record<string, string> = LINKEDIN_PAGES): Promise<void> {
  await context.route(/^https:\/\/[a-z.]*linkedin\.com\//, async (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    const file = pages[path];
    if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
    if (!file) return route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' });
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
