import { card, expect, openPopup, test } from './fixtures';

test('Maimai: a profile, its share card and a company page each get a card; a missing profile gets none', async ({ page }) => {
  await page.goto('https://maimai.cn/profile/detail?dstu=231439153');
  await expect(card(page).locator('.sb-name')).toHaveText('王芳');
  await card(page).getByTestId('sb-save').click();
  await expect(card(page).getByTestId('sb-status')).toHaveText(/^Saved/);

  await page.goto('https://maimai.cn/contact/share/card?u=Ch3nL31');
  await expect(card(page).locator('.sb-name')).toHaveText('陈磊');

  await page.goto('https://maimai.cn/company?webcid=13DPDwuRC');
  await expect(card(page).locator('.sb-name')).toHaveText('字节跳动');
  await expect(card(page).getByTestId('sb-save')).toHaveText('Save account');

  await page.goto('https://maimai.cn/profile/detail?dstu=999000111');
  await page.waitForTimeout(800);
  await expect(page.locator('scoutbook-card')).toHaveCount(0);
});

test('GitHub: a user is a person, an organisation is a company, a repository gets no card', async ({ page }) => {
  await page.goto('https://github.com/aaronpk?tab=repositories');
  await expect(card(page).locator('.sb-name')).toHaveText('Aaron Parecki');
  await expect(card(page).getByTestId('sb-save')).toHaveText('Save to talent bank');

  await page.goto('https://github.com/northwind-labs');
  await expect(card(page).locator('.sb-name')).toHaveText('Northwind Labs');
  await expect(card(page).getByTestId('sb-save')).toHaveText('Save account');

  for (const url of ['https://github.com/northwind-labs/fleet', 'https://github.com/no-such-account-x1']) {
    await page.goto(url);
    await page.waitForTimeout(800);
    await expect(page.locator('scoutbook-card')).toHaveCount(0);
  }
});

test('LinkedIn: a details sub-page shows the saved person; the member-id and vanity URLs are one record', async ({ ext, page }) => {
  await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/details/experience/');
  await page.waitForTimeout(800);
  await expect(page.locator('scoutbook-card')).toHaveCount(0); // not saved: nothing to show
  await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
  await card(page).getByTestId('sb-save').click();
  await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/details/experience/');
  await expect(card(page).locator('.sb-name')).toHaveText('Jane Doe');
  await expect(card(page).getByTestId('sb-status')).toHaveText(/^Saved/);

  await page.goto('https://www.linkedin.com/in/ACoAAB7kQm2BxYz9LpQrStUvWxYz0123abcdEFG/');
  await expect(card(page).locator('.sb-name')).toHaveText('Mei-Lin Chen');
  await card(page).getByTestId('sb-save').click();
  await page.goto('https://www.linkedin.com/in/mei-lin-chen-9f8e7d/');
  await expect(card(page).getByTestId('sb-status')).toHaveText(/^Saved/);
  const popup = await openPopup(ext);
  await expect(popup.getByTestId('sb-row')).toHaveCount(2);
});

test('LinkedIn Recruiter profile gets a card', async ({ page }) => {
  await page.goto('https://www.linkedin.com/talent/profile/AEMAAAB2c3d4EfGh5iJkLmNoPqRsTuVwXyZ012345?project=348051234');
  await expect(card(page).locator('.sb-name')).toHaveText('Priya Raman');
});
