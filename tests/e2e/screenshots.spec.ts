import { mkdirSync } from 'node:fs';
import { card, expect, openPopup, test } from './fixtures';
import { spaNavigate } from '../support/linkedin-routes';

/**
 * The card and the popup as a recruiter sees them. Written to test-results/screenshots; with
 * SCOUTBOOK_SCREENSHOTS=1 they replace the README's pictures in tests/e2e/screenshots.
 */
const dir = process.env.SCOUTBOOK_SCREENSHOTS ? 'tests/e2e/screenshots' : 'test-results/screenshots';

test('screenshots of the card and the popup', async ({ ext, page }) => {
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F-8a7b6c/');
  const c = card(page);
  await c.getByTestId('sb-save').click();
  await c.getByTestId('sb-stage').selectOption({ label: 'Interviewed' });
  await c.getByTestId('sb-note-input').fill('内推 from 李娜 · strong Go and Kubernetes; wants Shanghai');
  await c.getByTestId('sb-note-add').click();
  await expect(c.getByTestId('sb-note')).toHaveCount(1);

  for (const path of ['/in/jane-doe-1a2b3c/', '/in/carlos-mendes-42/']) {
    await spaNavigate(page, path);
    await expect(c.getByTestId('sb-save')).toBeVisible();
    await c.getByTestId('sb-save').click();
    await expect(c.getByTestId('sb-status')).toHaveText(/^Saved/);
  }
  await c.getByTestId('sb-stage').selectOption({ label: 'Screened' });
  await c.getByTestId('sb-note-input').fill('Replied on InMail; call booked for Thursday 10:00 CET.');
  await c.getByTestId('sb-note-add').click();
  await expect(c.getByTestId('sb-note')).toHaveCount(1);
  await page.screenshot({ path: `${dir}/card.png` });

  const popup = await openPopup(ext);
  await popup.setViewportSize({ width: 480, height: 600 });
  await expect(popup.getByTestId('sb-row')).toHaveCount(3);
  // Two people selected: the bulk action bar shows.
  await popup.getByTestId('sb-row-select').nth(0).click();
  await popup.getByTestId('sb-row-select').nth(1).click({ modifiers: ['Shift'] });
  await expect(popup.getByTestId('sb-bulk-count')).toHaveText('2 selected');
  await popup.screenshot({ path: `${dir}/popup.png` });
});
