import { z } from 'zod';
import { Id, RecordBase, Text } from './base';

/** Notes are append-only: an edit is a new note whose `revisionOf` names the one it replaces. */
export const Note = RecordBase.extend({
  personId: Id.optional(),
  companyId: Id.optional(),
  body: Text(10_000).min(1, 'a note cannot be empty'),
  authorId: Text(200).optional(),
  /** Private notes never leave the device (DESIGN §3). */
  visibility: z.enum(['team', 'private']).default('team'),
  revisionOf: Id.optional(),
}).refine((n) => (n.personId === undefined) !== (n.companyId === undefined), {
  message: 'a note belongs to exactly one person or one company',
  path: ['personId'],
});
export type Note = z.infer<typeof Note>;
