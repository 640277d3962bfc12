import { readFileSync } from 'node:fs';
import { SyncServerProcess } from '../support/sync-server';
import { spaNavigate } from '../support/linkedin-routes';
import { card, expect, openPopup, test } from './fixtures';

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';

test('save a profile, note it, stage it; it survives a reload, SPA navigation, the popup and a CSV export', async ({ ext, page }) => {
  await page.goto(JANE);
  const c = card(page);
  await expect(c.getByTestId('sb-status')).toHaveText(/Not saved/);
  await expect(c).toContainText('Jane Doe');

  await c.getByTestId('sb-save').click();
  await expect(c.getByTestId('sb-status')).toHaveText(/^Saved/);

  await c.getByTestId('sb-note-input').fill('=HYPERLINK("x") strong TypeScript; call Tuesday');
  await c.getByTestId('sb-note-add').click();
  await expect(c.getByTestId('sb-note')).toHaveCount(1);

  await c.getByTestId('sb-stage').selectOption({ label: 'Interview' });
  await expect(c).toContainText('Recruiting');
  await expect(c.locator('.sb-entry-stage')).toHaveText('Interview');

  await page.reload();
  await expect(c.getByTestId('sb-status')).toHaveText(/^Saved/);
  await expect(c.getByTestId('sb-note')).toHaveText([/call Tuesday/]);
  await expect(c.locator('.sb-entry-stage')).toHaveText('Interview');

  // In-page navigation to another person: the card follows, and there is still exactly one.
  await spaNavigate(page, '/in/carlos-mendes-42/');
  await expect(c).toContainText('Carlos Mendes');
  await expect(c.getByTestId('sb-status')).toHaveText(/Not saved/);
  await expect(c.getByTestId('sb-note')).toHaveCount(0);
  await expect(page.locator('scoutbook-card')).toHaveCount(1);

  const popup = await openPopup(ext);
  const rows = popup.getByTestId('sb-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Jane Doe');
  await expect(rows.first().getByTestId('sb-row-stage')).toHaveValue('interview');

  await popup.getByTestId('sb-search').fill('carlos');
  await expect(rows).toHaveCount(0);
  await popup.getByTestId('sb-search').fill('JANE');
  await expect(rows).toHaveCount(1);

  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('sb-export-csv').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, row] = csv.slice(1).split('\r\n');
  expect(header).toBe('Name,Headline,Company,Location,Profile URL,Status,Pipeline,Stage,Tags,Last note');
  expect(row).toBe(
    `Jane Doe,Head of Talent at Northwind Labs | Hiring engineers in Berlin,Northwind Labs,"Berlin, Germany",${JANE},Active,Recruiting,Interview,,"'=HYPERLINK(""x"") strong TypeScript; call Tuesday"`,
  );
});

test('a stage move in the popup shows in the open card without a reload', async ({ ext, page }) => {
  await page.goto(JANE);
  const c = card(page);
  await c.getByTestId('sb-stage').selectOption({ label: 'Screened' });
  await expect(c.locator('.sb-entry-stage')).toHaveText('Screened');

  const popup = await openPopup(ext);
  await popup.getByTestId('sb-row-stage').selectOption({ label: 'Offer' });
  await expect(c.locator('.sb-entry-stage')).toHaveText('Offer');
});

test('the feed gets no card; reaching a profile from it in-page does', async ({ page }) => {
  await page.goto('https://www.linkedin.com/feed/');
  // The content script is there (it runs at document_idle); give it time to (not) act.
  await page.waitForTimeout(1000);
  await expect(page.locator('scoutbook-card')).toHaveCount(0);
  await spaNavigate(page, '/in/jane-doe-1a2b3c/');
  await expect(card(page)).toContainText('Jane Doe');
  await expect(page.locator('scoutbook-card')).toHaveCount(1);
});

test('a "Profile Not Found" page gets no card', async ({ page }) => {
  await page.goto('https://www.linkedin.com/in/li-ming-404/');
  await page.waitForTimeout(1000);
  await expect(page.locator('scoutbook-card')).toHaveCount(0);
});

test('markup in a profile is shown as text and never runs', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('https://www.linkedin.com/in/xss-test-0badc0de/');
  const c = card(page);
  await expect(c.locator('.sb-name')).toHaveText('<img src=x onerror=alert(1)>');
  await c.getByTestId('sb-save').click();
  await expect(c.getByTestId('sb-status')).toHaveText(/^Saved/);
  await expect(c.locator('img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test.describe('with a sync API', () => {
  const server = new SyncServerProcess();
  let token = '';
  test.beforeAll(async () => {
    token = server.createToken('acme-talent', 'li.wei@example.com');
    server.importIntel('acme-talent', [
      {
        companyName: 'Audiense',
        companyKey: 'linkedin:company/audiense',
        type: 'funding',
        title: 'Audiense raises a €10M Series B',
        url: 'https://news.example.com/audiense-series-b',
        publishedAt: '2026-10-02T08:00:00Z',
      },
      {
        companyName: 'Audiense',
        type: 'hiring',
        title: 'Audiense opens a Madrid engineering hub',
        url: 'https://news.example.com/audiense-madrid',
        publishedAt: '2026-11-12T08:00:00Z',
      },
      {
        companyName: 'Contoso',
        type: 'layoff',
        title: 'Contoso cuts 5% of staff',
        url: 'https://news.example.com/contoso',
        publishedAt: '2026-11-01T08:00:00Z',
      },
    ]);
    await server.start();
  });
  test.afterAll(() => server.stop());

  test('a company page shows intel from the sync API, and saved work reaches the server', async ({ ext, page }) => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByTestId('sb-sync-url').fill(server.url);
    await options.getByTestId('sb-sync-token').fill(token);
    await options.getByTestId('sb-sync-save').click();
    await expect(options.getByTestId('sb-sync-message')).toHaveText('Saved and synced.');

    await page.goto('https://www.linkedin.com/company/audiense/');
    const items = card(page).getByTestId('sb-intel-item');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Madrid engineering hub');
    await expect(items.nth(1)).toContainText('Series B');
    await expect(items.nth(1)).toContainText('Funding');

    await page.goto(JANE);
    await card(page).getByTestId('sb-save').click();
    await expect(card(page).getByTestId('sb-status')).toHaveText(/^Saved/);
    // The background syncs shortly after a change: the person appears on the server.
    await expect
      .poll(
        async () => {
          const res = await fetch(`${server.url}/v1/sync/pull?cursor=0`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await res.json()) as { records: { entity: string; data: { name?: string } }[] };
          return body.records.filter((r) => r.entity === 'person').map((r) => r.data.name);
        },
        { timeout: 15_000 },
      )
      .toEqual(['Jane Doe']);
  });

  test('a wrong token shows the sync error instead of failing silently', async ({ ext }) => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByTestId('sb-sync-url').fill(server.url);
    await options.getByTestId('sb-sync-token').fill('sb_wrong');
    await options.getByTestId('sb-sync-save').click();
    await expect(options.getByTestId('sb-sync-message')).toContainText('401');
  });
});
