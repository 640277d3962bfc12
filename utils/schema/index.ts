import { z } from 'zod';
import { Hlc, Id } from './base';
import { Company } from './company';
import { createFastParser } from './fast-parse';
import { PipelineEntry } from './entry';
import { Note } from './note';
import { Person } from './person';
import { Pipeline } from './pipeline';

export * from './base';
export * from './company';
export * from './entry';
export * from './intel';
export * from './note';
export * from './person';
export * from './pipeline';

/** The synced entities and the schema each must satisfy after a merge. */
export const ENTITY_SCHEMAS = {
  person: Person,
  company: Company,
  note: Note,
  pipeline: Pipeline,
  entry: PipelineEntry,
} as const;
export const EntityName = z.enum(['person', 'company', 'note', 'pipeline', 'entry']);
export type EntityName = z.infer<typeof EntityName>;
export interface EntityTypes {
  person: Person;
  company: Company;
  note: Note;
  pipeline: Pipeline;
  entry: PipelineEntry;
}

/**
 * "Forget this person" keeps only a tombstone: id, clock and `deleted: true`, every other field unset
 * (DESIGN §3). Loose, so that a soft-deleted record keeps whatever fields it still has.
 */
export const Tombstone = z.looseObject({ id: Id, updatedAt: Hlc, deleted: z.literal(true) });

/** Extension pages and service workers forbid eval: object shapes are checked by a loop. */
const { fastParse } = createFastParser({ generatedCode: false });

/**
 * Validate a merged record: live records against their entity schema, deleted ones as tombstones.
 * The compiled check gives zod's output for what it accepts (a first sync validates 100,000
 * records); zod decides, and words the error, for everything else.
 */
export function parseRecord(entity: EntityName, candidate: Record<string, unknown>): z.ZodSafeParseResult<Record<string, unknown>> {
  // Tombstones are loose objects, which the compiled check leaves to zod anyway.
  if (candidate.deleted === true) return Tombstone.safeParse(candidate);
  const schema: z.ZodType<Record<string, unknown>> = ENTITY_SCHEMAS[entity];
  const fast = fastParse(schema, candidate);
  return fast ? { success: true, data: fast.data } : schema.safeParse(candidate);
}

/** The first few issues of a failed parse as one readable line: `name: name is required; tags: …`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
