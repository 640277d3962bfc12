import type { Kysely } from 'kysely';
import { z } from 'zod';
import { describeZodError, ENTITY_SCHEMAS, Hlc, Id } from '../utils/schema';
import { MAX_DRIFT_MS, parseHlc } from '../utils/sync/hlc';
import { fieldsAt, latestClock, mergeFields } from '../utils/sync/merge';
import type { Mutation, PushResponse } from '../utils/sync/protocol';
import { ApiError } from './errors';
import { loadRecord, lockTeamSeq, markApplied, nextSeq, saveRecord } from './store/records';
import type { Database } from './store/schema';

/**
 * "Forget this person" erases a record's content and keeps only the tombstone (DESIGN §3), which
 * the entity schema would refuse for its missing required fields; a tombstone is checked alone.
 */
const Tombstone = z.object({ id: Id, updatedAt: Hlc, deleted: z.literal(true) });

/**
 * Applies a push batch in one transaction: all of it, or — when any mutation would leave an
 * invalid record — none of it. Replayed mutations are recognised by id and skipped.
 */
export async function applyPush(
  db: Kysely<Database>,
  teamId: string,
  mutations: readonly Mutation[],
  now = new Date(),
): Promise<PushResponse> {
  mutations.forEach((m, index) => refuseUnsafe(m, describeMutation(m, index), now));
  return db.transaction().execute(async (trx) => {
    let seq = await lockTeamSeq(trx, teamId);
    let applied = 0;
    let duplicates = 0;
    for (const [index, m] of mutations.entries()) {
      if (!(await markApplied(trx, teamId, m.mutationId, now))) {
        duplicates += 1;
        continue;
      }
      applied += 1;
      const current = await loadRecord(trx, teamId, m.entity, m.id);
      const merged = mergeFields(current, fieldsAt(m.fields, m.hlc));
      if (merged.changedFields.length === 0) continue;
      const data: Record<string, unknown> = { ...merged.data, id: m.id, updatedAt: latestClock(merged.clocks) };
      const schema = data.deleted === true ? Tombstone : ENTITY_SCHEMAS[m.entity];
      const check = schema.safeParse(data);
      if (!check.success) {
        throw new ApiError(400, 'invalid_record', `${describeMutation(m, index)}: ${describeZodError(check.error)}`);
      }
      seq = await nextSeq(trx, teamId);
      await saveRecord(trx, { teamId, entity: m.entity, id: m.id, seq, data, clocks: merged.clocks });
    }
    return { applied, duplicates, seq };
  });
}

/** Numbered from 1, as a person counts: "mutation 3 (person 01J…)". */
function describeMutation(m: Mutation, index: number): string {
  return `mutation ${index + 1} (${m.entity} ${m.id})`;
}

function refuseUnsafe(m: Mutation, where: string, now: Date): void {
  // The client never uploads private notes; refusing them here keeps a buggy client from leaking one.
  if (m.entity === 'note' && m.fields.visibility === 'private') {
    throw new ApiError(400, 'private_note', `${where}: private notes are never uploaded`);
  }
  // A clock far in the future would win every later edit of these fields for everyone.
  if (parseHlc(m.hlc).ms > now.getTime() + MAX_DRIFT_MS) {
    throw new ApiError(400, 'clock_ahead', `${where}: hlc is more than a day ahead of the server clock`);
  }
}
