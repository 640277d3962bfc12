import { test as base, type Locator, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { expect } from '@playwright/test';
import { routeLinkedIn, spaNavigate } from '../support/linkedin-routes';

/** A Chromium with the built extension and linkedin.com routed to our fixture pages. */
export const test = base.extend<{ ext: ExtensionBrowser; page: Page }>({
  ext: async ({}, use) => {
    const ext = await launchWithExtension();
    await routeLinkedIn(ext.context);
    await use(ext);
    await ext.close();
  },
  page: async ({ ext }, use) => {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await use(page);
  },
});
export { expect };

/** The in-page card (its shadow root is open in the e2e build, so locators reach inside). */
export function card(page: Page): Locator {
  return page.locator('scoutbook-card');
}

export async function openPopup(ext: ExtensionBrowser): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  return popup;
}

/** Jane Doe and Carlos Mendes put at Recruiting's first stage from their cards, as a user would. */
export async function twoPeopleSourced(page: Page): Promise<void> {
  await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
  await card(page).getByTestId('sb-stage').selectOption({ label: 'Sourced' });
  await expect(card(page).locator('.sb-entry-stage')).toHaveText('Sourced');
  await spaNavigate(page, '/in/carlos-mendes-42/');
  await card(page).getByTestId('sb-stage').selectOption({ label: 'Sourced' });
  await expect(card(page).locator('.sb-entry-stage')).toHaveText('Sourced');
}
