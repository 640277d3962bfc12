import { abortError, type CooperativeOptions } from '../import/cooperative';
import type { ExportJob } from './export-job';
import type { ExportWorkerReply } from './export.worker';
// Vite bundles the worker into its own module file of the extension (no web_accessible_resources needed).
import ExportWorker from './export.worker?worker';

/** Whether this page can run the export worker (extension pages can; jsdom and Node cannot). */
export function canExportInWorker(): boolean {
  return typeof Worker !== 'undefined';
}

/**
 * Run an export in a worker. Cancelling terminates it: nothing it started survives, and the
 * promise rejects with an AbortError as the in-page export does.
 */
export function exportInWorker(job: ExportJob, options: CooperativeOptions = {}): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) => {
    if (options.signal?.aborted) return reject(abortError('Export cancelled'));
    const worker = new ExportWorker();
    const stop = () => {
      worker.terminate();
      reject(abortError('Export cancelled'));
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      options.signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<ExportWorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') return options.onProgress?.({ done: reply.done, total: reply.total });
      finish();
      if (reply.kind === 'done') resolve(reply.blob);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the export worker failed to start'));
    };
    worker.postMessage(job);
  });
}
