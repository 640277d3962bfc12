import { XlsxPackage } from './xlsx-writer';
import type { XlsxPackageReply, XlsxPackageRequest } from './xlsx-package-messages';

/**
 * Compresses an XLSX package off the popup's thread: the popup sends the sheet's XML batch by
 * batch and gets the file back as a Blob. Deflating in the popup allocated ~100 MB of short-lived
 * buffers per 100,000 rows, and each collection of the popup's heap (which holds the whole talent
 * bank) then held its thread for up to a second.
 */

const scope = self as unknown as { onmessage: ((e: MessageEvent<XlsxPackageRequest>) => void) | null; postMessage(reply: XlsxPackageReply): void };
let pkg: XlsxPackage | undefined;

scope.onmessage = ({ data: request }) => {
  try {
    if (request.kind === 'open') pkg = new XlsxPackage(request.options);
    else if (!pkg) throw new Error('the XLSX package was not opened');
    else if (request.kind === 'sheet') {
      pkg.push(request.xml);
      scope.postMessage({ kind: 'ack' });
    } else scope.postMessage({ kind: 'done', blob: new Blob(pkg.finish() as BlobPart[], { type: request.type }) });
  } catch (e) {
    scope.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
