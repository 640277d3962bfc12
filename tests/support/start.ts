/**
 * `npm start`: build the extension, serve the sync API on its embedded SQLite database, and open
 * Chromium with the extension loaded and connected to it. Where no browser window can be opened,
 * print how to load the extension by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from '../../server/main';
import { createToken } from '../../server/store/tokens';
import { EXTENSION_DIR, findChromium, launchWithExtension } from './chromium';

const DATA = resolve('data');
const DB = resolve(DATA, 'scoutbook.sqlite');
const TOKEN_FILE = resolve(DATA, 'dev-token.txt');
const PORT = Number(process.env.PORT ?? 8787);

mkdirSync(DATA, { recursive: true });
console.log('Building the extension…');
execFileSync(resolve('node_modules/.bin/wxt'), ['build'], { stdio: 'inherit' });

const server = await startServer({ db: DB, port: PORT });
if (!existsSync(TOKEN_FILE)) {
  const { token } = await createToken(server.store.db, 'my-team', 'me@example.com');
  writeFileSync(TOKEN_FILE, `${token}\n`, { mode: 0o600 });
}
const token = readFileSync(TOKEN_FILE, 'utf8').trim();
console.log(`\nSync API: ${server.url} (SQLite: ${DB})`);
console.log(`Token for team "my-team": ${TOKEN_FILE}`);

const canShowWindow = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
let browser: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
let chromium: string | undefined;
try {
  chromium = findChromium();
} catch (e) {
  console.log(`\n${(e as Error).message}`);
}
if (chromium && canShowWindow) {
  browser = await launchWithExtension({ headless: false, userDataDir: resolve(DATA, 'chromium-profile') });
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('sb-sync-url').fill(server.url);
  await options.getByTestId('sb-sync-token').fill(token);
  await options.getByTestId('sb-sync-save').click();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto('https://www.linkedin.com/feed/').catch(() => {});
  console.log('\nChromium is open with Scoutbook loaded and connected to the sync API. Ctrl+C to stop.');
} else {
  console.log(`
No browser window can be opened here. To use Scoutbook in your own Chrome, Edge or Chromium:
  1. open chrome://extensions and turn on "Developer mode";
  2. "Load unpacked" and choose ${EXTENSION_DIR};
  3. in Scoutbook's Options set the server URL to ${server.url} and paste the token from ${TOKEN_FILE}.
The sync API keeps running until Ctrl+C.`);
}

const stop = async () => {
  await browser?.close().catch(() => {});
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
browser?.context.on('close', () => void stop());
