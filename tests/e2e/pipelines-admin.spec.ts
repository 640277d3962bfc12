import type { Locator, Page, TestInfo } from '@playwright/test';
import { spaNavigate } from '../support/linkedin-routes';
import { card, expect, openPopup, test } from './fixtures';

/** The one extension API these tests call inside the service worker. */
declare const chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } };

/** Screenshots of each view, kept with the test's output to look at. */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

/**
 * Save the (not yet saved) profile on the page and put it at a stage of the pipeline named
 * `pipeline`. Waits for the Save button: after an in-page navigation the card may still show the
 * previous, saved person for a moment.
 */
async function saveAt(page: Page, pipeline: string, stage: string): Promise<void> {
  const c = card(page);
  await c.getByTestId('sb-save').click();
  await expect(c.getByTestId('sb-status')).toHaveText(/^Saved/);
  const value = await c.locator(`optgroup[label="${pipeline}"] option`, { hasText: stage }).first().getAttribute('value');
  await c.getByTestId('sb-stage').selectOption(value!);
  await expect(c.getByTestId('sb-entry').filter({ hasText: pipeline })).toContainText(stage);
}

/** Whether a stored pipeline has a stage of this name, read from IndexedDB in the popup. */
function storedStageNamed(popup: Page, name: string): Promise<boolean> {
  return popup.evaluate(
    (wanted) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('scoutbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('pipelines').objectStore('pipelines').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            open.result.close();
            resolve((read.result as { stages: { name: string }[] }[]).some((p) => p.stages.some((s) => s.name === wanted)));
          };
        };
      }),
    name,
  );
}

async function openTool(popup: Page, testId: 'sb-open-manage' | 'sb-open-due' | 'sb-open-pitches'): Promise<void> {
  await popup.getByRole('tab', { name: 'Pipelines' }).click();
  await popup.getByTestId(testId).click();
}

