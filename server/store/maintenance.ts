import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Mutation ids are remembered so that a retried batch is answered as a duplicate — but keeping
 * every id forever grows without bound. Forgetting ids older than N days is safe here, whatever
 * a client retries and however late: every field of every record keeps the clock of the write
 * that set it (tombstones included), clocks only grow, and a merge takes a field only with a
 * strictly newer clock. A mutation that was applied once left each of its fields at its own clock
 * or a newer one, so applying it again changes nothing: no field, no seq, no alert. What the
 * client sees is `applied` instead of `duplicates` in the reply. This holds as long as field
 * clocks are never dropped from stored records — which nothing does, and must never do.
 */
export const DEFAULT_KEEP_MUTATION_IDS_DAYS = 30;
/** Alerts are news; a quarter is plenty. */
export const DEFAULT_KEEP_ALERTS_DAYS = 90;

export interface PruneResult {
  mutationIds: number;
  alerts: number;
}

export async function prune(
  db: Kysely<Database>,
  now = new Date(),
  keep: { mutationIdDays?: number; alertDays?: number } = {},
): Promise<PruneResult> {
  const cutoff = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const ids = await db
    .deleteFrom('applied_mutations')
    .where('applied_at', '<', cutoff(keep.mutationIdDays ?? DEFAULT_KEEP_MUTATION_IDS_DAYS))
    .executeTakeFirst();
  const alerts = await db.deleteFrom('alerts').where('created_at', '<', cutoff(keep.alertDays ?? DEFAULT_KEEP_ALERTS_DAYS)).executeTakeFirst();
  return { mutationIds: Number(ids.numDeletedRows), alerts: Number(alerts.numDeletedRows) };
}
