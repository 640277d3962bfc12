import { z } from 'zod';
import { Company, Id, IntelItem, Note, Person, Pipeline, PipelineEntry, ProfileKey, Text } from '../schema';

/** The page a content script is on, from its URL (utils/sites/types.ts PageTarget). */
export const PageTargetSchema = z.object({
  kind: z.enum(['person', 'company']),
  key: ProfileKey,
  url: z.url({ protocol: /^https?$/ }),
});

export const PersonProfileSchema = z.object({
  name: Text(200).min(1),
  headline: Text(500).optional(),
  location: Text(200).optional(),
  companyName: Text(200).optional(),
  companyKey: ProfileKey.optional(),
});

export const CompanyProfileSchema = z.object({
  name: Text(200).min(1),
  industry: Text(200).optional(),
});

const Subject = z.union([z.object({ personId: Id }), z.object({ companyId: Id })]);

/** Every request a content script or an extension page sends to the background. */
export const Request = z.discriminatedUnion('type', [
  /** No work: the floor of a round trip (benchmarks). */
  z.object({ type: z.literal('ping') }),
  z.object({
    type: z.literal('lookup'),
    target: PageTargetSchema,
    person: PersonProfileSchema.optional(),
    company: CompanyProfileSchema.optional(),
  }),
  z.object({ type: z.literal('savePerson'), target: PageTargetSchema, person: PersonProfileSchema }),
  z.object({ type: z.literal('saveCompany'), target: PageTargetSchema, company: CompanyProfileSchema }),
  z.object({ type: z.literal('addNote'), subject: Subject, body: Text(10_000).min(1, 'a note cannot be empty') }),
  z.object({ type: z.literal('setStage'), subject: Subject, pipelineId: Id, stageId: z.string().min(1).max(40) }),
  z.object({ type: z.literal('moveEntry'), entryId: Id, stageId: z.string().min(1).max(40) }),
  z.object({
    type: z.literal('saveSettings'),
    serverUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'server URL must start with http:// or https://' })]),
    token: Text(200),
  }),
  z.object({ type: z.literal('syncNow') }),
]);
export type Request = z.infer<typeof Request>;
export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

export const EntryView = z.object({
  entry: PipelineEntry,
  pipelineName: z.string(),
  stageName: z.string(),
});
export type EntryView = z.infer<typeof EntryView>;

/** Everything the in-page card shows for one page. */
export const CardData = z.object({
  target: PageTargetSchema,
  person: Person.nullable(),
  company: Company.nullable(),
  notes: z.array(Note),
  entries: z.array(EntryView),
  pipelines: z.array(Pipeline),
  intel: z.array(IntelItem),
  warnings: z.array(z.string()),
});
export type CardData = z.infer<typeof CardData>;

export const SyncStatus = z.object({
  configured: z.boolean(),
  lastSyncAt: z.number().nullable(),
  lastError: z.string().nullable(),
  pending: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** What the background answers, per request type. Parsed by the receiver like any inbound message. */
export const RESPONSES = {
  ping: z.object({ pong: z.literal(true) }),
  lookup: CardData,
  savePerson: z.object({ personId: Id }),
  saveCompany: z.object({ companyId: Id }),
  addNote: z.object({ noteId: Id }),
  setStage: z.object({ entryId: Id }),
  moveEntry: z.object({ entryId: Id }),
  saveSettings: z.object({ saved: z.literal(true) }),
  syncNow: SyncStatus,
} as const satisfies Record<Request['type'], z.ZodType>;
export type ResponseOf<T extends Request['type']> = z.infer<(typeof RESPONSES)[T]>;

/** The envelope around every answer, so that an error crosses the boundary as data, not as a hang. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Background → content scripts: something they show may have changed. */
export const Broadcast = z.object({ type: z.literal('changed') });
export type Broadcast = z.infer<typeof Broadcast>;
