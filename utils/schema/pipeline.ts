import { z } from 'zod';
import { RecordBase, Text } from './base';

export const Stage = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'stage id must be a short slug'),
  name: Text(80).min(1, 'stage name is required'),
  /** Referral (内推) pipelines award points per stage reached. */
  points: z.number().int().min(0).optional(),
  /** Reachable from any stage and not a step of the funnel (Lost, Withdrawn). */
  side: z.boolean().optional(),
});
export type Stage = z.infer<typeof Stage>;

export const PipelineKind = z.enum(['recruiting', 'referral', 'sales']);

export const Pipeline = RecordBase.extend({
  name: Text(120).min(1, 'name is required'),
  kind: PipelineKind,
  stages: z
    .array(Stage)
    .min(1, 'a pipeline needs at least one stage')
    .max(30)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, 'stage ids must be unique'),
  archived: z.boolean().default(false),
});
export type Pipeline = z.infer<typeof Pipeline>;
