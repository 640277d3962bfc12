import { ulid } from 'ulidx';
import { ENTITY_SCHEMAS, describeZodError, type EntityName } from '../schema';
import type { HybridClock } from '../sync/hlc';
import { fieldsAt, latestClock, mergeFields, type FieldState } from '../sync/merge';
import type { SyncedRecord } from '../sync/protocol';
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
  const parsed = ENTITY_SCHEMAS[entity].safeParse(candidate);
  if (!parsed.success) throw new InvalidRecordError(`${entity} ${id}: ${describeZodError(parsed.error)}`);
  return { row: { ...parsed.data, clocks: merged.clocks } as Row, changed: merged.changedFields.length > 0 };
}

/** Notes marked private stay on this device (DESIGN §3). */
function isSyncable(entity: EntityName, row: Row): boolean {
  return !(entity === 'note' && row.visibility === 'private');
}

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
  const table = db.table(TABLE_OF[entity]);
  await db.transaction('rw', table, db.outbox, db.meta, async () => {
    const hlc = clock.tick();
    const current = (await table.get(id)) as Row | undefined;
    const { row, changed } = mergedRow(entity, id, current, fieldsAt(fields, hlc));
    if (!changed) return;
    await table.put(row);
    if (isSyncable(entity, row)) await db.outbox.add({ mutationId: ulid(), entity, id, hlc, fields });
    await db.meta.put({ key: 'hlc', value: hlc });
  });
}

/** Apply records pulled from the server. Returns how many changed something locally. */
export async function applyRemoteRecords(db: ScoutbookDb, clock: HybridClock, records: SyncedRecord[]): Promise<number> {
  let changedCount = 0;
  const tables = Object.values(TABLE_OF).map((t) => db.table(t));
  await db.transaction('rw', tables, async () => {
    for (const rec of records) {
      const table = db.table(TABLE_OF[rec.entity]);
      const current = (await table.get(rec.id)) as Row | undefined;
      try {
        for (const c of Object.values(rec.clocks)) clock.receive(c);
        const { row, changed } = mergedRow(rec.entity, rec.id, current, { data: rec.data, clocks: rec.clocks });
        if (changed) {
          await table.put(row);
          changedCount++;
        }
      } catch (e) {
        // One bad record (invalid, or a clock far in the future) from the server must not block the rest of the pull; it is logged and skipped.
        console.warn('[scoutbook] skipped a record from the server:', (e as Error).message);
      }
    }
  });
  return changedCount;
}
