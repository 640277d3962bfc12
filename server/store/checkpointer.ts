import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints on a thread of their own. SQLite's automatic checkpoint runs inside the commit
 * that crosses the threshold: it copies the WAL into the database file and fsyncs both, and with
 * better-sqlite3 that blocks the event loop — under push load about a third of a batch's time.
 * A worker with its own connection runs PASSIVE checkpoints instead (they never wait for, nor
 * block, the server's readers and writers). Durability is unchanged: commits still go to the WAL
 * with synchronous=NORMAL, and a checkpoint is crash-safe whichever connection runs it.
 *
 * Under sustained writes a passive checkpoint may never catch up with the head of the WAL, so the
 * file cannot restart; past `restartBytes` the worker asks for a RESTART checkpoint, which makes
 * writers wait (busy_timeout) for the moment it takes.
 */
export interface CheckpointerOptions {
  everyMs: number;
  restartBytes: number;
}

const DEFAULTS: CheckpointerOptions = { everyMs: 250, restartBytes: 256 * 1024 * 1024 };

// Plain CommonJS run with `eval`: a .ts worker file would need the TypeScript loader in the worker too.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const walSize = () => { try { return fs.statSync(workerData.file + '-wal').size; } catch { return 0; } };
const checkpoint = () => {
  try {
    db.pragma(walSize() > workerData.restartBytes ? 'wal_checkpoint(RESTART)' : 'wal_checkpoint(PASSIVE)');
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message || e) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ stopped: true });
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Starts checkpointing `file` in a worker. `onError` hears about a failed checkpoint or a dead
 * worker; the caller should then turn SQLite's own automatic checkpoints back on.
 */
export function startCheckpointer(file: string, onError: (reason: string) => void, options: Partial<CheckpointerOptions> = {}): Checkpointer {
  const { everyMs, restartBytes } = { ...DEFAULTS, ...options };
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { file, driver, everyMs, restartBytes } });
  worker.unref();
  let stopping = false;
  let exited = false;
  worker.on('message', (m: { error?: string }) => {
    if (m.error) onError(m.error);
  });
  worker.on('error', (e) => onError(e.message));
  worker.on('exit', (code) => {
    exited = true;
    if (!stopping && code !== 0) onError(`checkpoint worker exited with ${code}`);
  });
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        stopping = true;
        if (exited) return resolve();
        worker.once('exit', () => resolve());
        // Unref'd so that it never keeps a process alive on its own; while closing, the final
        // checkpoint must be waited for (else Node may exit mid-await, with code 13).
        worker.ref();
        worker.postMessage('stop');
      })),
  };
}
