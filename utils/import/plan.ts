import { Person, describeZodError, type Pipeline } from '../schema';
import { pageTarget } from '../sites/linkedin/urls';
import { parseConnectedOn } from './connected-on';
import { throwIfAborted, TimeSlicer, type CooperativeOptions } from './cooperative';
import type { ImportRow } from './map-rows';

/**
 * The dry run (DESIGN §4 "Imports never half-apply"): what an import would create, merge, ask
 * about, and refuse, with line numbers and reasons, before anything is written. Matching is by
 * profile key, then e-mail; a same name at the same company is only a possible duplicate that the
 * user confirms. Lookups go through maps, so 100k existing people cost one pass.
 */

/** What we need to know about a saved person; a StoredPerson is one. */
export interface ExistingPerson {
  id: string;
  name: string;
  headline?: string;
  companyName?: string;
  location?: string;
  profileKeys: string[];
  profileUrl?: string;
  emails?: string[];
  phones?: string[];
  tags?: string[];
  connectedAt?: number;
  deleted?: boolean;
  /** Bodies of the person's notes, so that importing a file twice does not add its notes twice. */
  noteBodies?: ReadonlySet<string>;
  /** Pipelines the person already has an entry in. */
  pipelineIds?: ReadonlySet<string>;
}

/** What the file says about one person, cleaned and checked; several rows may fold into one. */
export interface IncomingPerson {
  name: string;
  headline?: string;
  companyName?: string;
  location?: string;
  profileKey?: string;
  /** Further profile keys of the same person, from other rows matched to them by e-mail. */
  otherKeys?: string[];
  profileUrl?: string;
  emails: string[];
  phones: string[];
  tags: string[];
  notes: { body: string; visibility: 'team' | 'private'; line: number }[];
  stageId?: string;
  referrer?: string;
  /** LinkedIn's "Connected On", as a timestamp. */
  connectedAt?: number;
}

export interface PlannedCreate {
  /** Every line that describes this person (a file can list someone twice). */
  lines: number[];
  person: IncomingPerson;
}

export type MatchedBy = 'profile' | 'email';

export interface PlannedMerge {
  lines: number[];
  personId: string;
  matchedBy: MatchedBy;
  person: IncomingPerson;
  /** Fields of the saved person that the import would fill or add to, e.g. `headline`, `tags`, `notes`. */
  changes: string[];
}

export interface DuplicateCandidate {
  id: string;
  name: string;
  headline?: string;
  companyName?: string;
  profileUrl?: string;
}

export interface PossibleDuplicate {
  line: number;
  person: IncomingPerson;
  candidates: DuplicateCandidate[];
  reason: string;
}

export interface LineMessage {
  line: number;
  reason: string;
}

export interface ImportPlan {
  create: PlannedCreate[];
  merge: PlannedMerge[];
  /** Matched rows that would change nothing. */
  unchanged: PlannedMerge[];
  possibleDuplicates: PossibleDuplicate[];
  rejected: LineMessage[];
  /** Rows that will be imported, with something the user should know (an unknown stage). */
  warnings: LineMessage[];
  /** Pipeline whose stage names the Stage column was matched against. */
  pipelineId?: string;
  overwrite: boolean;
}

export interface PlanOptions extends CooperativeOptions {
  /** The pipeline the user chose for a Stage column. */
  pipeline?: Pick<Pipeline, 'id' | 'name' | 'stages'>;
  /** Replace non-empty fields of saved people with the file's values (default: only fill empty ones). */
  overwrite?: boolean;
}

/** Shared by the rows without a note; never mutated (fold() builds a new array). */
const NO_NOTES: IncomingPerson['notes'] = [];
/** What a new person is checked against before the write, so that the write cannot fail on it. */
const PersonFields = Person.pick({ name: true, headline: true, companyName: true, location: true, emails: true, phones: true, tags: true });
const PersonChanges = Person.partial();
/** The schema's own e-mail check: a looser one here would let through addresses the write then refuses. */
const EmailAddress = Person.shape.emails.unwrap().element;

/** Fields of the Person schema: e-mails and phones are written once the schema has them. */
export const PERSON_FIELDS: ReadonlySet<string> = new Set(Object.keys(Person.shape));

/**
 * Until the Person schema accepts people without a profile, a row without a profile URL can only
 * merge into someone already saved; creating it would fail inside the write.
 */
export const PROFILE_REQUIRED = !Person.safeParse({
  id: '00000000000000000000000000',
  createdAt: 0,
  updatedAt: '000000000000001:00000:a',
  name: 'x',
  profileKeys: [],
}).success;

