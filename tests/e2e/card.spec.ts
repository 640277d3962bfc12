import { spaNavigate } from '../support/linkedin-routes';
import { card, expect, openPopup, test } from './fixtures';

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';

test('status, tags and a note edit (as a new revision) from the card', async ({ page }) => {
  await page.goto(JANE);
  const c = card(page);
  await c.getByTestId('sb-save').click();
  await c.getByTestId('sb-person-status').selectOption('passive');
  await expect(c.getByTestId('sb-status')).toHaveText('Saved · Passive');

  await c.getByTestId('sb-tag-input').fill('golang');
  await c.getByTestId('sb-tag-input').press('Enter');
  await c.getByTestId('sb-tag-input').fill('Berlin');
  await c.getByTestId('sb-tag-input').press('Enter');
  await expect(c.getByTestId('sb-tag')).toHaveText(['golang×', 'Berlin×']);
  await c.getByRole('button', { name: 'Remove tag golang' }).click();
  await expect(c.getByTestId('sb-tag')).toHaveText(['Berlin×']);

  await c.getByTestId('sb-note-input').fill('Prefers remote');
  await c.getByTestId('sb-note-add').click();
  await c.getByTestId('sb-note-edit').click();
  await c.getByTestId('sb-note-edit-input').fill('Prefers remote; open to Berlin office 2 days a week');
  await c.getByTestId('sb-note-save').click();
  await expect(c.getByTestId('sb-note')).toHaveCount(1);
  await expect(c.getByTestId('sb-note')).toContainText('open to Berlin office');
  await expect(c.getByTestId('sb-note')).toContainText('edited');
});

test('a change in one tab shows in the card of another tab within 200 ms', async ({ ext, page }) => {
  await page.goto(JANE);
  await card(page).getByTestId('sb-save').click();
  const other = await ext.context.newPage();
  await other.goto(JANE);
  await expect(card(other).getByTestId('sb-status')).toHaveText(/^Saved/);

  // Timed inside the pages (one machine, one wall clock): the click in one tab, the note appearing
  // in the other. The median of three, so one scheduling hiccup on a shared machine does not decide.
  const latencies: number[] = [];
  for (let i = 1; i <= 3; i++) {
    const text = `Seen in tab one #${i}`;
    const appeared = other.evaluate(
      (text) =>
        new Promise<number>((resolve) => {
          const root = document.querySelector('scoutbook-card')!.shadowRoot!;
          new MutationObserver(() => {
            if (root.querySelector('[data-testid=sb-note]')?.textContent?.includes(text)) resolve(Date.now());
          }).observe(root, { childList: true, subtree: true, characterData: true });
        }),
      text,
    );
    await card(page).getByTestId('sb-note-input').fill(text);
    const clickedAt = await page.evaluate(() => {
      const button = document.querySelector('scoutbook-card')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid=sb-note-add]')!;
      const at = Date.now();
      button.click();
      return at;
    });
    latencies.push((await appeared) - clickedAt);
  }
  latencies.sort((a, b) => a - b);
  expect(latencies[1], `latencies ${latencies.join(', ')} ms`).toBeLessThan(200);
});