/** The values of every matched input, in order. */
function values(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

function stageNames(popup: Page) {
  return popup.getByTestId('sb-stage-row').getByTestId('sb-stage-name');
}

test('a Referral pipeline from its template: add, rename, reorder and remove stages, entries moved with history', async ({ ext, page }, testInfo) => {
  await page.setViewportSize({ width: 1100, height: 800 });
  const popup = await openPopup(ext);
  await popup.setViewportSize({ width: 560, height: 720 });
  await openTool(popup, 'sb-open-manage');
  const manage = popup.getByTestId('sb-sheet-manage');
  await expect(manage.getByRole('heading', { name: 'Manage pipelines' })).toBeVisible();

  await manage.getByTestId('sb-create-template').selectOption('referral');
  await manage.getByTestId('sb-create-name').fill('Campus 内推');
  await manage.getByTestId('sb-create-submit').click();
  const editor = manage.getByTestId('sb-pipeline-editor');
  await expect(editor.getByTestId('sb-pipeline-name')).toHaveValue('Campus 内推');
  await expect.poll(() => values(stageNames(popup))).toEqual(['Read', 'Applied', 'Resume qualified', 'Interviewed', 'Hired', 'Passed probation']);
  await expect.poll(() => values(editor.getByTestId('sb-stage-points'))).toEqual(['1', '2', '5', '10', '50', '100']);

  // Two candidates reach "Applied" from the card on their profiles; the referrer is recorded.
  await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
  await saveAt(page, 'Campus 内推', 'Applied');
  await spaNavigate(page, '/in/carlos-mendes-42/');
  await saveAt(page, 'Campus 内推', 'Applied');
  const applied = editor.getByTestId('sb-stage-row').filter({ has: popup.locator('input[value="Applied"]') });
  await expect(applied.getByTestId('sb-stage-count')).toHaveText('2 here');

  // Add a stage, rename it, and give it points.
  await editor.getByTestId('sb-new-stage').fill('Phone screen');
  await editor.getByTestId('sb-add-stage').click();
  await expect.poll(() => values(stageNames(popup))).toEqual(['Read', 'Applied', 'Resume qualified', 'Interviewed', 'Hired', 'Passed probation', 'Phone screen']);
  await stageNames(popup).nth(6).fill('电话面试');
  await stageNames(popup).nth(6).press('Enter');
  await editor.getByTestId('sb-stage-points').nth(6).fill('3');
  await editor.getByTestId('sb-stage-points').nth(6).press('Enter');
  await expect(stageNames(popup).nth(6)).toHaveValue('电话面试');
  // The input shows the new name as typed; the moves below announce the stored one.
  await expect.poll(() => storedStageNamed(popup, '电话面试')).toBe(true);

  // Reorder by keyboard: Alt+↑ on the new stage's handle, four times, keeps focus on it.
  const handle = editor.getByTestId('sb-stage-row').nth(6).locator('.sb-stage-handle');
  await handle.focus();
  for (let i = 0; i < 4; i++) await popup.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => values(stageNames(popup))).toEqual(['Read', 'Applied', '电话面试', 'Resume qualified', 'Interviewed', 'Hired', 'Passed probation']);
  await expect(popup.getByTestId('sb-stage-announcement')).toHaveText('电话面试 moved to position 3.');
  // …and by dragging: "Read" dropped on the row of "Resume qualified".
  await editor.getByTestId('sb-stage-row').nth(0).locator('.sb-stage-handle').dragTo(editor.getByTestId('sb-stage-row').nth(3));
  await expect.poll(() => values(stageNames(popup))).toEqual(['Applied', '电话面试', 'Resume qualified', 'Read', 'Interviewed', 'Hired', 'Passed probation']);
  await expect(editor.getByTestId('sb-stage-points').nth(1)).toHaveValue('3');
  await shoot(popup, testInfo, 'manage-pipelines');

  // Remove "Applied": it asks where its two entries go.
  await applied.getByTestId('sb-stage-remove').click();
  const panel = applied.getByTestId('sb-remove-stage');
  await expect(panel).toContainText('Its 2 entries move to:');
  await shoot(popup, testInfo, 'remove-stage');
  await panel.getByTestId('sb-remove-target').selectOption({ label: 'Resume qualified' });
  await panel.getByTestId('sb-remove-confirm').click();
  await expect.poll(() => values(stageNames(popup))).toEqual(['电话面试', 'Resume qualified', 'Read', 'Interviewed', 'Hired', 'Passed probation']);
  const qualified = editor.getByTestId('sb-stage-row').filter({ has: popup.locator('input[value="Resume qualified"]') });
  await expect(qualified.getByTestId('sb-stage-count')).toHaveText('2 here');

  // The card on the page follows; the person's history tells the move, when and by whom.
  await expect(card(page).getByTestId('sb-entry').filter({ hasText: 'Campus 内推' })).toContainText('Resume qualified');
  await popup.keyboard.press('Escape');
  await expect(manage).toBeHidden();
  await popup.getByRole('tab', { name: 'Talent bank' }).click();
  await popup.getByTestId('sb-row').filter({ hasText: 'Carlos Mendes' }).getByTestId('sb-open-detail').click();
  const detail = popup.getByTestId('sb-sheet-person');
  await expect(detail.getByRole('heading', { name: 'Carlos Mendes' })).toBeVisible();
  const entry = detail.getByTestId('sb-detail-entry').filter({ hasText: 'Campus 内推' });
  await expect(entry.getByTestId('sb-detail-stage')).toHaveValue('resume-qualified');
  await expect(entry.getByTestId('sb-history-item')).toHaveText([/^Resume qualified/, /^applied \(removed stage\)/]);
  await shoot(popup, testInfo, 'person-detail');
  await popup.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // Archive it: it leaves the board's list of pipelines, and comes back.
  await openTool(popup, 'sb-open-manage');
  const item = manage.getByTestId('sb-pipeline-item').filter({ hasText: 'Campus 内推' });
  await item.getByTestId('sb-pipeline-archive').click();
  await expect(manage.getByTestId('sb-pipeline-item').filter({ hasText: 'Campus 内推' }).getByTestId('sb-pipeline-archive')).toHaveText('Unarchive');
  await popup.keyboard.press('Escape');
  await expect(popup.getByTestId('sb-pipeline').locator('option')).not.toContainText(['Campus 内推']);
});

