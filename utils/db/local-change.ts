import { monotonicFactory } from 'ulidx';
import { describeZodError, parseRecord, type EntityName } from '../schema';
import type { HybridClock } from '../sync/hlc';
import { fieldsAt, latestClock, mergeFields, type FieldState } from '../sync/merge';
import { queueMutations } from '../sync/outbox';
import type { Mutation, SyncedRecord } from '../sync/protocol';
import type { ScoutbookDb } from './database';

export const TABLE_OF = {
  person: 'people',
  company: 'companies',
  note: 'notes',
  pipeline: 'pipelines',
  entry: 'entries',
} as const satisfies Record<EntityName, keyof ScoutbookDb>;

export class InvalidRecordError extends Error {}

type Row = Record<string, unknown> & { id: string; clocks: Record<string, string> };

function stateOf(row: Row | undefined): FieldState | undefined {
  if (!row) return undefined;
  const { clocks, id: _id, updatedAt: _u, ...data } = row;
  return { data, clocks };
}

/** Merge a field state into a row and check the result against the entity's schema. */
function mergedRow(entity: EntityName, id: string, current: Row | undefined, incoming: FieldState) {
  const merged = mergeFields(stateOf(current), incoming);
  const candidate = { ...merged.data, id, updatedAt: latestClock(merged.clocks) };
  const parsed = parseRecord(entity, candidate);
  if (!parsed.success) throw new InvalidRecordError(`${entity} ${id}: ${describeZodError(parsed.error)}`);
  return { row: { ...parsed.data, clocks: merged.clocks } as Row, changed: merged.changedFields.length > 0 };
}

/** Notes marked private stay on this device (DESIGN §3). */
function isSyncable(entity: EntityName, row: Row): boolean {
  return !(entity === 'note' && row.visibility === 'private');
}

export interface LocalChange {
  entity: EntityName;
  id: string;
  fields: Record<string, unknown>;
  /**
   * The id was minted just now for a new record, so nothing stored can hold it: it is not read
   * (an import of 100,000 new people would otherwise read 100,000 misses).
   */
  fresh?: boolean;
}

/**
 * Mutation ids only need to be unique. ulid() draws 16 random numbers from WebCrypto per id (a
 * fifth of a 1,000-record batch's time in Chromium); a monotonic factory draws them once per
 * millisecond and counts up within it.
 */
const mutationId = monotonicFactory();

/**
 * Apply a change made on this device: tick the clock, merge the fields, validate, store, and queue
 * the mutation for the sync server — all in one transaction, so nothing is half-applied.
 */
export async function applyLocalChange(
  db: ScoutbookDb,
  clock: HybridClock,
  entity: EntityName,
  id: string,
  fields: Record<string, unknown>,
): Promise<void> {
  await applyLocalChanges(db, clock, [{ entity, id, fields }]);
}

/**
 * Many changes in order, in one transaction: all of them or none. One bulkGet, bulkPut and bulkAdd
 * per table instead of four awaited requests per record — in Chromium each is a round trip to the
 * browser process, and 1,000 records one by one took 2–8 s. Returns the clock each change was
 * written at (undefined when it changed nothing), by which undo can tell whether a field still
 * holds this write.
 */
