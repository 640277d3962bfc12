import { STATUS_TEXT } from '../format/status';
import { TimeSlicer, throwIfAborted, type CooperativeOptions } from '../import/cooperative';
import type { LastNote } from '../db/last-notes';
import type { Person, Pipeline, PipelineEntry } from '../schema';
import { CSV_BOM, CSV_EOL, csvLine, type Column } from './csv';
import { formatLocalDate, formatLocalDay } from './dates';
import { toJsonText } from './json';
import type { TalentRow } from './talent-bank';
import { toXlsx } from './xlsx';

/**
 * The columns a user can pick for an export, and `exportRows`, which renders the picked columns
 * as CSV, XLSX or JSON without holding the UI thread for long.
 */

/** Fields the schema does not have yet; read when present so exports pick them up when it does. */
export type ExportPerson = Person & { emails?: string[]; phones?: string[] };
export type ExportEntry = { entry: PipelineEntry & { referrer?: string }; pipeline?: Pipeline };

export interface ExportRow {
  person: ExportPerson;
  /** Most recently changed first, as the talent bank lists them. */
  entries: ExportEntry[];
  lastNote?: LastNote;
}

export type CellValue = string | number | Date;

/**
 * Export rows made a batch at a time, as the renderers reach them. 100,000 rows made up front
 * (15 MB) outlived the young generation and, with the popup's heap holding the whole bank, the
 * collections of the old one held its thread for hundreds of milliseconds.
 */
export interface ExportRowSource {
  readonly length: number;
  rows(from: number, to: number): readonly ExportRow[];
}

function rowSource(rows: readonly ExportRow[] | ExportRowSource): ExportRowSource {
  return 'rows' in rows ? rows : { length: rows.length, rows: (from, to) => rows.slice(from, to) };
}

/**
 * `one`: a single value. `list`: several values of one kind (tags, e-mails). `perEntry`: one value
 * per pipeline entry, in the order of the Pipeline column, so the columns line up.
 */
export type ColumnShape = 'one' | 'list' | 'perEntry';

interface ColumnSpec {
  id: string;
  header: string;
  type: 'text' | 'date' | 'number';
  shape: ColumnShape;
  /** Width in characters for XLSX. */
  width: number;
  /** A date that is a day, not a moment (LinkedIn's "Connected On"): written without a time. */
  dayOnly?: boolean;
  values: (row: ExportRow) => (CellValue | undefined)[];
}

/** A column of one value per row says so with `value`: its text then needs no array per cell. */
type SpecInput = Omit<ColumnSpec, 'values'> & ({ values: ColumnSpec['values'] } | { value: (row: ExportRow) => CellValue | undefined });

export interface ExportColumn extends ColumnSpec {
  /** The cell as text (CSV, and XLSX cells that join several values). */
  text: (row: ExportRow) => string;
}

const one = (v: CellValue | undefined) => (v === undefined || v === '' ? [] : [v]);
const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

/** When the entry entered the stage it is in now. */
export function stageSince(entry: PipelineEntry): number | undefined {
  for (let i = entry.history.length - 1; i >= 0; i--) if (entry.history[i]!.stageId === entry.stageId) return entry.history[i]!.at;
  return entry.history.length ? undefined : entry.createdAt;
}

/**
 * First contact: the first move into "Contacted" or any later stage. Pipelines without a
 * Contacted stage (referral: Read → Applied …) count from the entry's first step.
 */
export function firstContact(entry: PipelineEntry, pipeline: Pipeline | undefined): number | undefined {
  const stages = pipeline?.stages ?? [];
  const contacted = stages.findIndex((s) => s.id === 'contacted' || s.name.toLowerCase() === 'contacted');
  if (contacted < 0) return entry.history[0]?.at ?? entry.createdAt;
  const later = new Set(stages.slice(contacted).map((s) => s.id));
  return entry.history.find((h) => later.has(h.stageId))?.at;
}

/** Referral points: every stage up to and including the current one awards its points. */
export function pointsOf(entry: PipelineEntry, pipeline: Pipeline | undefined): number | undefined {
  const stages = pipeline?.stages ?? [];
  if (!stages.some((s) => s.points !== undefined)) return undefined;
  const at = stages.findIndex((s) => s.id === entry.stageId);
  if (at < 0) return undefined;
  return stages.slice(0, at + 1).reduce((sum, s) => sum + (s.points ?? 0), 0);
}

const PROFILE_URL: Record<string, (rest: string) => string> = {
  linkedin: (rest) => `https://www.linkedin.com/${rest}/`,
  github: (rest) => `https://github.com/${rest}`,
  maimai: (rest) => (rest.startsWith('dstu/') ? `https://maimai.cn/profile/detail?dstu=${rest.slice(5)}` : `https://maimai.cn/company?webcid=${rest.slice(7)}`),
};

