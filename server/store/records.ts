import type { Kysely } from 'kysely';
import type { EntityName } from '../../utils/schema';
import type { FieldState } from '../../utils/sync/merge';
import type { PullResponse, SyncedRecord } from '../../utils/sync/protocol';
import type { Database } from './schema';

type Db = Kysely<Database>;

/**
 * Takes the team's row lock and returns its seq. Run first in a push transaction: on PostgreSQL
 * concurrent pushes of one team then queue here, so the records they read cannot go stale and
 * sequence numbers become visible in commit order (a pull can never skip a lower seq that commits
 * late); on SQLite the write lock is taken up front, which is what busy_timeout can wait for.
 */
export async function lockTeamSeq(trx: Db, teamId: string): Promise<number> {
  const row = await trx
    .updateTable('teams')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', teamId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

export async function nextSeq(trx: Db, teamId: string): Promise<number> {
  const row = await trx
    .updateTable('teams')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', teamId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

/** Records a mutation id; false when the team had already applied it. */
export async function markApplied(trx: Db, teamId: string, mutationId: string, now: Date): Promise<boolean> {
  const inserted = await trx
    .insertInto('applied_mutations')
    .values({ team_id: teamId, mutation_id: mutationId, applied_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['team_id', 'mutation_id']).doNothing())
    .returning('mutation_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function loadRecord(db: Db, teamId: string, entity: EntityName, id: string): Promise<FieldState | undefined> {
  const row = await db
    .selectFrom('records')
    .select(['data', 'clocks'])
    .where('team_id', '=', teamId)
    .where('entity', '=', entity)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { data: JSON.parse(row.data) as FieldState['data'], clocks: JSON.parse(row.clocks) as FieldState['clocks'] };
}

export interface RecordVersion extends FieldState {
  teamId: string;
  entity: EntityName;
  id: string;
  seq: number;
}

export async function saveRecord(trx: Db, r: RecordVersion): Promise<void> {
  const values = {
    seq: r.seq,
    data: JSON.stringify(r.data),
    clocks: JSON.stringify(r.clocks),
    deleted: r.data.deleted === true ? 1 : 0,
  };
  await trx
    .insertInto('records')
    .values({ team_id: r.teamId, entity: r.entity, id: r.id, ...values })
    .onConflict((oc) => oc.columns(['team_id', 'entity', 'id']).doUpdateSet(values))
    .execute();
}

/** The team's records changed after `cursor`, oldest change first. */
export async function pullRecords(db: Db, teamId: string, cursor: number, limit: number): Promise<PullResponse> {
  const rows = await db
    .selectFrom('records')
    .select(['entity', 'id', 'seq', 'data', 'clocks'])
    .where('team_id', '=', teamId)
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const records: SyncedRecord[] = page.map((row) => ({
    entity: row.entity as EntityName,
    id: row.id,
    seq: row.seq,
    data: JSON.parse(row.data) as SyncedRecord['data'],
    clocks: JSON.parse(row.clocks) as SyncedRecord['clocks'],
  }));
  return { records, cursor: page.at(-1)?.seq ?? cursor, hasMore: rows.length > limit };
}
