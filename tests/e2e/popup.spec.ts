import { spaNavigate } from '../support/linkedin-routes';
import { card, expect, openPopup, test } from './fixtures';

test('kanban: move an entry by drag and by keyboard', async ({ ext, page }) => {
  await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
  await card(page).getByTestId('sb-stage').selectOption({ label: 'Sourced' });
  await expect(card(page).locator('.sb-entry-stage')).toHaveText('Sourced');
  await spaNavigate(page, '/in/carlos-mendes-42/');
  await card(page).getByTestId('sb-stage').selectOption({ label: 'Sourced' });
  await expect(card(page).locator('.sb-entry-stage')).toHaveText('Sourced');

  const popup = await openPopup(ext);
  await popup.getByRole('tab', { name: 'Pipelines' }).click();
  const stage = (name: string) => popup.getByTestId('sb-board-stage').filter({ has: popup.getByRole('heading', { name }) });
  await expect(stage('Sourced').getByTestId('sb-board-card')).toHaveCount(2);

  await stage('Sourced').getByTestId('sb-board-card').filter({ hasText: 'Jane Doe' }).dragTo(stage('Interview'));
  await expect(stage('Interview').getByTestId('sb-board-card')).toHaveText([/Jane Doe/]);

  const carlos = stage('Sourced').getByTestId('sb-board-card').filter({ hasText: 'Carlos Mendes' });
  await carlos.focus();
  await popup.keyboard.press('Alt+ArrowRight');
  await expect(stage('Contacted').getByTestId('sb-board-card')).toHaveText([/Carlos Mendes/]);
  await expect(popup.getByTestId('sb-board-announcement')).toHaveText('Carlos Mendes moved to Contacted');

  // The card in the page follows the move made in the popup.
  await expect(card(page).locator('.sb-entry-stage')).toHaveText('Contacted');
});

test('a person saved with a Chinese name is found by pinyin initials, full pinyin and traditional characters', async ({ ext, page }) => {
  await page.goto('https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F-8a7b6c/');
  await card(page).getByTestId('sb-save').click();
  await spaNavigate(page, '/in/jane-doe-1a2b3c/');
  await card(page).getByTestId('sb-save').click();
  await expect(card(page).getByTestId('sb-status')).toHaveText(/^Saved/);

  const popup = await openPopup(ext);
  const rows = popup.getByTestId('sb-row');
  await expect(rows).toHaveCount(2);
  for (const query of ['zw', 'zhangwei', 'zhang wei', '張偉', 'ZW']) {
    await popup.getByTestId('sb-search').fill(query);
    await expect(rows, query).toHaveText([/张伟/]);
  }
  await popup.getByTestId('sb-search').fill('字节');
  await expect(rows).toHaveText([/张伟/]);
  await popup.getByTestId('sb-search').fill('jane');
  await expect(rows).toHaveText([/Jane Doe/]);
});
