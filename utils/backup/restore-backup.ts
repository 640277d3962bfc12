import { ulid } from 'ulidx';
import { TABLE_OF } from '../db/local-change';
import type { Store } from '../db/store';
import { parseRecord, type EntityName } from '../schema';
import { latestClock, mergeFields, type FieldState } from '../sync/merge';
import { clearQueue, queueMutations } from '../sync/outbox';
import type { Mutation } from '../sync/protocol';
import { BACKUP_TABLES, BackupError, parseBackup, type Backup } from './format';

export type RestoreMode = 'merge' | 'replace';

export interface RestoreResult {
  mode: RestoreMode;
  /** Records that were not here before. */
  added: number;
  /** Records here before that took at least one field from the backup. */
  updated: number;
  /** Records the backup could not improve on: every field here is as new or newer. */
  unchanged: number;
  intel: number;
  /** Pitch templates added or replaced by a newer copy. */
  pitches: number;
  /** Mutations queued so a sync server learns what the restore changed. */
  queued: number;
}

type Row = Record<string, unknown> & { id: string; clocks: Record<string, string> };

function heldState(row: Row): FieldState {
  const { clocks, id: _id, updatedAt: _u, ...data } = row;
  return { data, clocks };
}

/**
 * A backed-up record's fields with their clocks. A field with a clock but no value was unset (a
 * forgotten person's name): it comes in as null, so the unset wins over older values held here.
 */
function incomingState(row: Row): FieldState {
  const state = heldState(row);
  for (const field of Object.keys(state.clocks)) if (!(field in state.data)) state.data[field] = null;
  return state;
}

function syncable(entity: EntityName, row: Row): boolean {
  return !(entity === 'note' && row.visibility === 'private');
}

/** One mutation per clock: a field keeps the clock it was written at, so the server merges it as sync would. */
function mutationsFor(entity: EntityName, row: Row, fields: readonly string[]): Mutation[] {
  const byClock = new Map<string, Record<string, unknown>>();
  for (const field of fields) {
    const clock = row.clocks[field];
    if (!clock) continue;
    const group = byClock.get(clock) ?? {};
    group[field] = row[field] ?? null;
    byClock.set(clock, group);
  }
  return [...byClock].map(([hlc, f]) => ({ mutationId: ulid(), entity, id: row.id, hlc, fields: f }));
}

function newestClock(backup: Backup): string {
  let max = '';
  for (const [key] of BACKUP_TABLES) {
    for (const row of backup[key] as Row[]) {
      const c = latestClock(row.clocks);
      if (c > max) max = c;
    }
  }
  return max;
}

/**
 * Restore a backup, validated in full before anything is written (a malformed or newer file
 * throws a BackupError and changes nothing). `merge` keeps, field by field, whichever side wrote
 * last — the same rule as sync, so neither side loses a newer edit. `replace` empties the profile
 * (and its unsent changes) and loads the backup as it is. Either way it is one transaction, and
 * what changed is queued for the sync server with its original clocks.
 */
export async function restoreBackup(store: Store, input: unknown, options: { mode: RestoreMode }): Promise<RestoreResult> {
  const backup = parseBackup(input);
  const { db, clock } = store;
  const max = newestClock(backup);
  try {
    if (max) clock.receive(max);
  } catch {
    throw new BackupError('This backup has edits dated more than a day in the future (a wrong clock on the device that made it); it was not restored.');
  }
  const result: RestoreResult = { mode: options.mode, added: 0, updated: 0, unchanged: 0, intel: 0, pitches: 0, queued: 0 };
  const tables = [db.people, db.companies, db.notes, db.pipelines, db.entries, db.intel, db.pitches, db.outbox, db.meta];

  await db.transaction('rw', tables, async () => {
    const outbox: Mutation[] = [];
    if (options.mode === 'replace') {
      for (const [, entity] of BACKUP_TABLES) await db.table(TABLE_OF[entity]).clear();
      // Unsent changes belong to the data being replaced; pushed later they would bring it back.
      await clearQueue(db);
      if (backup.intel) await db.intel.clear();
      if (backup.pitches) await db.pitches.clear();
    }
    for (const [key, entity] of BACKUP_TABLES) {
      const table = db.table(TABLE_OF[entity]);
      const incoming = backup[key] as Row[];
      if (options.mode === 'replace') {
        await table.bulkPut(incoming);
        result.added += incoming.length;
        for (const row of incoming) if (syncable(entity, row)) outbox.push(...mutationsFor(entity, row, Object.keys(row.clocks)));
        continue;
      }
      const current = (await table.bulkGet(incoming.map((r) => r.id))) as (Row | undefined)[];
      const changedRows: Row[] = [];
      incoming.forEach((row, i) => {
        const held = current[i];
        const merged = mergeFields(held && heldState(held), incomingState(row));
        if (merged.changedFields.length === 0) {
          result.unchanged++;
          return;
        }
        const candidate = { ...merged.data, id: row.id, updatedAt: latestClock(merged.clocks) };
        const parsed = parseRecord(entity, candidate);
        if (!parsed.success) {
          throw new BackupError(`The backup's ${entity} ${row.id} cannot be merged with the one here; nothing was restored.`);
        }
        const next = { ...parsed.data, id: row.id, clocks: merged.clocks } as Row;
        changedRows.push(next);
        if (held) result.updated++;
        else result.added++;
        if (syncable(entity, next)) outbox.push(...mutationsFor(entity, next, merged.changedFields));
      });
      await table.bulkPut(changedRows);
    }
    if (backup.intel) {
      const held = await db.intel.bulkGet(backup.intel.map((i) => i.id));
      const newer = backup.intel.filter((item, i) => !held[i] || held[i]!.fetchedAt < item.fetchedAt);
      await db.intel.bulkPut(newer);
      result.intel = newer.length;
    }
    if (backup.pitches) {
      // Templates are not synced and have no field clocks: the later edit of a whole template wins.
      const held = await db.pitches.bulkGet(backup.pitches.map((p) => p.id));
      const newer = backup.pitches.filter((p, i) => !held[i] || held[i]!.updatedAt < p.updatedAt);
      await db.pitches.bulkPut(newer);
      result.pitches = newer.length;
    }
    await queueMutations(db, outbox);
    result.queued = outbox.length;
    await db.meta.put({ key: 'hlc', value: clock.current() });
  });
  return result;
}
