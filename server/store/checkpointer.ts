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
 * Under sustained writes a passive checkpoint never catches up with the head of the WAL (writers
 * append while it copies), and a writer starts the log over only when it has been copied in full,
 * so the log keeps growing. Once it holds more than `restartBytes` of frames, the worker follows
 * its passive pass with a RESTART checkpoint, which has only the frames of the last moment left to
 * copy and makes writers wait (busy_timeout) for just that; the next writer then starts the log
 * over. The measure is the frames in the log, not the file's size: a restarted log reuses its file
 * and the file never shrinks, so judged by its size every tick after the first restart was a
 * RESTART, stalling writers (with better-sqlite3, the event loop) four times a second.
 */
export interface CheckpointerOptions {
  everyMs: number;
  restartBytes: number;
}

const DEFAULTS: CheckpointerOptions = { everyMs: 250, restartBytes: 256 * 1024 * 1024 };

// Plain CommonJS run with `eval`: a .ts worker file would need the TypeScript loader in the worker too.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const pageSize = db.pragma('page_size', { simple: true });
// The log's length at the last RESTART: until a writer starts it over, it has nothing new to copy.
let restartedAt = -1;
const checkpoint = () => {
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (log * pageSize > workerData.restartBytes && log !== restartedAt) {
      db.pragma('wal_checkpoint(RESTART)');
      restartedAt = log;
      parentPort.postMessage({ restarted: true });
    }
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
  /** RESTART checkpoints run so far (each makes writers wait for a moment). */
  readonly restarts: number;
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
  let restarts = 0;
  worker.on('message', (m: { error?: string; restarted?: boolean }) => {
    if (m.restarted) restarts += 1;
    if (m.error) onError(m.error);
  });
  worker.on('error', (e) => onError(e.message));
  worker.on('exit', (code) => {
    exited = true;
    if (!stopping && code !== 0) onError(`checkpoint worker exited with ${code}`);
  });
  let stopped: Promise<void> | undefined;
  return {
    get restarts() {
      return restarts;
    },
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
