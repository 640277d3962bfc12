import { abortError } from '../import/cooperative';
import type { XlsxPackageReply, XlsxPackageRequest } from './xlsx-package-messages';
import { XlsxPackage, type XlsxPackageOptions } from './xlsx-writer';
// Vite bundles the worker into its own module file of the extension (no web_accessible_resources needed).
import XlsxPackageWorker from './xlsx-package.worker?worker';

/** Where the sheet's XML goes to be compressed into the package. */
export interface XlsxPackageSink {
  /** Resolves when the sink can take more (a few batches may be in flight). */
  push(xml: string): Promise<void>;
  finish(type: string): Promise<Blob>;
  /** Stops at once; nothing more is written. */
  cancel(): void;
}

/** Batches sent and not yet compressed: enough to keep the worker busy, few enough to bound its queue. */
const IN_FLIGHT = 4;

/** The package compressed on this thread (tests, and pages without workers). */
function onThisThread(options: XlsxPackageOptions): XlsxPackageSink {
  const pkg = new XlsxPackage(options);
  return {
    push: async (xml) => pkg.push(xml),
    finish: async (type) => new Blob(pkg.finish() as BlobPart[], { type }),
    cancel: () => {},
  };
}

function inWorker(options: XlsxPackageOptions): XlsxPackageSink {
  const worker = new XlsxPackageWorker();
  let inFlight = 0;
  let failure: Error | undefined;
  let waiting: (() => void) | undefined;
  let done: { resolve: (blob: Blob) => void; reject: (e: Error) => void } | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    worker.terminate();
    waiting?.();
    done?.reject(failure);
  };
  worker.onmessage = ({ data: reply }: MessageEvent<XlsxPackageReply>) => {
    if (reply.kind === 'ack') {
      inFlight--;
      const wake = waiting;
      waiting = undefined;
      wake?.();
    } else if (reply.kind === 'done') {
      worker.terminate();
      done?.resolve(reply.blob);
    } else fail(new Error(reply.message));
  };
  worker.onerror = (event) => fail(new Error(event.message || 'the XLSX worker failed to start'));
  const send = (request: XlsxPackageRequest) => worker.postMessage(request);
  send({ kind: 'open', options });
  return {
    async push(xml) {
      if (failure) throw failure;
      inFlight++;
      send({ kind: 'sheet', xml });
      while (inFlight >= IN_FLIGHT && !failure) await new Promise<void>((resolve) => (waiting = resolve));
      if (failure) throw failure;
    },
    finish(type) {
      if (failure) return Promise.reject(failure);
      return new Promise<Blob>((resolve, reject) => {
        done = { resolve, reject };
        send({ kind: 'finish', type });
      });
    },
    cancel: () => fail(abortError('Export cancelled')),
  };
}

/** A worker where the page can start one, else this thread. */
export function xlsxPackageSink(options: XlsxPackageOptions): XlsxPackageSink {
  return typeof Worker === 'undefined' ? onThisThread(options) : inWorker(options);
}
