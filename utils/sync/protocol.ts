import { z } from 'zod';
import { EntityName, Hlc, Id } from '../schema';
import { MAX_PULL_LIMIT, MAX_PUSH_BATCH } from './limits';

export { MAX_PULL_LIMIT, MAX_PUSH_BATCH };

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

const HLC_PATTERN = /^\d{15}:\d{5}:[0-9a-z]{1,32}$/;
const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const ENTITY_NAMES: ReadonlySet<string> = new Set(EntityName.options);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a pulled record's envelope (SyncedRecord's rules), or undefined. */
function envelopeProblem(rec: unknown): string | undefined {
  if (!isPlainObject(rec)) return 'must be an object';
  if (typeof rec.entity !== 'string' || !ENTITY_NAMES.has(rec.entity)) return `entity must be one of ${EntityName.options.join(', ')}`;
  if (typeof rec.id !== 'string' || !ID_PATTERN.test(rec.id)) return 'id must be a ULID (26 characters, Crockford base 32)';
  if (typeof rec.seq !== 'number' || !Number.isSafeInteger(rec.seq) || rec.seq <= 0) return 'seq must be a positive integer';
  if (!isPlainObject(rec.data)) return 'data must be an object';
  if (!isPlainObject(rec.clocks)) return 'clocks must be an object';
  for (const field in rec.clocks) {
    const clock = rec.clocks[field];
    if (typeof clock !== 'string' || !HLC_PATTERN.test(clock)) return `clocks must map field names to hybrid logical clocks "ms:counter:node" (${field})`;
  }
  return undefined;
}

/**
 * PullResponse as the client checks it: the same wire shape and rules, each record's envelope
 * checked in place by hand. zod cannot compile its checks where eval is forbidden (an extension's
 * service worker), and its interpreted object checks, copying every record, took 2.4 s of a
 * 100,000-record first sync's thread. Each record's data is validated against its entity's schema
 * when it is applied (utils/db/local-change.ts). PullResponse stays the documented schema (OpenAPI).
 */
export const PulledPage = z.object({
  records: z.array(z.unknown()).check((ctx) => {
    for (let i = 0; i < ctx.value.length; i++) {
      const problem = envelopeProblem(ctx.value[i]);
      if (problem) {
        ctx.issues.push({ code: 'custom', message: problem, input: ctx.value[i], path: [i] });
        return; // the first is enough to refuse the page
      }
    }
  }),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
}) as unknown as z.ZodType<PullResponse>;

/** Shared with the server (server/routes/team.ts): who a token acts for, and what teammates own. */
export const TEAM_ROLES = ['admin', 'member'] as const;

export const MeResponse = z.object({
  team: z.string(),
  /** The e-mail is the owner id this extension writes on entries, so that teammates' ownership matches. */
  user: z.object({ email: z.string(), role: z.enum(TEAM_ROLES) }),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const OwnedEntry = z.object({
  entryId: z.string(),
  personId: z.string(),
  /** The owner's e-mail, as the extension writes it. */
  ownerId: z.string().optional(),
  pipelineId: z.string(),
  pipelineName: z.string().optional(),
  pipelineKind: z.string().optional(),
  stageId: z.string(),
  stageName: z.string().optional(),
  /** HLC of the entry's latest change. */
  updatedAt: z.string(),
});
export type OwnedEntry = z.infer<typeof OwnedEntry>;

export const KeyOwners = z.object({
  key: z.string(),
  /** The team's people saved under this profile key (teammates may have saved one person twice). */
  people: z.array(z.object({ personId: z.string(), name: z.string(), ownerId: z.string().optional() })),
  entries: z.array(OwnedEntry),
});
export type KeyOwners = z.infer<typeof KeyOwners>;

export const MAX_OWNER_KEYS = 100;
export const OwnersResponse = z.object({ owners: z.array(KeyOwners) });
export type OwnersResponse = z.infer<typeof OwnersResponse>;

export const ALERT_KINDS = ['entry_added', 'entry_changed', 'note_added', 'job_change'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const Change = z.object({ from: z.string().optional(), to: z.string().optional() });

export const AlertDetail = z.object({
  pipelineId: z.string().optional(),
  pipelineName: z.string().optional(),
  stageId: z.string().optional(),
  stageName: z.string().optional(),
  fromStageId: z.string().optional(),
  fromStageName: z.string().optional(),
  /** The entry's owner after the change. */
  ownerId: z.string().optional(),
  headline: Change.optional(),
  companyName: Change.optional(),
});
export type AlertDetail = z.infer<typeof AlertDetail>;

export const Alert = z.object({
  /** Pass the highest one back as `since`. */
  seq: z.number().int().positive(),
  kind: z.enum(ALERT_KINDS),
  at: z.string(),
  /** E-mail of the teammate whose change raised it. */
  by: z.string(),
  personId: z.string(),
  personName: z.string(),
  entity: z.enum(['entry', 'note', 'person']),
  entityId: z.string(),
  detail: AlertDetail,
});
export type Alert = z.infer<typeof Alert>;

export const AlertsResponse = z.object({
  alerts: z.array(Alert),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type AlertsResponse = z.infer<typeof AlertsResponse>;
