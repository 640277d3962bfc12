import type { XlsxPackageOptions } from './xlsx-writer';

/** What the popup sends the XLSX package worker, in order: open, the sheet's XML in batches, finish. */
export type XlsxPackageRequest = { kind: 'open'; options: XlsxPackageOptions } | { kind: 'sheet'; xml: string } | { kind: 'finish'; type: string };

/** One `ack` per sheet batch compressed; then the file, or why it failed. */
export type XlsxPackageReply = { kind: 'ack' } | { kind: 'done'; blob: Blob } | { kind: 'failed'; message: string };
