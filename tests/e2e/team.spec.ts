import { expect, test, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { routeLinkedIn } from '../support/linkedin-routes';
import { SyncServerProcess } from '../support/sync-server';
import { card } from './fixtures';

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';

/**
 * Two recruiters of one team, each in their own browser profile, on a real local sync API: each sees
 * the other's ownership on the card, and the owner is alerted in the popup when the other one
 * works their person.
 */
test.describe('a team of two on one sync API', () => {
  const server = new SyncServerProcess();
  const browsers: ExtensionBrowser[] = [];
  let tokens = { li: '', ada: '' };

  test.beforeAll(async () => {
    tokens = { li: server.createToken('acme', 'li.wei@acme.example'), ada: server.createToken('acme', 'ada@acme.example') };
    await server.start();
  });
  test.afterAll(async () => {
    for (const b of browsers) await b.close();
    await server.stop();
  });

  async function recruiter(token: string, email: string): Promise<ExtensionBrowser> {
    const ext = await launchWithExtension();
    browsers.push(ext);
    await routeLinkedIn(ext.context);
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByTestId('sb-sync-url').fill(server.url);
    await options.getByTestId('sb-sync-token').fill(token);
    await options.getByTestId('sb-sync-save').click();
    await expect(options.getByTestId('sb-sync-message')).toHaveText('Saved and synced.');
    // The server said who this token is: the owner id teammates will see.
    await expect(options.getByTestId('sb-sync-identity')).toContainText(`Signed in as ${email} · team acme · `);
    await options.close();
    return ext;
  }

  /** Sync now, as the periodic alarm would, from an extension page of that profile. */
  async function syncNow(ext: ExtensionBrowser): Promise<void> {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const status = (await page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'syncNow' }),
    )) as { ok: boolean; value: { lastError: string | null; pending: number } };
    await page.close();
    expect(status.ok && status.value).toMatchObject({ lastError: null, pending: 0 });
  }

  async function serverHasEntry(owner: string): Promise<void> {
    await expect
      .poll(
        async () => {
          const res = await fetch(`${server.url}/v1/owners?keys=linkedin:in/jane-doe-1a2b3c`, { headers: { authorization: `Bearer ${tokens.li}` } });
          const body = (await res.json()) as { owners: { entries: { ownerId?: string }[] }[] };
          return body.owners[0]?.entries.map((e) => e.ownerId) ?? [];
        },
        { timeout: 15_000 },
      )
      .toContain(owner);
  }

  test('each sees who owns the person on the card, and the owner gets an alert in the popup', async () => {
    test.setTimeout(120_000); // two browsers and a server on a shared 2-core machine
    const li = await recruiter(tokens.li, 'li.wei@acme.example');
    const ada = await recruiter(tokens.ada, 'ada@acme.example');

    // Li Wei saves Jane and contacts her. Her entry's owner is Li's e-mail, learnt from /v1/me.
    const liPage = await li.context.newPage();
    await liPage.goto(JANE);
    await card(liPage).getByTestId('sb-stage').selectOption({ label: 'Contacted' });
    await expect(card(liPage).locator('.sb-entry-stage')).toHaveText('Contacted');
    await serverHasEntry('li.wei@acme.example');

    // Ada has not pulled since: her card shows the server's view, added after the local one.
    const adaPage: Page = await ada.context.newPage();
    await adaPage.goto(JANE);
    await expect(card(adaPage).getByTestId('sb-status')).toHaveText(/Not saved/);
    await expect(card(adaPage).getByTestId('sb-team-owner')).toHaveText('li.wei@acme.example already owns this in Recruiting (Contacted).');

    // Ada contacts Jane too, saving her as a record of her own (she had not pulled Li's): the
    // server matches the two by profile key. Li's card shows Ada's ownership.
    await card(adaPage).getByTestId('sb-stage').selectOption({ label: 'Contacted' });
    await expect(card(adaPage).getByTestId('sb-status')).toHaveText(/^Saved/);
    await serverHasEntry('ada@acme.example');
    // The background reuses the team's answer for a few seconds; a later visit asks again.
    await expect(async () => {
      await liPage.reload();
      await expect(card(liPage).getByTestId('sb-team-owner')).toHaveText('ada@acme.example already owns this in Recruiting (Contacted).', { timeout: 3000 });
    }).toPass({ timeout: 30_000 });

    // Li syncs and opens the popup: one unread alert, Ada added Jane.
    await syncNow(li);
    const popup = await li.context.newPage();
    await popup.goto(`chrome-extension://${li.extensionId}/popup.html`);
    await expect(popup.getByTestId('sb-alerts-unread')).toHaveText('1');
    await popup.getByTestId('sb-alerts-toggle').click();
    await expect(popup.getByTestId('sb-alert')).toHaveCount(1);
    if (process.env.SCOUTBOOK_SCREENSHOTS) await popup.screenshot({ path: 'tests/e2e/screenshots/team-alerts.png' });
    await expect(popup.getByTestId('sb-alert')).toContainText('ada@acme.example added Jane Doe to Recruiting (Contacted)');
    await expect(popup.getByTestId('sb-alerts-unread')).toHaveCount(0);

    // The alert opens Jane's record, whose Team section lists both owners.
    await popup.getByTestId('sb-alert').getByRole('button').click();
    const team = popup.getByTestId('sb-team-ownership');
    await expect(team.getByTestId('sb-team-owner')).toHaveText(['Owned by ada@acme.example · Recruiting · Contacted', 'You · Recruiting · Contacted']);
    if (process.env.SCOUTBOOK_SCREENSHOTS) {
      await popup.screenshot({ path: 'tests/e2e/screenshots/team-detail.png' });
      await card(adaPage).locator('aside.sb-card').screenshot({ path: 'tests/e2e/screenshots/team-card.png' });
    }
  });
});
