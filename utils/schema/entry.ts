import { z } from 'zod';
import { Id, RecordBase, Text, Timestamp } from './base';

export const StageChange = z.object({
  stageId: z.string().min(1),
  at: Timestamp,
  by: Text(200).optional(),
});
export type StageChange = z.infer<typeof StageChange>;

/** A person (or, in a sales pipeline, a company) at one stage of one pipeline. */
export const PipelineEntry = RecordBase.extend({
  pipelineId: Id,
  personId: Id.optional(),
  companyId: Id.optional(),
  stageId: z.string().min(1, 'stageId is required'),
  ownerId: Text(200).optional(),
  /** Referral (内推) pipelines: who referred the candidate. */
  referrer: Text(200).optional(),
  /** The next follow-up: a reminder fires when it is due. */
  nextActionAt: Timestamp.optional(),
  history: z.array(StageChange).max(500).default([]),
}).refine((e) => (e.personId === undefined) !== (e.companyId === undefined), {
  message: 'an entry is for exactly one person or one company',
  path: ['personId'],
});
export type PipelineEntry = z.infer<typeof PipelineEntry>;
