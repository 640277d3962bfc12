import 'fake-indexeddb/auto';
import { configure } from '@testing-library/dom';
import { beforeAll } from 'vitest';

// Popup views are lazy chunks; on a loaded CI machine their first import alone can pass
// testing-library's 1 s default (CI failed that way on the bulk-export test).
configure({ asyncUtilTimeout: 10_000 });

// The popup loads some modules only once it has mounted (its first paint does without them). A
// component test can end before such an import resolves, and a module fetched after the test
// environment is torn down fails the run; loaded first, they resolve from the module cache.
// (In a hook: loaded before WXT's fake browser is installed, the storage module would hold none.)
beforeAll(async () => {
  if (typeof document === 'undefined') return;
  await Promise.all([
    import('@/utils/prefs/prefs'),
    import('@/utils/reminders/settings'),
    import('@/utils/messaging/send'),
    import('@/components/popup/SyncFooter'),
    import('@/components/popup/team/TeamAlerts'),
  ]);
});
