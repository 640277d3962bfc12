import type { Kysely } from 'kysely';
import type { Alert, AlertDetail, AlertKind, AlertsResponse } from '../../utils/sync/protocol';
import { chunks } from './records';
import type { AlertsTable, Database } from './schema';

type Db = Kysely<Database>;

export { ALERT_KINDS, Alert, AlertDetail, AlertsResponse } from '../../utils/sync/protocol';
export type { AlertKind } from '../../utils/sync/protocol';

export async function insertAlerts(trx: Db, rows: readonly AlertsTable[]): Promise<void> {
  for (const part of chunks(rows)) {
    await trx.insertInto('alerts').values(part).onConflict((oc) => oc.doNothing()).execute();
  }
}

/** "Forget this person" erases their name and job from teammates' alerts too. */
export async function forgetPersonAlerts(trx: Db, teamId: string, personIds: readonly string[]): Promise<void> {
  for (const part of chunks(personIds, 500)) {
    await trx.deleteFrom('alerts').where('team_id', '=', teamId).where('person_id', 'in', part).execute();
  }
}

export async function listAlerts(db: Db, teamId: string, userId: string, since: number, limit: number): Promise<AlertsResponse> {
  const rows = await db
    .selectFrom('alerts')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    alerts: page.map((r) => ({
      seq: r.seq,
      kind: r.kind as AlertKind,
      at: r.created_at,
      by: r.actor,
      personId: r.person_id,
      personName: r.person_name,
      entity: r.entity as Alert['entity'],
      entityId: r.entity_id,
      detail: JSON.parse(r.detail) as AlertDetail,
    })),
    cursor: page.at(-1)?.seq ?? since,
    hasMore: rows.length > limit,
  };
}