/** NFKC, case and punctuation folded: "ACME, Inc." and "Acme Inc" are the same company. */
export function matchText(value: string | undefined): string {
  return (value ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function stageIdOf(pipeline: PlanOptions['pipeline'], stage: string): string | undefined {
  const wanted = matchText(stage);
  return pipeline?.stages.find((s) => matchText(s.name) === wanted || s.id === stage.trim().toLowerCase())?.id;
}

/** A URL as users paste it: `linkedin.com/in/x` works without its scheme. */
function profileTarget(url: string) {
  return pageTarget(url) ?? (/^[a-z]+:\/\//i.test(url) ? undefined : pageTarget(`https://${url}`));
}

type Checked = { person: IncomingPerson } | { reason: string };

function checkRow(row: ImportRow, options: PlanOptions, warn: (reason: string) => void): Checked {
  if (row.defect) return { reason: row.defect };
  if (!row.name) return { reason: 'no name: the name cells are empty (LinkedIn leaves hidden or deleted connections blank)' };
  const person: IncomingPerson = {
    name: row.name,
    headline: row.headline,
    companyName: row.companyName,
    location: row.location,
    // Lower-cased, so "A@x.org" and "a@x.org" in one cell are one address.
    emails: row.emails.length ? [...new Set(row.emails.map((e) => e.toLowerCase()))] : row.emails,
    phones: row.phones,
    tags: row.tags,
    notes: row.note ? [{ body: row.note, visibility: row.noteVisibility ?? 'team', line: row.line }] : NO_NOTES,
    referrer: row.referrer,
  };
  if (row.profileUrl) {
    const target = profileTarget(row.profileUrl);
    if (!target || target.kind !== 'person') return { reason: `not a LinkedIn profile URL: ${row.profileUrl.slice(0, 200)}` };
    person.profileKey = target.key;
    person.profileUrl = target.url;
  }
  const badEmail = person.emails.find((e) => !EmailAddress.safeParse(e).success);
  if (badEmail) return { reason: `invalid e-mail address: ${badEmail.slice(0, 200)}` };
  const fields = PersonFields.safeParse(person);
  if (!fields.success) return { reason: describeZodError(fields.error) };
  if (row.connectedOn) {
    person.connectedAt = parseConnectedOn(row.connectedOn);
    if (person.connectedAt === undefined) warn(`"Connected on" date not understood, left empty: ${row.connectedOn.slice(0, 60)}`);
  }
  const longNote = person.notes.find((n) => n.body.length > 10_000);
  if (longNote) return { reason: 'note: must be at most 10000 characters' };
  if (row.stage) {
    if (!options.pipeline) warn(`stage "${row.stage}" ignored: no pipeline was chosen for the Stage column`);
    else {
      person.stageId = stageIdOf(options.pipeline, row.stage);
      if (!person.stageId) warn(`stage "${row.stage}" is not a stage of ${options.pipeline.name}: the person is imported without a pipeline entry`);
    }
  }
  return { person };
}

function union(a: string[] | undefined, b: string[]): string[] {
  const out = [...(a ?? [])];
  for (const v of b) if (!out.includes(v)) out.push(v);
  return out;
}

/** E-mails compare without case: a saved "Jane@X.org" is the "jane@x.org" a file matched it by. */
function emailUnion(a: string[] | undefined, b: string[]): string[] {
  const out = [...(a ?? [])];
  const held = new Set(out.map((e) => e.toLowerCase()));
  for (const v of b) {
    if (held.has(v.toLowerCase())) continue;
    held.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

/** Fold a later row about the same person into the first one: fill gaps, add to lists, keep every note. */
function fold(into: IncomingPerson, from: IncomingPerson): void {
  if (from.profileKey && into.profileKey && from.profileKey !== into.profileKey) into.otherKeys = union(into.otherKeys, [from.profileKey]);
  into.headline ??= from.headline;
  into.companyName ??= from.companyName;
  into.location ??= from.location;
  into.profileKey ??= from.profileKey;
  into.profileUrl ??= from.profileUrl;
  into.stageId ??= from.stageId;
  into.referrer ??= from.referrer;
  into.connectedAt ??= from.connectedAt;
  into.emails = union(into.emails, from.emails);
  into.phones = union(into.phones, from.phones);
  into.tags = union(into.tags, from.tags);
  if (from.notes.length) into.notes = [...into.notes, ...from.notes];
}

const SCALARS = ['name', 'headline', 'companyName', 'location', 'profileUrl'] as const;

/**
 * The fields a merge would write into a saved person: empty ones filled (all differing ones with
 * `overwrite`), lists extended. Shared with apply.ts, which recomputes it against the record as it
 * is at write time.
 */
export function mergeChanges(existing: ExistingPerson, incoming: IncomingPerson, overwrite: boolean): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of SCALARS) {
    const value = incoming[field];
    if (value === undefined || value === existing[field]) continue;
    if (field === 'name' && !overwrite) continue;
    if (overwrite || !existing[field]) changes[field] = value;
  }
  if (incoming.connectedAt !== undefined && incoming.connectedAt !== existing.connectedAt && (overwrite || existing.connectedAt === undefined)) {
    changes.connectedAt = incoming.connectedAt;
  }
  const keys = union(existing.profileKeys, [incoming.profileKey, ...(incoming.otherKeys ?? [])].filter((k): k is string => !!k));
  if (keys.length > existing.profileKeys.length) changes.profileKeys = keys;
  const lists = [
    ['tags', existing.tags, incoming.tags, union],
    ['emails', existing.emails, incoming.emails, emailUnion],
    ['phones', existing.phones, incoming.phones, union],
  ] as const;
  for (const [field, held, added, join] of lists) {
    if (!PERSON_FIELDS.has(field)) continue;
    const merged = join(held, added);
    if (merged.length > (held?.length ?? 0)) changes[field] = merged;
  }
  return changes;
}

function changeList(existing: ExistingPerson, incoming: IncomingPerson, overwrite: boolean, pipelineId: string | undefined): string[] {
  const changes = Object.keys(mergeChanges(existing, incoming, overwrite));
  if (incoming.notes.some((n) => !existing.noteBodies?.has(n.body))) changes.push('notes');
  if (incoming.stageId && pipelineId && !existing.pipelineIds?.has(pipelineId)) changes.push('pipeline');
  return changes;
}

/** Same name at the same company; without a company a name alone is too weak (同名不同人). */
function nameCompanyKey(p: { name: string; companyName?: string }): string | undefined {
  const company = matchText(p.companyName);
  return company ? `${matchText(p.name)}|${company}` : undefined;
}

function candidateOf(p: ExistingPerson): DuplicateCandidate {
  return { id: p.id, name: p.name, headline: p.headline, companyName: p.companyName, profileUrl: p.profileUrl };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The dry run, one row at a time: the popup feeds it rows as it parses them, so the file's rows
 * never all exist at once (100,000 parsed and mapped rows alive together made the collector's
 * pauses long tasks). `finish` settles what needs every row first: limits broken by folded rows.
 */
export class ImportPlanner {
  private readonly overwrite: boolean;
  private readonly byKey = new Map<string, ExistingPerson>();
  private readonly byEmail = new Map<string, ExistingPerson>();
  private readonly byNameCompany = new Map<string, ExistingPerson[]>();
  private readonly plan: ImportPlan;
  // Rows earlier in the same file, so that a second row about someone folds into the first.
  private readonly createdByKey = new Map<string, PlannedCreate>();
  private readonly createdByEmail = new Map<string, PlannedCreate>();
  private readonly createdByNameCompany = new Map<string, PlannedCreate[]>();
  private readonly mergeById = new Map<string, PlannedMerge>();
  private readonly matches: { merge: PlannedMerge; existing: ExistingPerson }[] = [];

  constructor(
    existing: Iterable<ExistingPerson>,
    private readonly options: PlanOptions = {},
  ) {
    this.overwrite = options.overwrite ?? false;
    for (const p of existing) {
      if (p.deleted) continue;
      for (const k of p.profileKeys) this.byKey.set(k, p);
      // An address shared by several people (a team inbox) points at the first of them.
      for (const e of p.emails ?? []) if (!this.byEmail.has(e.toLowerCase())) this.byEmail.set(e.toLowerCase(), p);
      const key = nameCompanyKey(p);
      if (key) push(this.byNameCompany, key, p);
    }
    this.plan = {
      create: [],
      merge: [],
      unchanged: [],
      possibleDuplicates: [],
      rejected: [],
      warnings: [],
      pipelineId: options.pipeline?.id,
      overwrite: this.overwrite,
    };
  }

  add(row: ImportRow): void {
    const plan = this.plan;
    const checked = checkRow(row, this.options, (reason) => plan.warnings.push({ line: row.line, reason }));
    if ('reason' in checked) {
      plan.rejected.push({ line: row.line, reason: checked.reason });
      return;
    }
    const person = checked.person;

    let match: { p: ExistingPerson; by: MatchedBy } | undefined;
    if (person.profileKey && this.byKey.has(person.profileKey)) match = { p: this.byKey.get(person.profileKey)!, by: 'profile' };
    const email = match || this.byEmail.size === 0 ? undefined : person.emails.find((e) => this.byEmail.has(e));
    if (email) match = { p: this.byEmail.get(email)!, by: 'email' };
    if (match) {
      const known = this.mergeById.get(match.p.id);
      if (known) {
        known.lines.push(row.line);
        fold(known.person, person);
      } else {
        const merge: PlannedMerge = { lines: [row.line], personId: match.p.id, matchedBy: match.by, person, changes: [] };
        this.mergeById.set(match.p.id, merge);
        this.matches.push({ merge, existing: match.p });
      }
      return;
    }

    let earlier = person.profileKey ? this.createdByKey.get(person.profileKey) : undefined;
    for (const e of person.emails) earlier ??= this.createdByEmail.get(e);
    // Two profiles sharing an e-mail (a shared inbox, a typo) are not folded into one new person.
    if (earlier && person.profileKey && earlier.person.profileKey && earlier.person.profileKey !== person.profileKey) earlier = undefined;
    // A row with neither profile nor e-mail that repeats the name and company of one new person
    // further up is that person listed again; if several new people fit, it is its own person.
    const nameCompany = nameCompanyKey(person);
    if (!earlier && !person.profileKey && person.emails.length === 0 && nameCompany) {
      const same = this.createdByNameCompany.get(nameCompany);
      if (same?.length === 1) earlier = same[0];
    }
    if (earlier) {
      earlier.lines.push(row.line);
      fold(earlier.person, person);
      if (person.profileKey) this.createdByKey.set(person.profileKey, earlier);
      for (const e of person.emails) if (!this.createdByEmail.has(e)) this.createdByEmail.set(e, earlier);
      return;
    }

    const homonyms = nameCompany && this.byNameCompany.size ? this.byNameCompany.get(nameCompany) : undefined;
    if (homonyms) {
      plan.possibleDuplicates.push({
        line: row.line,
        person,
        candidates: homonyms.map(candidateOf),
        reason: `same name and company as ${homonyms.length === 1 ? 'a saved person' : `${homonyms.length} saved people`}`,
      });
      return;
    }
    if (!person.profileKey && PROFILE_REQUIRED) {
      plan.rejected.push({ line: row.line, reason: 'no profile URL: Scoutbook saves a person by their LinkedIn profile, and this row matches no one already saved' });
      return;
    }
    const created: PlannedCreate = { lines: [row.line], person };
    plan.create.push(created);
    if (person.profileKey) this.createdByKey.set(person.profileKey, created);
    for (const e of person.emails) if (!this.createdByEmail.has(e)) this.createdByEmail.set(e, created);
    if (nameCompany) push(this.createdByNameCompany, nameCompany, created);
  }

  /** The plan, once every row is in. Call once. */
  finish(): ImportPlan {
    const { plan, overwrite } = this;
    // Folding rows together, or adding to what a saved person has, can break a limit (50 tags) that
    // no single row broke; such a person is refused here rather than failing the whole write later.
    const refuse = (lines: number[], reason: string) => lines.forEach((line) => plan.rejected.push({ line, reason }));
    plan.create = plan.create.filter((c) => {
      if (c.lines.length === 1) return true;
      const check = PersonFields.safeParse(c.person);
      if (!check.success) refuse(c.lines, `together with lines ${c.lines.join(', ')}: ${describeZodError(check.error)}`);
      return check.success;
    });
    for (const { merge, existing: p } of this.matches) {
      const check = PersonChanges.safeParse(mergeChanges(p, merge.person, overwrite));
      if (!check.success) {
        refuse(merge.lines, `merged into ${p.name}: ${describeZodError(check.error)}`);
        continue;
      }
      merge.changes = changeList(p, merge.person, overwrite, plan.pipelineId);
      (merge.changes.length > 0 ? plan.merge : plan.unchanged).push(merge);
    }
    const byLine = (a: { lines: number[] }, b: { lines: number[] }) => a.lines[0]! - b.lines[0]!;
    plan.merge.sort(byLine);
    plan.unchanged.sort(byLine);
    plan.rejected.sort((a, b) => a.line - b.line);
    return plan;
  }
}

/** The dry run over rows already in memory, in time slices. */
export async function planImport(rows: readonly ImportRow[], existing: Iterable<ExistingPerson>, options: PlanOptions = {}): Promise<ImportPlan> {
  const planner = new ImportPlanner(existing, options);
  const slicer = new TimeSlicer({ ...options, what: 'Checking the file' });
  throwIfAborted(options.signal, 'Checking the file cancelled');
  for (const [i, row] of rows.entries()) {
    if (slicer.due()) await slicer.step(i, rows.length);
    planner.add(row);
  }
  return planner.finish();
}

/** Counts for the dry-run summary line. */
export function planSummary(plan: ImportPlan) {
  return {
    create: plan.create.length,
    merge: plan.merge.length,
    unchanged: plan.unchanged.length,
    possibleDuplicates: plan.possibleDuplicates.length,
    rejected: plan.rejected.length,
    warnings: plan.warnings.length,
  };
}
