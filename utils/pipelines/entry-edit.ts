import { NotFoundError } from '../db/actions';
import { applyLocalChange } from '../db/local-change';
import type { Store } from '../db/store';
import { PipelineEditError } from './edit';

async function requireEntry(store: Store, entryId: string) {
  const entry = await store.db.entries.get(entryId);
  if (!entry || entry.deleted) throw new NotFoundError('no such pipeline entry');
  return entry;
}

/**
 * Set (or, with undefined, clear) an entry's next-action time, epoch ms. Needs `nextActionAt` in
 * the PipelineEntry schema: until then the change is queued but the schema drops it locally.
 */
export async function setNextAction(store: Store, entryId: string, at: number | undefined): Promise<void> {
  if (at !== undefined && !(Number.isInteger(at) && at >= 0)) throw new PipelineEditError('a next action needs a time');
  await requireEntry(store, entryId);
  await applyLocalChange(store.db, store.clock, 'entry', entryId, { nextActionAt: at ?? null });
}

/** Record who referred the candidate (referral pipelines). Needs `referrer` in the PipelineEntry schema. */
export async function setReferrer(store: Store, entryId: string, referrer: string | undefined): Promise<void> {
  await requireEntry(store, entryId);
  const clean = referrer?.trim();
  await applyLocalChange(store.db, store.clock, 'entry', entryId, { referrer: clean || null });
}
