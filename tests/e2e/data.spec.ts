import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { openSeeder, seedPeople } from '../../bench/seed';
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
  // The package is compressed in a worker from the XML the popup sends: a whole, readable sheet.
  const sheet = strFromU8(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml']!);
  expect(sheet).toContain('state="frozen"');
  for (const name of ['Ada Lovelace', 'Grace Hopper', '张伟']) expect(sheet).toContain(`<t>${name}</t>`);
  expect(sheet).toMatch(/<\/sheetData><\/worksheet>$/);

  await popup.getByRole('tab', { name: /Talent bank/ }).click();
  await expect(popup.getByTestId('sb-row')).toHaveCount(3);
});

/** The 2018 format: no URLs, so a saved person with the same name and company is only a possible duplicate. */
const CONNECTIONS_2018 = [
  'First Name,Last Name,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,ada@example.com,Analytical Engines,Countess,"1/8/18, 6:14 PM"',
  'Alan,Turing,alan@example.com,Bletchley Park,Cryptanalyst,"4/4/18, 10:35 AM"',
].join('\n');

test('the column mapping drives the dry run; a possible duplicate is merged when the user says so', async ({ ext }, testInfo) => {
  const popup = await openPopup(ext);
  await popup.getByTestId('sb-tab-data').click();
  await popup.getByTestId('sb-import-file').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(CONNECTIONS) });
  await expect(popup.getByTestId('sb-import-summary')).toContainText('3 to create');
  await popup.getByTestId('sb-import-confirm').click();
  await expect(popup.getByTestId('sb-import-result')).toContainText('3 created');

  await popup.getByTestId('sb-import-file').setInputFiles({ name: 'Connections-2018.csv', mimeType: 'text/csv', buffer: Buffer.from(CONNECTIONS_2018) });
  await expect(popup.getByTestId('sb-import-preset')).toHaveValue('linkedin-connections-2018');
  await expect(popup.getByTestId('sb-import-detected')).toContainText('2 rows, header on line 1, UTF-8, comma-separated');
  const summary = popup.getByTestId('sb-import-summary');
  await expect(summary).toContainText('1 to create · 0 to merge · 1 possible duplicates to decide · 0 rejected');
  // Ignoring the company column leaves nothing to call a duplicate: both would be new people.
  await popup.getByTestId('sb-import-map-3').selectOption('');
  await expect(summary).toContainText('2 to create · 0 to merge · 0 possible duplicates to decide');
  await popup.getByTestId('sb-import-map-3').selectOption('company');
  await expect(summary).toContainText('1 possible duplicates to decide');
  await popup.getByTestId('sb-import-decision-2').selectOption({ label: 'Merge into Ada Lovelace · Programmer · Analytical Engines' });
  await expect(summary).toContainText('1 to create · 1 to merge · 0 possible duplicates to decide · 0 rejected');
  await popup.setViewportSize({ width: 520, height: 700 });
  await popup.locator('.import-source').screenshot({ path: testInfo.outputPath('data-import-source.png') });
  await popup.getByTestId('sb-import-mapping').screenshot({ path: testInfo.outputPath('data-import-mapping.png') });
  await popup.locator('.dry-run').screenshot({ path: testInfo.outputPath('data-import-dry-run.png') });
  await popup.locator('.export-panel').screenshot({ path: testInfo.outputPath('data-export.png') });
  await popup.getByTestId('sb-import-confirm').click();
  await expect(popup.getByTestId('sb-import-result')).toContainText('1 created, 1 merged');

  // The merge filled Ada's e-mail; every export scope sees four people; a stage export sees none.
  await popup.getByTestId('sb-export-scope').selectOption('all');
  await expect(popup.getByTestId('sb-export-count')).toHaveText('4 people');
  await popup.getByTestId('sb-export-format').selectOption('csv');
  const [csv] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('sb-export-run').click()]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const ada = text.split('\r\n').find((l) => l.startsWith('Ada Lovelace'))!;
  expect(ada).toContain('ada@example.com');
  expect(text).toContain("'=HYPERLINK(\"\"x\"\")");
  expect(text).toContain('张伟');
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

test('cancelling a large XLSX export stops its worker and downloads nothing', async ({ ext }) => {
  test.setTimeout(240_000);
  // Enough people (with their notes and pipeline entries) that the export takes seconds: written
  // straight into the database by the benchmarks' seeder.
  const seeder = await openSeeder(ext);
  await seedPeople(seeder, 0, 40_000);
  await seeder.close();
  const popup = await openPopup(ext);
  await popup.getByTestId('sb-tab-data').click();
  await popup.getByTestId('sb-export-scope').selectOption('all');
  await expect(popup.getByTestId('sb-export-count')).toContainText('40');
  // The sheet's XML is built in the popup and compressed by a worker.
  await popup.getByTestId('sb-export-format').selectOption('xlsx');
  const downloads: string[] = [];
  popup.on('download', (d) => downloads.push(d.suggestedFilename()));

  await popup.getByTestId('sb-export-run').click();
  await expect(popup.getByTestId('sb-export-progress')).toBeVisible();
  await expect.poll(() => popup.workers().length).toBe(1);
  const worker = popup.workers()[0]!;
  const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
  await popup.getByTestId('sb-export-cancel').click();

  await expect(popup.getByTestId('sb-export-message')).toHaveText('Export cancelled.');
  await closed;
  expect(popup.workers()).toHaveLength(0);
  await expect(popup.getByTestId('sb-export-run')).toBeEnabled();
  // Had the worker lived on, its file would have arrived by now.
  await popup.waitForTimeout(3000);
  expect(downloads).toEqual([]);
});
