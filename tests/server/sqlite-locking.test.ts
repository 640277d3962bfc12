import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql, type KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPush } from '../../server/apply-push';
import { openStore, type Store } from '../../server/store/open';
import { importIntel } from '../../server/store/intel';
import { ensureTeam } from '../../server/store/teams';
import { createToken } from '../../server/store/tokens';
import { batch, newPerson } from './support/records';

/**
 * Two connections to one WAL file, as when the CLI (or the WAL checkpointer's worker) uses the
 * database while `serve` runs. better-sqlite3 is synchronous, so the second connection acts at
 * exact points of the server's transaction, in this one thread.
 */
describe('SQLite write transactions under a second connection', () => {
  let dir: string | undefined;
  let store: Store | undefined;
  let other: SqliteDatabase.Database | undefined;

  afterEach(async () => {
    other?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = store = other = undefined;
  });

  async function open(): Promise<{ store: Store; other: SqliteDatabase.Database }> {
    dir = mkdtempSync(join(tmpdir(), 'scoutbook-locking-'));
    const file = join(dir, 'db.sqlite');
    store = await openStore(file);
    other = new SqliteDatabase(file);
    // It cannot wait here: waiting would block the thread that runs the server's transaction.
    other.pragma('busy_timeout = 0');
    return { store, other };
  }

  it('takes the write lock at BEGIN, so a write committed by another connection mid-transaction cannot make it fail', async () => {
    const { store, other } = await open();
    const team = await ensureTeam(store.db, 'acme');
    // After the transaction's first read, the other connection tries to commit a write of its own.
    let otherWrite: string | undefined;
    const interleave: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        if (otherWrite === undefined) {
          try {
            other.prepare("insert into teams (id, name, seq, created_at) values ('T-OTHER', 'other', 0, '2026-01-01T00:00:00.000Z')").run();
            otherWrite = 'committed';
          } catch (error) {
            otherWrite = (error as { code?: string }).code ?? String(error);
          }
        }
        return args.result;
      },
    };
    // An intel import first reads which stories the team has, then inserts. In a DEFERRED
    // transaction the other commit made that read's snapshot stale, and the insert failed with
    // SQLITE_BUSY_SNAPSHOT, which busy_timeout does not wait for.
    const story = { companyName: 'Acme', type: 'funding', title: 'Acme raises a Series A', url: 'https://news.example/1', publishedAt: '2026-01-02T08:00:00+08:00' } as const;
    expect(await importIntel(store.db.withPlugin(interleave), team.id, [story])).toEqual({ inserted: 1, present: 0 });
    // The other connection found the lock taken (it would wait for it under its own busy_timeout).
    expect(otherWrite).toBe('SQLITE_BUSY');
    expect(await store.db.selectFrom('intel_items').select('title').execute()).toEqual([{ title: story.title }]);
    expect((await store.db.selectFrom('teams').select('name').execute()).map((t) => t.name)).toEqual(['acme']);
  });

  it('runs a push again when SQLite refuses the lock, instead of failing it', async () => {
    const { store, other } = await open();
    await createToken(store.db, 'acme', 'ada@example.com');
    const team = await store.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
    // SQLite sometimes refuses a writer without waiting out busy_timeout (seen while the WAL
    // checkpointer's RESTART ran); a short timeout stands for that refusal here.
    await sql`pragma busy_timeout = 20`.execute(store.db);
    other.exec('begin immediate');
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.exec('commit');
        resolve();
      }, 60),
    );
    const body = batch(newPerson(1, 'a'), newPerson(2, 'b'));
    const result = await applyPush(store.db, { teamId: team.id }, body.mutations);
    await released;
    expect(result).toEqual({ applied: 2, duplicates: 0, seq: 2 });
    const rows = await store.db.selectFrom('records').select('seq').orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
    expect(await store.db.selectFrom('applied_mutations').select('mutation_id').execute()).toHaveLength(2);
  });

  it('gives up after a few tries and writes nothing while the lock stays taken', async () => {
    const { store, other } = await open();
    await createToken(store.db, 'acme', 'ada@example.com');
    const team = await store.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
    await sql`pragma busy_timeout = 5`.execute(store.db);
    other.exec('begin immediate');
    try {
      await expect(applyPush(store.db, { teamId: team.id }, batch(newPerson(1)).mutations)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      other.exec('commit');
    }
    expect(await store.db.selectFrom('records').select('id').execute()).toEqual([]);
    expect(await store.db.selectFrom('applied_mutations').select('mutation_id').execute()).toEqual([]);
  });
});