/** Every profile of the person: the main URL first, then one per other profile key. */
export function profileUrls(person: Person): string[] {
  const urls = person.profileUrl ? [person.profileUrl] : [];
  for (const key of person.profileKeys) {
    const [site, ...rest] = key.split(':');
    const url = PROFILE_URL[site ?? '']?.(rest.join(':'));
    if (url && !urls.some((u) => u.toLowerCase().replace(/\/$/, '') === url.toLowerCase().replace(/\/$/, ''))) urls.push(url);
  }
  return urls;
}

const perEntry = <T extends CellValue>(f: (e: ExportEntry, row: ExportRow) => T | undefined) => (row: ExportRow) =>
  row.entries.map((e) => f(e, row));

const SPECS: SpecInput[] = [
  { id: 'name', header: 'Name', type: 'text', shape: 'one', width: 20, value: (r) => r.person.name },
  { id: 'headline', header: 'Headline', type: 'text', shape: 'one', width: 36, value: (r) => r.person.headline },
  { id: 'company', header: 'Company', type: 'text', shape: 'one', width: 22, value: (r) => r.person.companyName },
  { id: 'location', header: 'Location', type: 'text', shape: 'one', width: 20, value: (r) => r.person.location },
  { id: 'profileUrl', header: 'Profile URL', type: 'text', shape: 'one', width: 40, value: (r) => r.person.profileUrl },
  { id: 'profileUrls', header: 'All profile URLs', type: 'text', shape: 'list', width: 48, values: (r) => profileUrls(r.person) },
  { id: 'emails', header: 'E-mails', type: 'text', shape: 'list', width: 30, values: (r) => r.person.emails ?? [] },
  { id: 'phones', header: 'Phones', type: 'text', shape: 'list', width: 18, values: (r) => r.person.phones ?? [] },
  { id: 'status', header: 'Status', type: 'text', shape: 'one', width: 14, value: (r) => STATUS_TEXT[r.person.status] },
  { id: 'tags', header: 'Tags', type: 'text', shape: 'list', width: 24, values: (r) => r.person.tags },
  { id: 'pipeline', header: 'Pipeline', type: 'text', shape: 'perEntry', width: 18, values: perEntry((e) => e.pipeline?.name ?? 'Unknown pipeline') },
  {
    id: 'stage',
    header: 'Stage',
    type: 'text',
    shape: 'perEntry',
    width: 16,
    values: perEntry((e) => e.pipeline?.stages.find((s) => s.id === e.entry.stageId)?.name ?? e.entry.stageId),
  },
  { id: 'owner', header: 'Owner', type: 'text', shape: 'perEntry', width: 16, values: (r) => (r.entries.length ? r.entries.map((e) => e.entry.ownerId ?? r.person.ownerId) : one(r.person.ownerId)) },
  { id: 'stageSince', header: 'In stage since', type: 'date', shape: 'perEntry', width: 17, values: perEntry((e) => date(stageSince(e.entry))) },
  { id: 'firstContact', header: 'First contact', type: 'date', shape: 'perEntry', width: 17, values: perEntry((e) => date(firstContact(e.entry, e.pipeline))) },
  { id: 'addedToPipeline', header: 'Added to pipeline', type: 'date', shape: 'perEntry', width: 17, values: perEntry((e) => date(e.entry.createdAt)) },
  { id: 'referrer', header: 'Referrer', type: 'text', shape: 'perEntry', width: 18, values: perEntry((e) => e.entry.referrer) },
  { id: 'points', header: 'Points', type: 'number', shape: 'perEntry', width: 8, values: perEntry((e) => pointsOf(e.entry, e.pipeline)) },
  { id: 'lastNote', header: 'Last note', type: 'text', shape: 'one', width: 50, value: (r) => r.lastNote?.body },
  { id: 'lastNoteAt', header: 'Last note date', type: 'date', shape: 'one', width: 17, value: (r) => date(r.lastNote?.createdAt) },
  { id: 'savedAt', header: 'Saved on', type: 'date', shape: 'one', width: 17, value: (r) => date(r.person.createdAt) },
  { id: 'connectedAt', header: 'Connected on', type: 'date', shape: 'one', width: 12, dayOnly: true, value: (r) => date(r.person.connectedAt) },
];

export { formatLocalDate, formatLocalDay };

function textOf(v: CellValue | undefined, dayOnly = false): string {
  if (v === undefined) return '';
  if (v instanceof Date) return dayOnly ? formatLocalDay(v) : formatLocalDate(v);
  return String(v);
}

/** Stands in for "no value for this pipeline" when a cell joins several, so the columns still line up. */
export const NO_VALUE = '–';

/** Several values joined with "; ", as the talent bank export always did. */
export function joinValues(values: readonly (CellValue | undefined)[], dayOnly = false): string {
  if (values.length === 1) return textOf(values[0], dayOnly);
  return values.map((v) => (v === undefined || v === '' ? NO_VALUE : textOf(v, dayOnly))).join('; ');
}

export const EXPORT_COLUMNS: ExportColumn[] = SPECS.map((spec): ExportColumn => {
  if ('values' in spec) return { ...spec, text: (row) => joinValues(spec.values(row), spec.dayOnly) };
  const { value, ...rest } = spec;
  return {
    ...rest,
    values: (row) => one(value(row)),
    // What joinValues(values) gives, without the array: 100,000 rows × every column add up.
    text: (row) => {
      const v = value(row);
      return v === undefined || v === '' ? '' : textOf(v, spec.dayOnly);
    },
  };
});

