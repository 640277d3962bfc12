import { z } from 'zod';

/** ULID: 26 Crockford base-32 characters, sortable by creation time. */
export const Id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID (26 characters, Crockford base 32)');

/** Hybrid logical clock, see utils/sync/hlc.ts: fixed width so that string order is clock order. */
export const Hlc = z.string().regex(/^\d{15}:\d{5}:[0-9a-z]{1,32}$/, 'must be a hybrid logical clock "ms:counter:node"');

/** Epoch milliseconds. */
export const Timestamp = z.number().int().nonnegative();

/** A normalised profile key such as `linkedin:in/jane-doe` or `linkedin:company/acme` (DESIGN §2 Identity). */
export const ProfileKey = z
  .string()
  .regex(/^(linkedin|maimai|github):[^\s?#]+$/, 'must be a profile key like "linkedin:in/<slug>"')
  .max(300);

export const Text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** Fields every synced record carries. */
export const RecordBase = z.object({
  id: Id,
  createdAt: Timestamp,
  updatedAt: Hlc,
  deleted: z.boolean().default(false),
});
