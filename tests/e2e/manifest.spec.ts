import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from '../support/chromium';

/** DESIGN §4, checked on the manifest that ships (the e2e build differs only in shadow-root mode). */
test('the manifest asks for no more than it needs', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.manifest_version).toBe(3);
  expect(manifest).not.toHaveProperty('web_accessible_resources');
  expect(manifest.host_permissions).toEqual([
    '*://*.linkedin.com/*',
    '*://maimai.cn/*',
    '*://www.maimai.cn/*',
    '*://m.maimai.cn/*',
    '*://github.com/*',
  ]);
  expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'unlimitedStorage', 'sidePanel']);
  expect(manifest.commands).toMatchObject({ 'save-profile': { suggested_key: { default: 'Alt+Shift+S' } } });
  const scripts = manifest.content_scripts as { matches: string[]; world?: string }[];
  const sorted = (lists: string[][]) => lists.map((l) => [...l].sort()).sort();
  expect(sorted(scripts.map((s) => s.matches))).toEqual(
    sorted([['*://*.linkedin.com/*'], ['*://maimai.cn/*', '*://www.maimai.cn/*', '*://m.maimai.cn/*'], ['*://github.com/*']]),
  );
  expect(scripts.every((s) => s.world === undefined)).toBe(true);
});
