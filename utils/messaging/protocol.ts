import { z } from 'zod';
import { Company, Id, IntelItem, Note, Person, PersonStatus, Pipeline, PipelineEntry, ProfileKey, Text } from '../schema';

/** The page a content script is on, from its URL (utils/sites/types.ts PageTarget). */
export const PageTargetSchema = z.object({
  kind: z.enum(['person', 'company']),
  key: ProfileKey,
  url: z.url({ protocol: /^https?$/ }),
  subpage: z.boolean().optional(),
});

export const PersonProfileSchema = z.object({
  name: Text(200).min(1),
  headline: Text(500).optional(),
  location: Text(200).optional(),
  companyName: Text(200).optional(),
  companyKey: ProfileKey.optional(),
  /** Other keys of the same person the page reveals (vanity vs member id): one record once seen. */
  altKeys: z.array(ProfileKey).max(10).optional(),
});

export const CompanyProfileSchema = z.object({
  name: Text(200).min(1),
  legalName: Text(300).optional(),
  industry: Text(200).optional(),
  altKeys: z.array(ProfileKey).max(10).optional(),
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
  /** Notes are append-only: an edit is a new revision that replaces the old one in every list. */
  z.object({ type: z.literal('editNote'), noteId: Id, body: Text(10_000).min(1, 'a note cannot be empty') }),
  z.object({ type: z.literal('setStatus'), personId: Id, status: PersonStatus }),
  z.object({ type: z.literal('setTags'), personId: Id, tags: z.array(Text(60).min(1)).max(50) }),
  z.object({ type: z.literal('setStage'), subject: Subject, pipelineId: Id, stageId: z.string().min(1).max(40) }),
  z.object({ type: z.literal('moveEntry'), entryId: Id, stageId: z.string().min(1).max(40) }),
  z.object({
    type: z.literal('saveSettings'),
    serverUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'server URL must start with http:// or https://' })]),
    token: Text(200),
    /** How teammates see this user as the owner of an entry ("Li Wei"). */
    userName: Text(100).optional(),
  }),
  z.object({ type: z.literal('syncNow') }),
  /** Who on the team owns the person with these profile keys: the sync server's view (cached by the background). */
  z.object({ type: z.literal('teamOwners'), keys: z.array(ProfileKey).min(1).max(20) }),
  /** An extension page wrote to the database itself (an import, a restore): tell the tabs, sync. */
  z.object({ type: z.literal('localChanges') }),
  /** A content script says which extractor alternative matched on a page, or why none did. */
  z.object({
    type: z.literal('reportExtraction'),
    site: z.string().max(40),
    kind: z.enum(['person', 'company']),
    matched: z.string().max(80).optional(),
    miss: z.string().max(200).optional(),
    url: z.url().max(2000).optional(),
  }),
]);
export type Request = z.infer<typeof Request>;
export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

export const EntryView = z.object({
  entry: PipelineEntry,
  pipelineName: z.string(),
  stageName: z.string(),
});
export type EntryView = z.infer<typeof EntryView>;

/** Structured, so that each view words it in the user's language. */
export const Warning = z.discriminatedUnion('kind', [
  /** Another saved person has the same name but a different profile (同名不同人). */
  z.object({ kind: z.literal('homonym'), name: z.string(), headline: z.string().optional(), profileUrl: z.string().optional() }),
  /** A teammate owns this person or account in a pipeline. */
  z.object({ kind: z.literal('owned'), owner: z.string(), pipelineName: z.string(), stageName: z.string() }),
]);
export type Warning = z.infer<typeof Warning>;

/** Everything the in-page card shows for one page. */
export const CardData = z.object({
  target: PageTargetSchema,
  person: Person.nullable(),
  company: Company.nullable(),
  notes: z.array(Note),
  entries: z.array(EntryView),
  pipelines: z.array(Pipeline),
  intel: z.array(IntelItem),
  warnings: z.array(Warning),
  /** This user's name as recorded on entries they own; undefined until set in Options. */
  me: z.string().optional(),
});
export type CardData = z.infer<typeof CardData>;

export const SyncStatus = z.object({
  configured: z.boolean(),
  lastSyncAt: z.number().nullable(),
  lastError: z.string().nullable(),
  pending: z.number().int(),
  /** When the next attempt after a failure is due (back-off), if one is. */
  nextRetryAt: z.number().nullable().default(null),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A pipeline entry of the team on a person, as the sync server knows it; `mine` when this user owns it. */
export const TeamOwner = z.object({ entryId: z.string(), owner: z.string(), pipelineName: z.string(), stageName: z.string(), mine: z.boolean() });
export type TeamOwner = z.infer<typeof TeamOwner>;

/** What the background answers, per request type. Parsed by the receiver like any inbound message. */
export const RESPONSES = {
  ping: z.object({ pong: z.literal(true) }),
  lookup: CardData,
  savePerson: z.object({ personId: Id }),
  saveCompany: z.object({ companyId: Id }),
  addNote: z.object({ noteId: Id }),
  editNote: z.object({ noteId: Id }),
  setStatus: z.object({ personId: Id }),
  setTags: z.object({ saved: z.literal(true) }),
  setStage: z.object({ entryId: Id }),
  moveEntry: z.object({ entryId: Id }),
  saveSettings: z.object({ saved: z.literal(true) }),
  syncNow: SyncStatus,
  /** `configured: false` without a sync server: there is no team view, only the local one. */
  teamOwners: z.object({ configured: z.boolean(), owners: z.array(TeamOwner) }),
  reportExtraction: z.object({ recorded: z.literal(true) }),
  localChanges: z.object({ noted: z.literal(true) }),
} as const satisfies Record<Request['type'], z.ZodType>;
export type ResponseOf<T extends Request['type']> = z.infer<(typeof RESPONSES)[T]>;

/** The envelope around every answer, so that an error crosses the boundary as data, not as a hang. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Background or side panel → a content script. */
export const TabMessage = z.discriminatedUnion('type', [
  /** Something the card shows may have changed. */
  z.object({ type: z.literal('changed') }),
  /** The keyboard shortcut: save this page's person or company. */
  z.object({ type: z.literal('saveCurrent') }),
  /** The side panel asks what this tab shows. */
  z.object({ type: z.literal('currentPage') }),
]);
export type TabMessage = z.infer<typeof TabMessage>;

export const CurrentPage = z.object({
  target: PageTargetSchema,
  person: PersonProfileSchema.optional(),
  company: CompanyProfileSchema.optional(),
});
export type CurrentPage = z.infer<typeof CurrentPage>;

/** Per site: when an extractor last worked and which alternative, and the last miss. */
export const SiteHealth = z.record(
  z.string(),
  z.object({
    lastSuccessAt: z.number().optional(),
    matched: z.string().optional(),
    lastMissAt: z.number().optional(),
    lastMiss: z.string().optional(),
    lastMissUrl: z.string().optional(),
  }),
);
export type SiteHealth = z.infer<typeof SiteHealth>;
