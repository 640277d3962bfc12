import type { EntityTable } from 'dexie';
import { throwIfAborted, yieldToEventLoop } from '../import/cooperative';

/** Records per read: one IndexedDB getAll each, a few milliseconds to deserialise and visit. */
const PAGE = 5_000;

/**
 * Visit every record of a table in primary-key order, one page per IndexedDB request. A cursor
 * (`each`) costs a round trip per record — seconds for 300,000 notes — and one `toArray` of a
 * large table deserialises it all in a single task that holds the thread for most of a second
 * and keeps every record alive at once. Pages keep each task short and let the caller drop what
 * it does not need as it goes.
 */
export async function visitInPages<T extends { id: string }>(
  table: EntityTable<T, 'id'>,
  visit: (record: T) => void,
  signal?: AbortSignal,
  pageSize = PAGE,
): Promise<void> {
  let page = await table.orderBy(':id').limit(pageSize).toArray();
  while (page.length) {
    throwIfAborted(signal, 'Export cancelled');
    for (const record of page) visit(record);
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!.id;
    // Let a click or a paint in between two pages.
    await yieldToEventLoop();
    page = await table.where(':id').above(last).limit(pageSize).toArray();
  }
}