test('a follow-up falls due: the background notifies, the due list shows it, and the link opens the person', async ({ ext, page }, testInfo) => {
  await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
  await saveAt(page, 'Recruiting', 'Sourced');

  const popup = await openPopup(ext);
  await popup.setViewportSize({ width: 560, height: 720 });
  await popup.getByRole('tab', { name: 'Pipelines' }).click();
  const jane = popup.getByTestId('sb-board-card').filter({ hasText: 'Jane Doe' });
  await jane.getByTestId('sb-next-action-chip').click();
  // A few seconds ahead (an unpacked extension's alarm may fire 1 s after it is set).
  const due = new Date(Date.now() + 4000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}T${pad(due.getHours())}:${pad(due.getMinutes())}:${pad(due.getSeconds())}`;
  await jane.getByTestId('sb-next-action-input').fill(local);
  await jane.getByTestId('sb-next-action-set').click();
  await expect(jane.getByTestId('sb-next-action-chip')).toBeVisible();
  await expect(popup.getByTestId('sb-open-due')).toHaveText(/Due today · 1/);
  await shoot(popup, testInfo, 'board-card-actions');

  const worker = ext.context.serviceWorkers()[0]!;
  const shown = () => worker.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all)));
  // Not before it is due…
  expect(await shown()).toEqual([]);
  // …and then by itself, from the background's alarm.
  await expect
    .poll(shown, { timeout: 20_000 })
    .toEqual([expect.stringMatching(/^scoutbook-reminder:/)]);

  await popup.getByTestId('sb-open-due').click();
  const list = popup.getByTestId('sb-sheet-due');
  await expect(list.getByTestId('sb-due-item')).toHaveCount(1);
  await expect(list.getByTestId('sb-due-item')).toContainText('Jane Doe');
  await expect(list.getByTestId('sb-due-item')).toContainText('Recruiting · Sourced');
  await shoot(popup, testInfo, 'due-today');
  await list.getByRole('button', { name: 'Mark the follow-up with Jane Doe done' }).click();
  await expect(list.getByTestId('sb-due-empty')).toBeVisible();

  // A click on the notification opens this link (utils/reminders/links.ts): the app in a tab, on that person.
  const tab = await ext.context.newPage();
  const id = await popup.evaluate(async () => {
    const rows = await new Promise<{ id: string; name: string }[]>((resolve, reject) => {
      const open = indexedDB.open('scoutbook');
      open.onsuccess = () => {
        const req = open.result.transaction('people').objectStore('people').getAll();
        req.onsuccess = () => resolve(req.result as { id: string; name: string }[]);
        req.onerror = () => reject(req.error);
      };
    });
    return rows.find((r) => r.name === 'Jane Doe')!.id;
  });
  await tab.goto(`chrome-extension://${ext.extensionId}/popup.html?tab&person=${id}`);
  await expect(tab.getByTestId('sb-sheet-person').getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await expect(tab.getByTestId('sb-detail-entry')).toContainText('Recruiting');
});

test('pitch templates: write one with variables, preview it, copy it from a board card and from the detail view', async ({ ext, page }, testInfo) => {
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
  await saveAt(page, 'Referral 内推', 'Read');

  const popup = await openPopup(ext);
  await popup.setViewportSize({ width: 560, height: 720 });
  await openTool(popup, 'sb-open-pitches');
  const sheet = popup.getByTestId('sb-sheet-pitches');
  await sheet.getByTestId('sb-pitch-pipeline').selectOption({ label: 'Referral 内推' });
  await sheet.getByTestId('sb-pitch-new').click();
  await sheet.getByTestId('sb-pitch-name').fill('Warm intro');
  await sheet.getByTestId('sb-pitch-body').fill('Hi {{firstName}}, {{referrer}} here: your work as {{jobTitle}} at {{company}} fits. {{salary}}');
  await expect(sheet.getByTestId('sb-pitch-unknown')).toHaveText('Unknown variables, left as typed: {{salary}}');
  // The preview is filled from the person in this pipeline (referrer: nobody named in Options yet).
  await expect(sheet.getByTestId('sb-pitch-preview')).toHaveText('Hi Jane, here: your work as Head of Talent at Northwind Labs fits. {{salary}}');
  await expect(sheet.getByTestId('sb-pitch-missing')).toHaveText('No value here for: {{referrer}}');
  await sheet.getByTestId('sb-pitch-body').fill('Hi {{firstName}}, {{referrer}} here: your work as {{jobTitle}} at {{company}} fits.');
  await shoot(popup, testInfo, 'pitch-editor');
  await sheet.getByTestId('sb-pitch-save').click();
  await expect(sheet.getByTestId('sb-pitch-item')).toHaveText([/Warm intro/]);
  await popup.keyboard.press('Escape');

  // The referrer, set in the detail view, fills {{referrer}}.
  await popup.getByTestId('sb-pipeline').selectOption({ label: 'Referral 内推' });
  const jane = popup.getByTestId('sb-board-card').filter({ hasText: 'Jane Doe' });
  await jane.getByTestId('sb-open-detail').click();
  const detail = popup.getByTestId('sb-sheet-person');
  await detail.getByTestId('sb-detail-referrer').fill('Li Wei');
  await detail.getByTestId('sb-detail-referrer').press('Enter');
  await expect(detail.locator('.sb-warn')).toHaveCount(0);
  await detail.getByTestId('sb-pitch-copy').click();
  await expect(detail.getByTestId('sb-pitch-copied')).toHaveText('Copied.');
  const expected = 'Hi Jane, Li Wei here: your work as Head of Talent at Northwind Labs fits.';
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await popup.keyboard.press('Escape');

  await popup.evaluate(() => navigator.clipboard.writeText(''));
  await jane.getByTestId('sb-pitch-copy').click();
  await expect(jane.getByTestId('sb-pitch-copied')).toHaveText('Copied.');
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await shoot(popup, testInfo, 'board-pitch-copied');
});

test('the views in Simplified Chinese and dark mode', async ({ ext, page }, testInfo) => {
  await page.goto('https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F-8a7b6c/');
  await saveAt(page, 'Referral 内推', 'Applied');
  const popup = await openPopup(ext);
  await popup.setViewportSize({ width: 560, height: 720 });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.getByTestId('sb-language').selectOption('zh-CN');
  await popup.getByRole('tab', { name: '流程' }).click();
  await popup.getByTestId('sb-pipeline').selectOption({ label: 'Referral 内推' });
  const card = popup.getByTestId('sb-board-card').filter({ hasText: '张伟' });
  await expect(card.getByTestId('sb-pitch-copy')).toHaveText('复制话术');
  await shoot(popup, testInfo, 'board-zh-dark');

  await card.getByTestId('sb-open-detail').click();
  const detail = popup.getByTestId('sb-sheet-person');
  await expect(detail.getByRole('heading', { name: '张伟' })).toBeVisible();
  await expect(detail.getByText('阶段历史 (1)')).toBeVisible();
  await shoot(popup, testInfo, 'detail-zh-dark');
  await popup.keyboard.press('Escape');

  await popup.getByTestId('sb-open-manage').click();
  const manage = popup.getByTestId('sb-sheet-manage');
  await expect(manage.getByRole('heading', { name: '管理流程' })).toBeVisible();
  await manage.getByTestId('sb-pipeline-item').filter({ hasText: 'Referral 内推' }).getByTestId('sb-pipeline-edit').click();
  await expect(manage.getByTestId('sb-stage-row')).toHaveCount(6);
  await shoot(popup, testInfo, 'manage-zh-dark');
  await popup.keyboard.press('Escape');

  await popup.getByTestId('sb-open-pitches').click();
  const pitches = popup.getByTestId('sb-sheet-pitches');
  await pitches.getByTestId('sb-pitch-pipeline').selectOption({ label: 'Referral 内推' });
  await pitches.getByTestId('sb-pitch-starters').click();
  await expect(pitches.getByTestId('sb-pitch-item')).toHaveCount(2);
  await pitches.getByTestId('sb-pitch-edit').first().click();
  await expect(pitches.getByTestId('sb-pitch-preview')).toContainText('张伟你好');
  await shoot(popup, testInfo, 'pitches-zh-dark');
  await popup.keyboard.press('Escape');

  await popup.getByTestId('sb-open-due').click();
  await expect(popup.getByTestId('sb-due-empty')).toContainText('今天没有待办');
  await shoot(popup, testInfo, 'due-zh-dark');
});