/** What a talent-bank export offers before the user changes anything. */
export const DEFAULT_EXPORT_COLUMN_IDS = [
  'name',
  'headline',
  'company',
  'location',
  'profileUrl',
  'emails',
  'phones',
  'status',
  'pipeline',
  'stage',
  'owner',
  'stageSince',
  'tags',
  'lastNote',
];
/** A referral (内推) pipeline export adds who referred the candidate and the points earned. */
export const REFERRAL_EXPORT_COLUMN_IDS = [...DEFAULT_EXPORT_COLUMN_IDS, 'referrer', 'points'];

/** The picked columns in the order picked; unknown ids (a column removed since it was saved) are dropped. */
export function pickColumns(ids: readonly string[]): ExportColumn[] {
  const byId = new Map(EXPORT_COLUMNS.map((c) => [c.id, c]));
  return ids.map((id) => byId.get(id)).filter((c): c is ExportColumn => c !== undefined);
}

/** Where an export finds each person's newest note: the popup's mirror of them, or a map read for the export. */
export interface LastNoteLookup {
  get(personId: string): LastNote | undefined;
}

/**
 * The listed talent rows with their entries (held by the rows) and pipelines resolved. With
 * `pipelineId`, only that pipeline's entry is kept: a pipeline export has exactly one entry per
 * row, so its dates stay typed.
 */
export function buildExportRows(
  rows: readonly TalentRow[],
  pipelines: readonly Pipeline[],
  options: { pipelineId?: string; lastNotes?: LastNoteLookup } = {},
): ExportRow[] {
  const pipelineById = new Map(pipelines.map((p) => [p.id, p]));
  const out: ExportRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const entries: ExportEntry[] = [];
    for (const s of row.stages) {
      if (s.entry.deleted || (options.pipelineId !== undefined && s.pipelineId !== options.pipelineId)) continue;
      entries.push({ entry: s.entry, pipeline: pipelineById.get(s.entry.pipelineId) });
    }
    out[i] = { person: row.person, entries, lastNote: options.lastNotes ? options.lastNotes.get(row.person.id) : row.lastNote };
  }
  return out;
}

/** The adapter to `toCsv` (csv.ts: BOM, RFC 4180, formula neutralising), whose cell and line writers the export uses too. */
export function csvColumns(columns: readonly ExportColumn[]): Column<ExportRow>[] {
  return columns.map((c) => ({ header: c.header, value: c.text }));
}

export type ExportFormat = 'csv' | 'xlsx' | 'json';

export const EXPORT_MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

export interface ExportOptions extends CooperativeOptions {
  /** Rows rendered between two checks of the time budget. */
  chunkSize?: number;
}

/** String parts of CSV handed to a Blob at a time (~250 rows): they die young, before the GC would copy them into the old generation. */
const PARTS_PER_BLOB = 2;

/**
 * CSV as string parts, one per chunk of rows, gathered into Blobs as it goes: never one giant
 * string, and never the whole file as strings on the heap (a Blob's bytes live outside it).
 */
async function csvBlob(source: ExportRowSource, columns: readonly ExportColumn[], options: ExportOptions): Promise<Blob> {
  const blobs: Blob[] = [];
  let parts: string[] = [`${CSV_BOM}${csvLine(columns.map((c) => c.header))}${CSV_EOL}`];
  const slicer = new TimeSlicer({ ...options, what: 'Export' });
  const cells = new Array<string>(columns.length);
  const size = options.chunkSize ?? 128;
  for (let from = 0; from < source.length; from += size) {
    await slicer.step(from, source.length);
    let part = '';
    for (const row of source.rows(from, from + size)) {
      for (let c = 0; c < columns.length; c++) cells[c] = columns[c]!.text(row);
      part += `${csvLine(cells)}${CSV_EOL}`;
    }
    parts.push(part);
    if (parts.length >= PARTS_PER_BLOB) {
      blobs.push(new Blob(parts));
      parts = [];
    }
  }
  options.onProgress?.({ done: source.length, total: source.length });
  return new Blob([...blobs, ...parts], { type: EXPORT_MIME.csv });
}

/**
 * Render rows in the picked columns. Work is cut into slices that hand the event loop back (a
 * popup stays responsive during a 100k-row export); an aborted signal rejects with an AbortError.
 */
export async function exportRows(
  rows: readonly ExportRow[] | ExportRowSource,
  format: ExportFormat,
  columns: readonly ExportColumn[],
  options: ExportOptions = {},
): Promise<Blob> {
  throwIfAborted(options.signal, 'Export cancelled');
  const source = rowSource(rows);
  if (format === 'csv') return csvBlob(source, columns, options);
  if (format === 'json') return new Blob(await toJsonText(source, columns, options), { type: EXPORT_MIME.json });
  return toXlsx(source, columns, options);
}
