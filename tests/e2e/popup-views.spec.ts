import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { openSeeder, seedPeople } from '../../bench/seed';
import { expect, openPopup, test } from './fixtures';

/**
 * Every popup view in light and dark, English and Chinese, on generated data (bench/generate.ts):
 * each is checked to show what it should, and photographed to be looked at. Written to
 * test-results/screenshots.
 */
const dir = 'test-results/screenshots';

async function shoot(popup: Page, name: string) {
  await popup.screenshot({ path: `${dir}/popup-${name}.png` });
}

test('popup views, light and dark, English and Chinese', async ({ ext }) => {
  test.setTimeout(180_000);
  mkdirSync(dir, { recursive: true });
  const seeder = await openSeeder(ext);
  await seedPeople(seeder, 0, 300);
  await seeder.close();

  const popup = await openPopup(ext);
  await popup.setViewportSize({ width: 480, height: 600 });
  await expect(popup.getByTestId('sb-row').first()).toBeVisible();

  for (const [lang, scheme] of [
    ['en', 'light'],
    ['zh-CN', 'dark'],
    ['zh-CN', 'light'],
    ['en', 'dark'],
  ] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.getByTestId('sb-language').selectOption(lang);
    const zh = lang === 'zh-CN';
    const tag = `${lang}-${scheme}`;
    await popup.getByRole('tab').first().click();

    await popup.getByTestId('sb-layout-list').click();
    await expect(popup.getByTestId('sb-count')).toHaveText(zh ? '300 / 300' : '300 of 300');
    await shoot(popup, `list-${tag}`);

    await popup.getByTestId('sb-layout-table').click();
    await expect(popup.getByRole('table')).toBeVisible();
    await popup.getByTestId('sb-sort-name').click();
    await shoot(popup, `table-${tag}`);

    // Filters and a selection with the bulk bar open.
    await popup.getByTestId('sb-filters-toggle').click();
    await popup.getByTestId('sb-filter-pipeline').selectOption({ index: 1 });
    await popup.getByTestId('sb-filter-status').selectOption('active');
    await expect(popup.getByTestId('sb-filter-chip')).toHaveCount(2);
    const boxes = popup.getByTestId('sb-row-select');
    await boxes.nth(0).click();
    await boxes.nth(3).click({ modifiers: ['Shift'] });
    await expect(popup.getByTestId('sb-bulk-count')).toHaveText(zh ? '已选 4 人' : '4 selected');
    await popup.getByTestId('sb-bulk-add').click();
    await popup.getByTestId('sb-bulk-pipeline').selectOption({ label: 'Referral 内推' });
    await expect(popup.getByTestId('sb-bulk-referrer')).toBeVisible();
    await shoot(popup, `bulk-${tag}`);
    await popup.getByTestId('sb-bulk-add').click();
    await popup.getByRole('button', { name: zh ? '取消选择' : 'Clear selection' }).click();
    await popup.getByTestId('sb-filters-toggle').click();

    await popup.getByTestId('sb-search').fill('zzzz-nobody');
    await expect(popup.getByTestId('sb-no-match')).toBeVisible();
    await shoot(popup, `no-match-${tag}`);
    await popup.getByTestId('sb-filter-clear').click();
    await popup.getByTestId('sb-search').fill('');

    await popup.getByRole('tab').nth(1).click();
    await expect(popup.getByTestId('sb-board-stage').first()).toBeVisible();
    await shoot(popup, `board-${tag}`);

    await popup.getByRole('tab').nth(2).click();
    await popup.getByTestId('sb-funnel-pipeline').selectOption({ label: 'Referral 内推' });
    await popup.getByTestId('sb-funnel-period').selectOption('all');
    await expect(popup.getByTestId('sb-funnel-step').first()).toBeVisible();
    await expect(popup.getByTestId('sb-leaderboard-row').first()).toBeVisible();
    await shoot(popup, `funnel-${tag}`);
  }
});

test('empty states teach the next step', async ({ ext }) => {
  mkdirSync(dir, { recursive: true });
  const popup = await openPopup(ext);
  await popup.setViewportSize({ width: 480, height: 600 });
  await expect(popup.getByTestId('sb-empty-bank')).toContainText('Open a LinkedIn, Maimai or GitHub profile and press Save');
  await shoot(popup, 'empty-en-light');
  await popup.getByRole('tab', { name: 'Pipelines' }).click();
  await expect(popup.getByTestId('sb-empty-bank')).toBeVisible();
  await popup.getByRole('tab', { name: 'Funnel' }).click();
  await expect(popup.getByTestId('sb-funnel-empty')).toContainText('Nothing happened in');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.getByTestId('sb-language').selectOption('zh-CN');
  await popup.getByRole('tab').first().click();
  await expect(popup.getByTestId('sb-empty-bank')).toContainText('打开一个领英、脉脉或 GitHub 个人主页');
  await shoot(popup, 'empty-zh-CN-dark');
});
