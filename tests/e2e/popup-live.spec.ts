import { spaNavigate } from '../support/linkedin-routes';
import { card, expect, openPopup, test, twoPeopleSourced } from './fixtures';

test('a stage chosen in the list shows at once and is stored; moves made elsewhere show in the open popup', async ({ ext, page }) => {
  await twoPeopleSourced(page);

  const popup = await openPopup(ext);
  const carlos = popup.getByTestId('sb-row').filter({ hasText: 'Carlos Mendes' }).getByTestId('sb-row-stage');
  const jane = popup.getByTestId('sb-row').filter({ hasText: 'Jane Doe' }).getByTestId('sb-row-stage');
  await carlos.selectOption({ label: 'Interview' });
  await expect(carlos.locator('option:checked')).toHaveText('Interview');
  // Stored: the card on the page (Carlos) follows.
  await expect(card(page).locator('.sb-entry-stage')).toHaveText('Interview');
  await expect(jane.locator('option:checked')).toHaveText('Sourced');

  // A move made on the page reaches the open popup's row, and only that row changes.
  await card(page).getByTestId('sb-stage').selectOption({ label: 'Offer' });
  await expect(carlos.locator('option:checked')).toHaveText('Offer');
  await expect(jane.locator('option:checked')).toHaveText('Sourced');

  // Reopened, the popup reads the stored stages.
  await popup.close();
  const again = await openPopup(ext);
  await expect(again.getByTestId('sb-row').filter({ hasText: 'Carlos Mendes' }).getByTestId('sb-row-stage').locator('option:checked')).toHaveText('Offer');
});

test('search shows name matches first and people found through their notes after', async ({ ext, page }) => {
  await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
  await card(page).getByTestId('sb-note-input').fill('Kubernetes person, referred by Carlos');
  await card(page).getByTestId('sb-note-add').click();
  await expect(card(page).getByTestId('sb-note')).toHaveCount(1);
  await spaNavigate(page, '/in/carlos-mendes-42/');
  await card(page).getByTestId('sb-save').click();
  await expect(card(page).getByTestId('sb-status')).toHaveText(/^Saved/);

  const popup = await openPopup(ext);
  const rows = popup.getByTestId('sb-row');
  await expect(rows).toHaveCount(2);
  await popup.getByTestId('sb-search').fill('kubernetes');
  await expect(rows).toHaveText([/Jane Doe/]);
  // Carlos by his name first, then Jane, whose note names him.
  await popup.getByTestId('sb-search').fill('carlos');
  await expect(rows).toHaveText([/Carlos Mendes/, /Jane Doe/]);
  await popup.getByTestId('sb-search').fill('carlos mendes');
  await expect(rows).toHaveText([/Carlos Mendes/]);
  await popup.screenshot({ path: 'test-results/screenshots/popup-search-notes.png' });
});
