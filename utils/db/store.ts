import { ulid } from 'ulidx';
import { Pipeline } from '../schema';
import { HybridClock } from '../sync/hlc';
import { queueMutations } from '../sync/outbox';
import type { Mutation } from '../sync/protocol';
import { type ScoutbookDb } from './database';
import { DEFAULT_PIPELINES, SEED_CLOCK } from './default-pipelines';
import { TABLE_OF } from './local-change';

/** The database plus this device's clock: what every write needs. */
export interface Store {
  db: ScoutbookDb;
  clock: HybridClock;
  clientId: string;
  now: () => number;
}

async function metaValue<T>(db: ScoutbookDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

/**
 * Open the store: a stable client id (the clock's node), the last clock issued, and the default
 * pipelines seeded at the earliest clock (so seeding twice, or on two devices, changes nothing).
 */
export async function openStore(
  db: ScoutbookDb,
  now: () => number = Date.now,
  /** Extension pages that write (import, restore) get their own clock node, never the background's clocks. */
  context: 'background' | 'page' = 'background',
): Promise<Store> {
  let clientId = await metaValue<string>(db, 'clientId');
  if (!clientId) {
    clientId = ulid().toLowerCase();
    await db.meta.put({ key: 'clientId', value: clientId });
  }
  const clock = new HybridClock(context === 'page' ? `${clientId}p` : clientId, now, await metaValue<string>(db, 'hlc'));
  await seedDefaultPipelines(db);
  return { db, clock, clientId, now };
}

async function seedDefaultPipelines(db: ScoutbookDb): Promise<void> {
  await db.transaction('rw', db.table(TABLE_OF.pipeline), db.outbox, async () => {
    const queued: Mutation[] = [];
    for (const seed of DEFAULT_PIPELINES) {
      if (await db.pipelines.get(seed.id)) continue;
      const fields = { name: seed.name, kind: seed.kind, stages: seed.stages, archived: false, createdAt: 0, deleted: false };
      const clocks = Object.fromEntries(Object.keys(fields).map((k) => [k, SEED_CLOCK]));
      const row = Pipeline.parse({ ...fields, id: seed.id, updatedAt: SEED_CLOCK });
      await db.pipelines.put({ ...row, clocks });
      // Queued like any change: the server must know the pipeline before it accepts an edit of it.
      queued.push({ mutationId: ulid(), entity: 'pipeline', id: seed.id, hlc: SEED_CLOCK, fields });
    }
    await queueMutations(db, queued);
  });
}

export { metaValue };
