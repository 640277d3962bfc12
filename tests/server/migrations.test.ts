import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import * as initial from '../../server/store/migrations/001_initial';
import { openStore } from '../../server/store/open';
import { hashToken } from '../../server/store/tokens';

const dir = mkdtempSync(join(tmpdir(), 'scoutbook-migrate-'));
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  rmSync(dir, { recursive: true, force: true });
});

interface Target {
  name: string;
  location: () => Promise<{ url: string; legacy: Kysely<unknown> }>;
}

const targets: Target[] = [
  {
    name: 'sqlite',
    location: async () => {
      const file = join(dir, `legacy-${randomBytes(4).toString('hex')}.sqlite`);
      return { url: file, legacy: new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) }) };
    },
  },
  ...(TEST_DATABASE_URL
    ? [
        {
          name: 'postgres',
          location: async () => {
            const schema = `migrate_${randomBytes(6).toString('hex')}`;
            const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
            await admin.connect();
            await admin.query(`create schema ${schema}`);
            await admin.end();
            cleanups.push(async () => {
              const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
              await c.connect();
              await c.query(`drop schema ${schema} cascade`);
              await c.end();
            });
            const url = new URL(TEST_DATABASE_URL);
            url.searchParams.set('options', `-c search_path=${schema}`);
            return { url: url.toString(), legacy: new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString() }) }) }), schema };
          },
        },
      ]
    : []),
];

describe.each(targets)('upgrading a database made by migration 001 ($name)', (target) => {
  it('keeps every row, gives each team an admin, and backfills ownership and intel links', async () => {
    const { url, legacy } = await target.location();
    const only001: Record<string, Migration> = { '001_initial': initial };
    const schemaName = target.name === 'postgres' ? ((await sql<{ s: string }>`select current_schema() as s`.execute(legacy)).rows[0]!.s) : undefined;
    const migrator = new Migrator({ db: legacy, provider: { getMigrations: async () => only001 }, ...(schemaName && { migrationTableSchema: schemaName }) });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();

    const t = '2024-01-01T00:00:00.000Z';
    const person = { id: '01HPERSON0000000000000000A', name: 'Jane Doe', companyName: 'Acme Robotics', profileKeys: ['linkedin:in/jane-doe', 'maimai:dstu/7'], updatedAt: 'x' };
    const entry = { id: '01HENTRY00000000000000000A', pipelineId: '01HPIPE000000000000000000A', personId: person.id, stageId: 's', ownerId: 'Li.Wei@example.com' };
    await sql`insert into teams (id, name, seq, created_at) values ('T1', 'acme', 3, ${t})`.execute(legacy);
    await sql`insert into users (id, team_id, email, created_at) values ('01HUSER000000000000000000A', 'T1', 'Li.Wei@example.com', ${t}), ('01HUSER000000000000000000B', 'T1', 'ada@example.com', ${t})`.execute(legacy);
    const token = `sb_${'a'.repeat(43)}`;
    await sql`insert into tokens (id, team_id, user_id, token_hash, created_at) values ('K1', 'T1', '01HUSER000000000000000000B', ${hashToken(token)}, ${t})`.execute(legacy);
    await sql`insert into records (team_id, entity, id, seq, data, clocks, deleted) values
      ('T1', 'person', ${person.id}, 1, ${JSON.stringify(person)}, '{}', 0),
      ('T1', 'entry', ${entry.id}, 2, ${JSON.stringify(entry)}, '{}', 0),
      ('T1', 'pipeline', ${entry.pipelineId}, 3, ${JSON.stringify({ id: entry.pipelineId, name: 'Hiring', stages: [{ id: 's', name: 'Sourced' }] })}, '{}', 0)`.execute(legacy);
    await sql`insert into applied_mutations (team_id, mutation_id, applied_at) values ('T1', '01HMAT0000000000000000000A', ${t})`.execute(legacy);
    await sql`insert into intel_items (id, team_id, company_key, company_name, company_name_lower, type, title, url, published_at, created_at)
      values ('I1', 'T1', null, 'Acme Robotics Inc.', 'acme robotics inc.', 'funding', 'Acme raises', 'https://news.example/a?utm_source=x', ${t}, ${t})`.execute(legacy);
    await legacy.destroy();

    const store = await openStore(url);
    try {
      const users = await store.db.selectFrom('users').select(['email', 'role']).orderBy('id').execute();
      expect(users).toEqual([
        { email: 'li.wei@example.com', role: 'admin' },
        { email: 'ada@example.com', role: 'member' },
      ]);
      const records = await store.db.selectFrom('records').select(['id', 'person_id', 'company_name']).orderBy('seq').execute();
      expect(records).toEqual([
        { id: person.id, person_id: null, company_name: 'Acme Robotics' },
        { id: entry.id, person_id: person.id, company_name: null },
        { id: entry.pipelineId, person_id: null, company_name: null },
      ]);
      expect((await store.db.selectFrom('record_keys').select('profile_key').orderBy('profile_key').execute()).map((r) => r.profile_key)).toEqual(['linkedin:in/jane-doe', 'maimai:dstu/7']);

      const app = createApp({ db: store.db, log: () => {} });
      const headers = { authorization: `Bearer ${token}` };
      const owners = (await (await app.request('/v1/owners?keys=maimai:dstu/7', { headers })).json()) as { owners: { entries: { ownerId: string; pipelineName: string }[] }[] };
      expect(owners.owners[0]!.entries).toEqual([expect.objectContaining({ ownerId: 'Li.Wei@example.com', pipelineName: 'Hiring', stageName: 'Sourced' })]);
      // The item keeps its id (clients cached it) and is found by the company's name with or without "Inc.".
      for (const name of ['Acme Robotics Inc.', 'acme robotics']) {
        const intel = (await (await app.request(`/v1/intel?companyName=${encodeURIComponent(name)}`, { headers })).json()) as { items: { id: string; companyName: string }[] };
        expect(intel.items).toEqual([expect.objectContaining({ id: 'I1', companyName: 'Acme Robotics Inc.' })]);
      }
      const item = await store.db.selectFrom('intel_items').select(['canonical_url', 'title_key']).executeTakeFirstOrThrow();
      expect(item).toEqual({ canonical_url: 'news.example/a', title_key: 'acmeraises' });

      // Remembered mutation ids survive 005, which makes their table one b-tree on SQLite.
      expect(await store.db.selectFrom('applied_mutations').selectAll().execute()).toEqual([{ team_id: 'T1', mutation_id: '01HMAT0000000000000000000A', applied_at: t }]);
      if (target.name === 'sqlite') {
        const table = await sql<{ sql: string }>`select sql from sqlite_schema where name = 'applied_mutations'`.execute(store.db);
        expect(table.rows[0]!.sql).toMatch(/without rowid\s*$/i);
        const indexes = await sql<{ name: string }>`select name from sqlite_schema where type = 'index' and tbl_name = 'applied_mutations'`.execute(store.db);
        expect(indexes.rows).toEqual([]);
      }
      // A retried mutation is still recognised after the upgrade.
      const retried = await app.request('/v1/sync/push', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'c', mutations: [{ mutationId: '01HMAT0000000000000000000A', entity: 'person', id: '01HPAT0000000000000000000B', hlc: '001732000000000:00000:c', fields: { name: 'X' } }] }),
      });
      const answer = await retried.json();
      expect(answer, JSON.stringify(answer)).toEqual({ applied: 0, duplicates: 1, seq: 3 });
    } finally {
      await store.close();
    }
  });
});
