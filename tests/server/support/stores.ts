import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../../server/store/open';

/** A way to get a fresh, empty, migrated store; the suites run once per available engine. */
export interface StoreKind {
  name: 'sqlite' | 'postgres';
  open(): Promise<Store>;
  /** Drops whatever `open` created for the test file. */
  dispose(): Promise<void>;
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

const sqlite: StoreKind = { name: 'sqlite', open: () => openStore(':memory:'), dispose: async () => {} };

/** Children before parents, for the foreign keys. */
const TABLES = [
  'alerts',
  'intel_links',
  'project_links',
  'company_aliases',
  'feeds',
  'intel_items',
  'record_keys',
  'applied_mutations',
  'records',
  'tokens',
  'users',
  'teams',
] as const;

/**
 * Each test file gets its own schema, so files can run in parallel on one database; it is
 * migrated once and emptied before every test, which is much faster than migrating per test.
 */
function postgres(url: string): StoreKind {
  let scopedUrl: string | undefined;
  let schema: string | undefined;
  return {
    name: 'postgres',
    async open() {
      if (!scopedUrl) {
        schema = `test_${randomBytes(6).toString('hex')}`;
        await admin(url, `create schema ${schema}`);
        const scoped = new URL(url);
        scoped.searchParams.set('options', `-c search_path=${schema}`);
        scopedUrl = scoped.toString();
      }
      const store = await openStore(scopedUrl);
      for (const table of TABLES) await store.db.deleteFrom(table).execute();
      return store;
    },
    async dispose() {
      if (schema) await admin(url, `drop schema ${schema} cascade`);
      schema = scopedUrl = undefined;
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

if (!TEST_DATABASE_URL) {
  console.warn('[scoutbook] TEST_DATABASE_URL is not set: the server suites run on SQLite only, PostgreSQL is skipped.');
}

export const STORE_KINDS: StoreKind[] = TEST_DATABASE_URL ? [sqlite, postgres(TEST_DATABASE_URL)] : [sqlite];