export async function applyLocalChanges(
  db: ScoutbookDb,
  clock: HybridClock,
  changes: readonly LocalChange[],
): Promise<(string | undefined)[]> {
  if (!changes.length) return [];
  const tableNames = [...new Set(changes.map((c) => TABLE_OF[c.entity]))];
  return db.transaction('rw', [...tableNames.map((t) => db.table(t)), db.outbox, db.meta], async () => {
    const rows = new Map<string, Map<string, Row | undefined>>();
    for (const name of tableNames) {
      const ids = [...new Set(changes.filter((c) => TABLE_OF[c.entity] === name && !c.fresh).map((c) => c.id))];
      const found = ids.length ? ((await db.table(name).bulkGet(ids)) as (Row | undefined)[]) : [];
      rows.set(name, new Map(ids.map((id, i) => [id, found[i]])));
    }
    const written = new Map<string, Map<string, Row>>(tableNames.map((t) => [t, new Map()]));
    const mutations: Mutation[] = [];
    let lastHlc: string | undefined;
    const clocks: (string | undefined)[] = [];
    for (const c of changes) {
      const table = TABLE_OF[c.entity];
      const hlc = clock.tick();
      const { row, changed } = mergedRow(c.entity, c.id, rows.get(table)!.get(c.id), fieldsAt(c.fields, hlc));
      clocks.push(changed ? hlc : undefined);
      if (!changed) continue;
      rows.get(table)!.set(c.id, row);
      written.get(table)!.set(c.id, row);
      if (isSyncable(c.entity, row)) mutations.push({ mutationId: mutationId(), entity: c.entity, id: c.id, hlc, fields: c.fields });
      lastHlc = hlc;
    }
    // Sent together, not one awaited after the other: IndexedDB runs them in this order anyway, and
    // each await is a round trip to the browser process (an import makes hundreds of these batches).
    const writes: Promise<unknown>[] = [];
    for (const [name, byId] of written) if (byId.size) writes.push(db.table(name).bulkPut([...byId.values()]));
    if (mutations.length) writes.push(queueMutations(db, mutations));
    if (lastHlc) writes.push(db.meta.put({ key: 'hlc', value: lastHlc }));
    await Promise.all(writes);
    return clocks;
  });
}

/**
 * A pulled page checked ahead of its transaction: each record as it would be stored were it new
 * (merged into nothing and validated), or why it is refused. `applyPulledPage` uses the result for
 * records the device does not hold, which on a first sync is nearly all of them, so that this work
 * can run while the previous page is still being written.
 */
export interface PulledPage {
  records: SyncedRecord[];
  asNew: ({ row: Row } | { error: string })[];
}

