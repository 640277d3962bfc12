import { getDb } from '../db/database';
import { exportFromDb, type ExportJob } from './export-job';

/**
 * The export worker: reads the people, entries and notes from IndexedDB itself and renders the
 * file, so a 100,000-row export neither holds the popup's thread nor grows its heap. One job per
 * worker; the popup terminates it to cancel.
 */

export type ExportWorkerReply = { kind: 'progress'; done: number; total: number } | { kind: 'done'; blob: Blob } | { kind: 'failed'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<ExportJob>) => void) | null; postMessage(reply: ExportWorkerReply): void };

scope.onmessage = (event) => {
  const reply = (r: ExportWorkerReply) => scope.postMessage(r);
  exportFromDb(getDb(), event.data, { onProgress: (p) => reply({ kind: 'progress', ...p }) })
    .then((blob) => reply({ kind: 'done', blob }))
    .catch((e: unknown) => reply({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
};
