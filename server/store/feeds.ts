import type { Kysely } from 'kysely';
import { newId as ulid } from '../ids';
import { z } from 'zod';
import type { Database, FeedsTable } from './schema';

type Db = Kysely<Database>;

export const FeedInfo = z.object({
  id: z.string(),
  url: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastPolledAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Items the last successful poll added. */
  lastAdded: z.number().int(),
});
export type FeedInfo = z.infer<typeof FeedInfo>;

export function toFeedInfo(r: FeedsTable): FeedInfo {
  return {
    id: r.id,
    url: r.url,
    name: r.name,
    createdAt: r.created_at,
    lastPolledAt: r.last_polled_at,
    lastSuccessAt: r.last_success_at,
    lastError: r.last_error,
    lastAdded: Number(r.last_added),
  };
}

/** Adds a feed; undefined when the team already has one at that URL. */
export async function addFeed(db: Db, teamId: string, url: string, name: string, now = new Date()): Promise<FeedsTable | undefined> {
  const row: FeedsTable = {
    id: ulid(),
    team_id: teamId,
    url,
    name,
    created_at: now.toISOString(),
    etag: null,
    last_modified: null,
    last_polled_at: null,
    last_success_at: null,
    last_error: null,
    last_added: 0,
  };
  const inserted = await db
    .insertInto('feeds')
    .values(row)
    .onConflict((oc) => oc.columns(['team_id', 'url']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? row : undefined;
}

export async function listFeeds(db: Db, teamId: string): Promise<FeedsTable[]> {
  return db.selectFrom('feeds').selectAll().where('team_id', '=', teamId).orderBy('created_at').orderBy('id').execute();
}

export async function removeFeed(db: Db, teamId: string | undefined, id: string): Promise<boolean> {
  let query = db.deleteFrom('feeds').where('id', '=', id);
  if (teamId !== undefined) query = query.where('team_id', '=', teamId);
  const result = await query.executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Feeds of every team (or one) not polled within `intervalMs`, never-polled first. */
export async function feedsDue(db: Db, intervalMs: number, now: Date, teamId?: string): Promise<FeedsTable[]> {
  const before = new Date(now.getTime() - intervalMs).toISOString();
  let query = db
    .selectFrom('feeds')
    .selectAll()
    .where((eb) => eb.or([eb('last_polled_at', 'is', null), eb('last_polled_at', '<=', before)]))
    .orderBy('last_polled_at')
    .orderBy('id');
  if (teamId !== undefined) query = query.where('team_id', '=', teamId);
  return query.execute();
}

export async function recordPoll(
  db: Db,
  id: string,
  outcome: { at: Date; ok: boolean; error?: string; added?: number; etag?: string | null; lastModified?: string | null },
): Promise<void> {
  await db
    .updateTable('feeds')
    .set({
      last_polled_at: outcome.at.toISOString(),
      ...(outcome.ok
        ? {
            last_success_at: outcome.at.toISOString(),
            last_error: null,
            last_added: outcome.added ?? 0,
            ...(outcome.etag !== undefined && { etag: outcome.etag }),
            ...(outcome.lastModified !== undefined && { last_modified: outcome.lastModified }),
          }
        : { last_error: (outcome.error ?? 'failed').slice(0, 500) }),
    })
    .where('id', '=', id)
    .execute();
}