export function preparePulledPage(clock: HybridClock, records: SyncedRecord[]): PulledPage {
  // The page's newest clock is enough: receiving it leaves the clock where receiving them all
  // would. Only when it is refused (too far ahead) is each record's checked, to refuse just those.
  let pageNewest = '';
  for (const rec of records) {
    const newest = latestClock(rec.clocks);
    if (newest > pageNewest) pageNewest = newest;
  }
  let eachRecord = false;
  try {
    if (pageNewest) clock.receive(pageNewest);
  } catch {
    eachRecord = true;
  }
  const asNew = records.map((rec) => {
    try {
      if (eachRecord) {
        const newest = latestClock(rec.clocks);
        if (newest) clock.receive(newest);
      }
      return { row: newRow(rec) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  return { records, asNew };
}

/**
 * A pulled record as stored when nothing is held for it: what mergedRow(…, undefined, …) gives,
 * built in one pass (a first sync does this 100,000 times; the copies showed in its profile).
 */
function newRow(rec: SyncedRecord): Row {
  const candidate: Record<string, unknown> = {};
  const clocks: Record<string, string> = {};
  let updatedAt = '';
  for (const field in rec.data) {
    const clock = rec.clocks[field];
    if (clock === undefined) continue;
    clocks[field] = clock;
    if (clock > updatedAt) updatedAt = clock;
    const value = rec.data[field];
    // JSON has no undefined: null on the wire means "unset this field".
    if (value !== undefined && value !== null) candidate[field] = value;
  }
  candidate.id = rec.id;
  candidate.updatedAt = updatedAt;
  const parsed = parseRecord(rec.entity, candidate);
  if (!parsed.success) throw new InvalidRecordError(`${rec.entity} ${rec.id}: ${describeZodError(parsed.error)}`);
  const row = parsed.data as Row;
  row.clocks = clocks;
  return row;
}

/**
 * The sync cursor moving with a page: the page commits only if the cursor still holds `from` when
 * its transaction runs, and leaves `to` in it: a page never commits without its cursor, out of
 * order, or after the page before it failed, however its writes are scheduled.
 */
export interface CursorMove {
  key: string;
  from: unknown;
  to: unknown;
}

/** A page found the cursor elsewhere than where its predecessor should have left it: written out of order, or after a failure. */
export class PageOrderError extends Error {}

/**
 * Apply a pulled page in one transaction, all of it or nothing: one key-range read, at most one
 * bulkGet and one bulkPut per table, rather than a get and a put per record. Returns how many
 * records changed something locally. `cursor` is checked and moved in the same transaction
 * (CursorMove).
 */
export async function applyPulledPage(db: ScoutbookDb, page: PulledPage, cursor?: CursorMove): Promise<number> {
  const { records, asNew } = page;
  let changedCount = 0;
  const tableNames = [...new Set(records.map((r) => TABLE_OF[r.entity]))];
  await db.transaction('rw', [...tableNames.map((t) => db.table(t)), db.meta], async () => {
    const held = cursor ? db.meta.get(cursor.key) : undefined;
    held?.catch(() => {}); // awaited below, after the reads sent alongside
    const rows = new Map<string, Map<string, Row | undefined>>();
    for (const name of tableNames) {
      const ids = [...new Set(records.filter((r) => TABLE_OF[r.entity] === name).map((r) => r.id))];
      rows.set(name, await storedRows(db, name, ids));
    }
    if (cursor) {
      const found = (await held)?.value;
      if (found !== cursor.from) throw new PageOrderError(`this page follows cursor ${String(cursor.from)}, but the stored cursor is ${String(found)}`);
    }
    const written = new Map<string, Map<string, Row>>(tableNames.map((t) => [t, new Map()]));
    records.forEach((rec, i) => {
      const table = TABLE_OF[rec.entity];
      const current = rows.get(table)!.get(rec.id);
      const prepared = asNew[i]!;
      try {
        if (!current && 'error' in prepared) throw new InvalidRecordError(prepared.error);
        const { row, changed } = current ? mergedRow(rec.entity, rec.id, current, { data: rec.data, clocks: rec.clocks }) : { row: (prepared as { row: Row }).row, changed: true };
        if (changed) {
          rows.get(table)!.set(rec.id, row);
          written.get(table)!.set(rec.id, row);
          changedCount++;
        }
      } catch (e) {
        // One bad record (invalid, or a clock far in the future) from the server must not block the rest of the pull; it is logged and skipped.
        console.warn('[scoutbook] skipped a record from the server:', (e as Error).message);
      }
    });
    const writes: Promise<unknown>[] = [];
    for (const [name, byId] of written) if (byId.size) writes.push(db.table(name).bulkPut([...byId.values()]));
    if (cursor) writes.push(db.meta.put({ key: cursor.key, value: cursor.to }));
    await Promise.all(writes);
  });
  return changedCount;
}

/** Apply records pulled from the server (see applyPulledPage). Returns how many changed something locally. */
export function applyRemoteRecords(db: ScoutbookDb, clock: HybridClock, records: SyncedRecord[]): Promise<number> {
  return applyPulledPage(db, preparePulledPage(clock, records));
}

/**
 * The stored rows of these ids. A first sync pulls records in creation order, so a page's ids are
 * mostly above everything stored: one key-range read of the stored ids between the page's lowest
 * and highest first, and rows are read only for ids that are there (a hundred pages of 1,000 misses
 * cost seconds in Chromium). When the range holds many stored ids (an incremental sync touching
 * records all over), every id is read.
 */
async function storedRows(db: ScoutbookDb, name: string, ids: string[]): Promise<Map<string, Row | undefined>> {
  const table = db.table(name);
  const sorted = [...ids].sort();
  const present = (await table.where(':id').between(sorted[0], sorted.at(-1), true, true).limit(2 * ids.length + 1).primaryKeys()) as string[];
  const stored = new Set(present);
  const wanted = present.length > 2 * ids.length ? ids : ids.filter((id) => stored.has(id));
  const found = wanted.length ? ((await table.bulkGet(wanted)) as (Row | undefined)[]) : [];
  const byId = new Map<string, Row | undefined>(ids.map((id) => [id, undefined]));
  wanted.forEach((id, i) => byId.set(id, found[i]));
  return byId;
}
