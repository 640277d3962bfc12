import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer, type Checkpointer } from '../../server/store/checkpointer';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WAL checkpointer (SQLite)', () => {
  let dir: string | undefined;
  let db: SqliteDatabase.Database | undefined;
  let checkpointer: Checkpointer | undefined;

  afterEach(async () => {
    await checkpointer?.stop();
    db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = db = checkpointer = undefined;
  });

  function open(restartBytes: number): { file: string; write(transactions: number): void } {
    dir = mkdtempSync(join(tmpdir(), 'scoutbook-ckpt-'));
    const file = join(dir, 'db.sqlite');
    const database = new SqliteDatabase(file);
    db = database;
    database.pragma('journal_mode = WAL');
    database.pragma('wal_autocheckpoint = 0');
    database.pragma('busy_timeout = 5000');
    database.exec('create table t (id integer primary key, body blob not null)');
    checkpointer = startCheckpointer(file, (reason) => {
      throw new Error(reason);
    }, { everyMs: 10, restartBytes });
    const insert = database.prepare('insert into t (body) values (?)');
    // About 25 pages of WAL per transaction.
    const write = (transactions: number) => {
      for (let i = 0; i < transactions; i++) database.transaction(() => {
        for (let k = 0; k < 20; k++) insert.run(Buffer.alloc(4000, k));
      })();
    };
    return { file, write };
  }

  it('restarts a log that writers keep ahead of its passive passes, which bounds the WAL file', async () => {
    const { file, write } = open(256 * 1024);
    // Bursts of writes that the worker's passes run behind (they run on another thread meanwhile),
    // with short pauses in which its RESTART can take the write lock.
    for (let round = 0; round < 16; round++) {
      write(40);
      await sleep(30);
    }
    expect(checkpointer!.restarts).toBeGreaterThan(0);
    // 16 bursts of about 3.3 MB of frames each: a log that never restarted would hold all 53 MB.
    expect(statSync(`${file}-wal`).size).toBeLessThan(24 * 1024 * 1024);
  });

  it('does not keep restarting once the writes stop, though the WAL file stays as big as it grew', async () => {
    const { file, write } = open(256 * 1024);
    for (let round = 0; round < 20; round++) {
      write(4);
      await sleep(12);
    }
    // The last log may still earn its one RESTART (the worker can lag on a busy machine); after
    // that, none. A worker that kept restarting would never settle.
    let settled = -1;
    await expect
      .poll(
        async () => {
          settled = checkpointer!.restarts;
          await sleep(150);
          return checkpointer!.restarts === settled;
        },
        { timeout: 10_000, interval: 0 },
      )
      .toBe(true);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(256 * 1024);
    // Forty more ticks of the worker with nothing to copy: a RESTART would only make writers wait.
    await sleep(400);
    expect(checkpointer!.restarts).toBe(settled);
  });
});
