import type { Page } from '@playwright/test';
import { spaNavigate } from '../support/linkedin-routes';
import { card, expect, openPopup, test, twoPeopleSourced } from './fixtures';

test('kanban: move an entry by drag and by keyboard', async ({ ext, page }) => {
  await twoPeopleSourced(page);

  const popup = await openPopup(ext);
  await popup.getByRole('tab', { name: 'Pipelines' }).click();
  const stage = (name: string) => popup.getByTestId('sb-board-stage').filter({ has: popup.getByRole('heading', { name }) });
  await expect(stage('Sourced').getByTestId('sb-board-card')).toHaveCount(2);

  // A stage in view: Playwright's drag does not scroll the popup's list while dragging, as Chromium does.
  await stage('Sourced').getByTestId('sb-board-card').filter({ hasText: 'Jane Doe' }).dragTo(stage('Replied'));
  await expect(stage('Replied').getByTestId('sb-board-card')).toHaveText([/Jane Doe/]);

  const carlos = stage('Sourced').getByTestId('sb-board-card').filter({ hasText: 'Carlos Mendes' });
  await carlos.focus();
  await popup.keyboard.press('Alt+ArrowRight');
  await expect(stage('Contacted').getByTestId('sb-board-card')).toHaveText([/Carlos Mendes/]);
  await expect(popup.getByTestId('sb-board-announcement')).toHaveText('Carlos Mendes moved to Contacted');

  // The card in the page follows the move made in the popup.
  await expect(card(page).locator('.sb-entry-stage')).toHaveText('Contacted');
});

