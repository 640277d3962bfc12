import { z } from 'zod';
import { EntityName, Hlc, Id } from '../schema';

/** Largest push batch the server accepts; the client splits its outbox into batches of this size. */
export const MAX_PUSH_BATCH = 200;
export const MAX_PULL_LIMIT = 1000;

/**
 * One local change: set these fields of one record, at this clock. The client generates the
 * mutation id, so a retried batch is recognised and applied once.
 */
export const Mutation = z.object({
  mutationId: Id,
  entity: EntityName,
  id: Id,
  hlc: Hlc,
  fields: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/), z.unknown()).refine(
    (f) => Object.keys(f).length > 0 && !('id' in f) && !('updatedAt' in f),
    'fields must name at least one field and cannot set id or updatedAt',
  ),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z.object({
  clientId: z.string().regex(/^[0-9a-z]{1,32}$/, 'clientId must be 1-32 lower-case letters or digits'),
  mutations: z.array(Mutation).min(1, 'mutations cannot be empty').max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResponse = z.object({
  /** Mutations applied now, and those already applied by an earlier try of the same batch. */
  applied: z.number().int(),
  duplicates: z.number().int(),
  /** Highest server sequence number after this push. */
  seq: z.number().int(),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** A record as the server holds it: merged data, the clock of each field, its sequence number. */
export const SyncedRecord = z.object({
  entity: EntityName,
  id: Id,
  seq: z.number().int().positive(),
  data: z.record(z.string(), z.unknown()),
  clocks: z.record(z.string(), Hlc),
});
export type SyncedRecord = z.infer<typeof SyncedRecord>;

export const PullResponse = z.object({
  records: z.array(SyncedRecord),
  /** Pass back as `cursor` to get what came after; unchanged when nothing did. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;
