import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001_initial';

/**
 * Listed by hand rather than read from the directory, so that migrations work the same under
 * tsx, in a bundle and in tests. Add new ones here; names sort in the order they run.
 */
const migrations: Record<string, Migration> = {
  '001_initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