test('sales board: an account put in the Sales pipeline from its company page is moved by keyboard on the board', async ({ ext, page }) => {
  await page.goto('https://www.linkedin.com/company/audiense/');
  await card(page).getByTestId('sb-stage').selectOption({ label: 'Target' });
  await expect(card(page).locator('.sb-entry-stage')).toHaveText('Target');

  // No person is saved: the board is still there for a salesperson's accounts.
  const popup = await openPopup(ext);
  await popup.getByRole('tab', { name: 'Pipelines' }).click();
  await popup.getByTestId('sb-pipeline').selectOption({ label: 'Sales' });
  const stage = (name: string) => popup.getByTestId('sb-board-stage').filter({ has: popup.getByRole('heading', { name }) });
  const account = stage('Target').getByTestId('sb-board-card');
  await expect(account).toHaveText([/Audiense/]);

  await account.focus();
  await popup.keyboard.press('Alt+ArrowRight');
  await expect(stage('Contacted').getByTestId('sb-board-card')).toHaveText([/Audiense/]);
  await expect(stage('Target').getByTestId('sb-board-card')).toHaveCount(0);
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

/** Save the people at these profile paths from their pages, each at a Recruiting stage when given. */
async function saveFromPages(page: Page, people: { path: string; stage?: string }[]) {
  for (const [i, p] of people.entries()) {
    if (i === 0) await page.goto(`https://www.linkedin.com${p.path}`);
    else await spaNavigate(page, p.path);
    if (p.stage) {
      await card(page).getByTestId('sb-stage').selectOption({ label: p.stage });
      await expect(card(page).locator('.sb-entry-stage')).toHaveText(p.stage);
    } else {
      await card(page).getByTestId('sb-save').click();
      await expect(card(page).getByTestId('sb-status')).toHaveText(/^Saved/);
    }
  }
}

const rowNames = (popup: Page) => popup.getByTestId('sb-row').locator('.row-name');

test('bulk move: select people, move them to a stage, undo', async ({ ext, page }) => {
  await saveFromPages(page, [
    { path: '/in/%E5%BC%A0%E4%BC%9F-8a7b6c/' },
    { path: '/in/jane-doe-1a2b3c/', stage: 'Sourced' },
    { path: '/in/carlos-mendes-42/', stage: 'Sourced' },
  ]);
  const popup = await openPopup(ext);
  await expect(popup.getByTestId('sb-row')).toHaveCount(3);
  await expect(rowNames(popup)).toHaveText(['Carlos Mendes', 'Jane Doe', '张伟']);

  // Shift-click selects the range: all three; 张伟 is in no pipeline and is skipped.
  await popup.getByRole('checkbox', { name: 'Select Carlos Mendes' }).click();
  await popup.getByRole('checkbox', { name: 'Select 张伟' }).click({ modifiers: ['Shift'] });
  await expect(popup.getByTestId('sb-bulk-count')).toHaveText('3 selected');
  await popup.getByTestId('sb-bulk-move').click();
  await popup.getByTestId('sb-bulk-pipeline').selectOption({ label: 'Recruiting' });
  await popup.getByTestId('sb-bulk-stage').selectOption({ label: 'Interview' });
  await popup.getByTestId('sb-bulk-apply').click();
  await expect(popup.getByTestId('sb-toast')).toContainText('Moved 2 to Interview. 1 skipped');
  const stages = popup.getByTestId('sb-row-stage');
  await expect(stages).toHaveCount(2);
  for (const s of await stages.all()) await expect(s.locator('option:checked')).toHaveText('Interview');
  // The card on the page follows (the page shows Carlos).
  await expect(card(page).locator('.sb-entry-stage')).toHaveText('Interview');

  await popup.getByTestId('sb-undo').click();
  await expect(popup.getByTestId('sb-toast')).toContainText('Undone: 2 restored.');
  for (const s of await stages.all()) await expect(s.locator('option:checked')).toHaveText('Sourced');
  await expect(card(page).locator('.sb-entry-stage')).toHaveText('Sourced');
});

test('filters combine with the search and show as removable chips', async ({ ext, page }) => {
  await saveFromPages(page, [
    { path: '/in/jane-doe-1a2b3c/', stage: 'Interview' },
    { path: '/in/carlos-mendes-42/', stage: 'Sourced' },
    { path: '/in/%E5%BC%A0%E4%BC%9F-8a7b6c/' },
  ]);
  const popup = await openPopup(ext);
  await expect(popup.getByTestId('sb-row')).toHaveCount(3);
  await popup.getByTestId('sb-filters-toggle').click();
  await popup.getByTestId('sb-filter-pipeline').selectOption({ label: 'Recruiting' });
  await expect(rowNames(popup)).toHaveText(['Carlos Mendes', 'Jane Doe']);
  await popup.getByTestId('sb-filter-stage').selectOption({ label: 'Interview' });
  await expect(rowNames(popup)).toHaveText(['Jane Doe']);
  await expect(popup.getByTestId('sb-filter-chip')).toHaveText(['Pipeline: Recruiting×', 'Stage: Interview×']);

  await popup.getByRole('button', { name: 'Remove filter Stage: Interview' }).click();
  await popup.getByTestId('sb-search').fill('carlos');
  await expect(rowNames(popup)).toHaveText(['Carlos Mendes']);
  await popup.getByTestId('sb-filter-clear').click();
  await expect(popup.getByTestId('sb-filter-chip')).toHaveCount(0);
  await expect(rowNames(popup)).toHaveText(['Carlos Mendes']);
  await popup.getByTestId('sb-search').fill('');
  await expect(popup.getByTestId('sb-row')).toHaveCount(3);
});

test('the table sorts by a column, and reverses on a second click', async ({ ext, page }) => {
  await saveFromPages(page, [
    { path: '/in/jane-doe-1a2b3c/', stage: 'Sourced' },
    { path: '/in/carlos-mendes-42/' },
    { path: '/in/ingrid-solberg-5d6e7f/', stage: 'Interview' },
  ]);
  const popup = await openPopup(ext);
  await popup.getByTestId('sb-layout-table').click();
  const names = popup.getByTestId('sb-row').locator('.col-name .row-name');
  await expect(names).toHaveText(['Ingrid Solberg', 'Carlos Mendes', 'Jane Doe']);
  const nameHeader = popup.getByRole('columnheader', { name: /^Name/ });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  await popup.getByTestId('sb-sort-name').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(names).toHaveText(['Carlos Mendes', 'Ingrid Solberg', 'Jane Doe']);
  await popup.getByTestId('sb-sort-name').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(names).toHaveText(['Jane Doe', 'Ingrid Solberg', 'Carlos Mendes']);
  // Rows without a pipeline go last, whichever the direction.
  await popup.getByTestId('sb-sort-pipelines').click();
  await expect(names).toHaveText(['Ingrid Solberg', 'Jane Doe', 'Carlos Mendes']);
  await popup.getByTestId('sb-sort-pipelines').click();
  await expect(names).toHaveText(['Jane Doe', 'Ingrid Solberg', 'Carlos Mendes']);

  // The layout is remembered.
  await popup.reload();
  await expect(popup.getByRole('table')).toBeVisible();
});

test('switching the language in the popup switches the popup and the card', async ({ ext, page }) => {
  await saveFromPages(page, [{ path: '/in/jane-doe-1a2b3c/', stage: 'Sourced' }]);
  const popup = await openPopup(ext);
  await expect(popup.getByRole('tab')).toHaveText(['Talent bank (1)', 'Pipelines', 'Funnel', 'Import & export']);
  await popup.getByTestId('sb-language').selectOption('zh-CN');
  await expect(popup.getByRole('tab')).toHaveText(['人才库 (1)', '流程', '漏斗', '导入与导出']);
  await expect(popup.getByTestId('sb-search')).toHaveAttribute('placeholder', '搜索姓名、职位、公司、标签、笔记');
  await expect(popup.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // prefs.language is shared with the card on the page.
  await expect(card(page).getByTestId('sb-status')).toHaveText(/^已收藏/);

  await popup.reload();
  await expect(popup.getByRole('tab').first()).toHaveText('人才库 (1)');
  await popup.getByTestId('sb-language').selectOption('en');
  await expect(popup.getByRole('tab').first()).toHaveText('Talent bank (1)');
  await expect(card(page).getByTestId('sb-status')).toHaveText(/^Saved/);
});
