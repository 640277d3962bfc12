import { readFileSync } from 'node:fs';
import { expect, openPopup, test } from './fixtures';

/** LinkedIn's 2024 Connections.csv shape: a "Notes:" preamble, a blank line, then the header. */
const CONNECTIONS = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Programmer,30 May 2024',
  '伟,张,https://www.linkedin.com/in/zhang-wei-8a7b6c,,字节跳动,招聘经理,01 Jun 2024',
  'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,"=HYPERLINK(""x"")",Rear Admiral,02 Jun 2024',
  ',,,,,,02 Jun 2022',
].join('\n');

test('import a LinkedIn Connections.csv through a dry run, then back it up and export XLSX', async ({ ext }) => {
  const popup = await openPopup(ext);
  await popup.getByTestId('sb-tab-data').click();
  await popup.getByTestId('sb-import-file').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(CONNECTIONS) });
  const summary = popup.getByTestId('sb-import-summary');
  await expect(summary).toContainText('3 to create');
  await expect(summary).toContainText('0 to merge');
  await expect(summary).toContainText('1 rejected');
  // Nothing is written before the user confirms.
  await popup.getByRole('tab', { name: /Talent bank/ }).click();
  await expect(popup.getByText('Your talent bank is empty')).toBeVisible();
  await popup.getByTestId('sb-tab-data').click();
  await popup.getByTestId('sb-import-file').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(CONNECTIONS) });
  await popup.getByTestId('sb-import-confirm').click();
  await expect(popup.getByTestId('sb-import-result')).toContainText('3 created');

  // Importing the same file again creates nobody.
  await popup.getByTestId('sb-import-file').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(CONNECTIONS) });
  await expect(popup.getByTestId('sb-import-summary')).toContainText('0 to create');

  const [backup] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('sb-backup-export').click()]);
  const json = JSON.parse(readFileSync((await backup.path())!, 'utf8')) as { people: { name: string }[] };
  expect(json.people.map((p) => p.name).sort()).toEqual(['Ada Lovelace', 'Grace Hopper', '张伟']);

  await popup.getByTestId('sb-export-format').selectOption('xlsx');
  const [xlsx] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('sb-export-run').click()]);
  const bytes = readFileSync((await xlsx.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

  await popup.getByRole('tab', { name: /Talent bank/ }).click();
  await expect(popup.getByTestId('sb-row')).toHaveCount(3);
});

test('a file that is not CSV gets a clear message and writes nothing', async ({ ext }) => {
  const popup = await openPopup(ext);
  await popup.getByTestId('sb-tab-data').click();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  await popup.getByTestId('sb-import-file').setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: png });
  await expect(popup.getByTestId('sb-import-error')).toContainText(/PNG|image/i);
  await popup.getByRole('tab', { name: /Talent bank/ }).click();
  await expect(popup.getByText('Your talent bank is empty')).toBeVisible();
});

test('forget a person from the side panel: gone from the card and the popup; the data-subject export first', async ({ ext, page }) => {
  await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
  const c = page.locator('scoutbook-card');
  await c.getByTestId('sb-note-input').fill('Salary expectations discussed');
  await c.getByTestId('sb-note-add').click();
  await c.getByTestId('sb-stage').selectOption({ label: 'Screened' });
  await expect(c.locator('.sb-entry-stage')).toHaveText('Screened');

  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await page.bringToFront();
  await expect(panel.getByTestId('sb-panel')).toContainText('Jane Doe');
  const [report] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('sb-subject-export').click()]);
  const held = readFileSync((await report.path())!, 'utf8');
  expect(held).toContain('Salary expectations discussed');
  expect(held).toContain('Screened');

  await panel.getByTestId('sb-forget').click();
  await panel.getByTestId('sb-forget-confirm').click();
  await expect(panel.getByTestId('sb-forget-message')).toContainText('Forgotten');
  await expect(c.getByTestId('sb-status')).toHaveText('Not saved');
  await expect(c.getByTestId('sb-note')).toHaveCount(0);
  const popup = await openPopup(ext);
  await expect(popup.getByText('Your talent bank is empty')).toBeVisible();
});
