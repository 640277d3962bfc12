import { z } from 'zod';
import { Company } from './company';
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

/** The first few issues of a failed parse as one readable line: `name: name is required; tags: …`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
