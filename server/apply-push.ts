import type { Kysely } from 'kysely';
import { z } from 'zod';
import { describeZodError, ENTITY_SCHEMAS, Hlc, Id } from '../utils/schema';
import { MAX_DRIFT_MS, parseHlc } from '../utils/sync/hlc';
import { fieldsAt, latestClock, mergeFields } from '../utils/sync/merge';
import type { Mutation, PushResponse } from '../utils/sync/protocol';
import { ApiError } from './errors';
import { raiseAlerts, type ChangeEvent } from './raise-alerts';
import { passesFastCheck } from './record-check';
import { claimMutations, loadRecords, lockTeamSeq, recordRef, saveRecords, setTeamSeq, syncRecordKeys, type RecordVersion } from './store/records';
import type { Database } from './store/schema';
import { inWriteTransaction } from './store/write-transaction';

/**
 * "Forget this person" erases a record's content and keeps only the tombstone (DESIGN §3), which
 * the entity schema would refuse for its missing required fields; a tombstone is checked alone.
 */
const Tombstone = z.object({ id: Id, updatedAt: Hlc, deleted: z.literal(true) });

/** Whose push it is: the team it writes to and, for alerts, the user's e-mail. */
export interface Pusher {
  teamId: string;
  email?: string;
}

/**
 * Applies a push batch in one transaction: all of it, or — when any mutation would leave an
 * invalid record — none of it. Replayed mutations are recognised by id and skipped.
 *
 * The work is batched: a few statements per batch rather than per mutation (claim the ids, load
 * the records, save them, update their keys, raise alerts), which is what keeps a 50-mutation
 * push at a few milliseconds.
 */
export async function applyPush(
  db: Kysely<Database>,
  pusher: Pusher | string,
  mutations: readonly Mutation[],
  now = new Date(),
): Promise<PushResponse> {
  checkPush(mutations, now);
  return inWriteTransaction(db, (trx) => applyPushIn(trx, pusher, mutations, now));
}

/** The checks a push passes before it may touch the database (it is refused whole otherwise). */
export function checkPush(mutations: readonly Mutation[], now: Date): void {
  mutations.forEach((m, index) => refuseUnsafe(m, index, now));
}

/**
 * applyPush's work inside a write transaction the caller runs (and may share with other pushes:
 * push-queue.ts). On an error the caller must roll the transaction back: nothing of the push may stay.
 */
export async function applyPushIn(trx: Kysely<Database>, pusher: Pusher | string, mutations: readonly Mutation[], now: Date): Promise<PushResponse> {
  const { teamId, email } = typeof pusher === 'string' ? { teamId: pusher, email: undefined } : pusher;
  const start = await lockTeamSeq(trx, teamId);
  const claimed = await claimMutations(trx, teamId, mutations.map((m) => m.mutationId), now);
  const fresh = mutations.map((m) => claimed.delete(m.mutationId));
  const applied = fresh.filter(Boolean).length;
  const stored = await loadRecords(trx, teamId, mutations.filter((_, i) => fresh[i]));

  let seq = start;
  const working = new Map<string, RecordVersion>();
  const events: ChangeEvent[] = [];
  for (const [index, m] of mutations.entries()) {
    if (!fresh[index]) continue;
    const ref = recordRef(m.entity, m.id);
    const current = working.get(ref) ?? stored.get(ref);
    const merged = mergeFields(current, fieldsAt(m.fields, m.hlc));
    if (merged.changedFields.length === 0) continue;
    // mergeFields returns a fresh object: setting these in place keeps the key order a copy would have.
    const data = merged.data;
    data.id = m.id;
    data.updatedAt = latestClock(merged.clocks);
    const schema = data.deleted === true ? Tombstone : ENTITY_SCHEMAS[m.entity];
    // The compiled check accepts only what zod accepts (record-check.ts); zod decides, and words the error, otherwise.
    if (!passesFastCheck(schema, data)) {
      const check = schema.safeParse(data);
      if (!check.success) throw new ApiError(400, 'invalid_record', `${describeMutation(m, index)}: ${describeZodError(check.error)}`);
    }
    seq += 1;
    events.push({ entity: m.entity, id: m.id, before: current?.data, after: data, seq });
    working.set(ref, { entity: m.entity, id: m.id, seq, data, clocks: merged.clocks });
  }

  if (events.length) {
    await raiseAlerts(trx, teamId, email, events, now);
    const versions = [...working.values()];
    await saveRecords(trx, teamId, versions);
    await syncRecordKeys(
      trx,
      teamId,
      versions.map((v) => ({ entity: v.entity, id: v.id, before: stored.get(recordRef(v.entity, v.id))?.data, after: v.data })),
    );
    await setTeamSeq(trx, teamId, seq);
  }
  return { applied, duplicates: mutations.length - applied, seq };
}

/** Numbered from 1, as a person counts: "mutation 3 (person 01J…)". */
function describeMutation(m: Mutation, index: number): string {
  return `mutation ${index + 1} (${m.entity} ${m.id})`;
}

function refuseUnsafe(m: Mutation, index: number, now: Date): void {
  // The client never uploads private notes; refusing them here keeps a buggy client from leaking one.
  if (m.entity === 'note' && m.fields.visibility === 'private') {
    throw new ApiError(400, 'private_note', `${describeMutation(m, index)}: private notes are never uploaded`);
  }
  // A clock far in the future would win every later edit of these fields for everyone.
  if (parseHlc(m.hlc).ms > now.getTime() + MAX_DRIFT_MS) {
    throw new ApiError(400, 'clock_ahead', `${describeMutation(m, index)}: hlc is more than a day ahead of the server clock`);
  }
}