test('the card is keyboard-usable, collapses to a badge with Escape, and remembers it', async ({ page }) => {
  await page.goto(JANE);
  const c = card(page);
  await c.getByTestId('sb-save').focus();
  await page.keyboard.press('Enter');
  await expect(c.getByTestId('sb-status')).toHaveText(/^Saved/);
  await c.getByTestId('sb-note-input').focus();
  await page.keyboard.type('Typed with the keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(c.getByTestId('sb-note')).toHaveText([/Typed with the keyboard/]);

  await page.keyboard.press('Escape');
  await expect(c.getByTestId('sb-note-input')).toHaveCount(0);
  await expect(c.getByTestId('sb-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(c.getByTestId('sb-status')).toHaveText(/^Saved/);
  await expect(c.getByTestId('sb-note-input')).toHaveCount(0);
  await c.getByTestId('sb-toggle').click();
  await expect(c.getByTestId('sb-note')).toHaveCount(1);
});

test('the card follows the page theme and the chosen language', async ({ ext, page }) => {
  await page.goto(JANE);
  await expect(card(page).locator('.sb-card')).toHaveClass(/sb-light/);

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByTestId('sb-language').selectOption('zh-CN');
  await expect(options.locator('h1')).toHaveText('Scoutbook 设置');
  await page.bringToFront();
  await expect(card(page).getByTestId('sb-status')).toHaveText('未收藏');

  await page.evaluate(() => document.documentElement.classList.add('theme--dark'));
  await spaNavigate(page, '/in/carlos-mendes-42/');
  await expect(card(page).locator('.sb-card')).toHaveClass(/sb-dark/);
  await expect(card(page).getByTestId('sb-save')).toHaveText('存入人才库');
});

test('the per-site switch removes the card from open tabs and brings it back', async ({ ext, page }) => {
  await page.goto(JANE);
  await expect(card(page).getByTestId('sb-status')).toBeVisible();
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByTestId('sb-site-linkedin').uncheck();
  await expect(page.locator('scoutbook-card')).toHaveCount(0);
  await page.reload();
  await page.waitForTimeout(800);
  await expect(page.locator('scoutbook-card')).toHaveCount(0);
  await options.getByTestId('sb-site-linkedin').check();
  await expect(page.locator('scoutbook-card')).toHaveCount(1);
});

test('the save shortcut saves the profile in the active tab', async ({ ext, page }) => {
  await page.goto(JANE);
  await expect(card(page).getByTestId('sb-status')).toHaveText('Not saved');
  // Browser-level shortcuts cannot be pressed from a test; the service worker sends what its
  // commands listener sends (the listener itself is one line; the manifest test checks the key).
  const [worker] = ext.context.serviceWorkers();
  await worker!.evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    await tabs.sendMessage(tab!.id!, { type: 'saveCurrent' });
  });
  await expect(card(page).getByTestId('sb-status')).toHaveText(/^Saved/);
  const popup = await openPopup(ext);
  await expect(popup.getByTestId('sb-row')).toHaveText([/Jane Doe/]);
});

test('the side panel shows the full record of the current tab, with stage history', async ({ ext, page }) => {
  await page.goto(JANE);
  const c = card(page);
  await c.getByTestId('sb-stage').selectOption({ label: 'Contacted' });
  await c.getByTestId('sb-stage').selectOption({ label: 'Interview' });
  await expect(c.locator('.sb-entry-stage')).toHaveText('Interview');

  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await expect(panel.getByTestId('sb-panel-empty')).toBeVisible(); // the panel itself is the active tab
  await page.bringToFront();
  await expect(panel.getByTestId('sb-panel')).toContainText('Jane Doe');
  await expect(panel.getByTestId('sb-history').locator('li')).toHaveCount(2);
  await c.getByTestId('sb-note-input').fill('Visible in the side panel');
  await c.getByTestId('sb-note-add').click();
  await expect(panel.getByTestId('sb-note')).toHaveText([/Visible in the side panel/]);
});

test('50 in-page navigations leave exactly one card and no leaked listeners', async ({ ext, page }) => {
  await page.goto(JANE);
  await expect(card(page)).toContainText('Jane Doe');
  const cdp = await ext.context.newCDPSession(page);
  const listenerCount = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    let total = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: -1 });
      total += listeners.length;
    }
    return total;
  };
  const paths = ['/in/carlos-mendes-42/', '/in/jane-doe-1a2b3c/'];
  for (let i = 0; i < 4; i++) await spaNavigate(page, paths[i % 2]!);
  await expect(card(page)).toContainText('Jane Doe');
  const before = await listenerCount();
  for (let i = 0; i < 50; i++) {
    await spaNavigate(page, paths[i % 2]!);
    await expect(card(page)).toContainText(i % 2 ? 'Jane Doe' : 'Carlos Mendes');
  }
  await expect(page.locator('scoutbook-card')).toHaveCount(1);
  expect(await listenerCount()).toBe(before);
});

test('Options shows per-site health: which extractor alternative matched, and when', async ({ ext, page }) => {
  await page.goto(JANE);
  await expect(card(page).locator('.sb-name')).toHaveText('Jane Doe');
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByTestId('sb-health-linkedin')).toContainText('voyager-2022');
  await expect(options.getByTestId('sb-health-github')).toContainText('—');
});
