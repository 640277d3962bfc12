import type { Kysely } from 'kysely';
import { z } from 'zod';
import { chunks } from './records';
import type { AlertsTable, Database } from './schema';

type Db = Kysely<Database>;

export const ALERT_KINDS = ['entry_added', 'entry_changed', 'note_added', 'job_change'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const Change = z.object({ from: z.string().optional(), to: z.string().optional() });

export const AlertDetail = z.object({
  pipelineId: z.string().optional(),
  pipelineName: z.string().optional(),
  stageId: z.string().optional(),
  stageName: z.string().optional(),
  fromStageId: z.string().optional(),
  fromStageName: z.string().optional(),
  /** The entry's owner after the change. */
  ownerId: z.string().optional(),
  headline: Change.optional(),
  companyName: Change.optional(),
});
export type AlertDetail = z.infer<typeof AlertDetail>;

export const Alert = z.object({
  /** Pass the highest one back as `since`. */
  seq: z.number().int().positive(),
  kind: z.enum(ALERT_KINDS),
  at: z.string(),
  /** E-mail of the teammate whose change raised it. */
  by: z.string(),
  personId: z.string(),
  personName: z.string(),
  entity: z.enum(['entry', 'note', 'person']),
  entityId: z.string(),
  detail: AlertDetail,
});
export type Alert = z.infer<typeof Alert>;

export const AlertsResponse = z.object({
  alerts: z.array(Alert),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type AlertsResponse = z.infer<typeof AlertsResponse>;

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
