import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './utils/sites/registry';

/**
 * `SCOUTBOOK_E2E=1` (npm run build:e2e) builds exactly the production extension except that the
 * in-page card's shadow root is open, so Playwright can look inside it. Production roots are closed
 * so the host page cannot read the user's notes (DESIGN §4).
 */
const e2e = process.env.SCOUTBOOK_E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    define: { 'import.meta.env.SCOUTBOOK_SHADOW_MODE': JSON.stringify(e2e ? 'open' : 'closed') },
  }),
  manifest: ({ browser }) => ({
    name: 'Scoutbook',
    description:
      'Your notes, talent bank, pipelines and company intel right on LinkedIn profiles. Local-first; optional self-hosted team sync.',
    // storage: settings; alarms: periodic sync and follow-up reminders; notifications: a reminder when
    // a follow-up falls due. No tabs permission: sendMessage to tabs does not need it.
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage'],
    // Only the sites we annotate (DESIGN §4). The sync server is reached through CORS, not a host permission.
    host_permissions: Object.values(SITE_MATCHES).flat(),
    commands: {
      'save-profile': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the profile or company on this page to Scoutbook',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'scoutbook@scoutbook.dev', strict_min_version: '115.0' } } }
      : {}),
  }),
});
