import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001_initial';
import * as roles from './002_roles';
import * as ownershipAlerts from './003_ownership_alerts';
import * as intelFeeds from './004_intel_feeds';
import * as appliedMutationsWithoutRowid from './005_applied_mutations_without_rowid';

/**
 * Listed by hand rather than read from the directory, so that migrations work the same under
 * tsx, in a bundle and in tests. Add new ones here; names sort in the order they run.
 */
const migrations: Record<string, Migration> = {
  '001_initial': initial,
  '002_roles': roles,
  '003_ownership_alerts': ownershipAlerts,
  '004_intel_feeds': intelFeeds,
  '005_applied_mutations_without_rowid': appliedMutationsWithoutRowid,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
