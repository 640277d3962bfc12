import { z } from 'zod';
import type { StoredCompany, StoredEntry, StoredNote, StoredPerson, StoredPipeline, CachedIntel, PitchRow } from '../db/database';
import { PitchDraft } from '../pipelines/pitch-store';
import { describeZodError, Hlc, Id, IntelItem, parseRecord, Timestamp, type EntityName } from '../schema';

/**
 * The backup file: every synced record as stored, with the clock of each field, so that a
 * restore can merge per field exactly as sync does. Versioned: a newer format is refused, never
 * half-read.
 */
export const BACKUP_FORMAT = 'scoutbook-backup';
export const BACKUP_VERSION = 1;

export interface BackupV1 {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  people: StoredPerson[];
  companies: StoredCompany[];
  notes: StoredNote[];
  pipelines: StoredPipeline[];
  entries: StoredEntry[];
  /** Company intel cached from the sync API: optional, the server can send it again. */
  intel?: CachedIntel[];
  /** Pitch templates (话术): local to this device (not synced), so the backup is their only copy. Optional: older backups have none. */
  pitches?: PitchRow[];
  /** The device that made the backup. A restore never takes it over: two devices must not share a clock node. */
  meta: { clientId: string };
}
export type Backup = BackupV1;

/** Its message is for the user; a restore that throws it has written nothing. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** The tables of a backup, in the order a restore writes them (pipelines before their entries). */
export const BACKUP_TABLES = [
  ['people', 'person'],
  ['companies', 'company'],
  ['pipelines', 'pipeline'],
  ['notes', 'note'],
  ['entries', 'entry'],
] as const satisfies readonly (readonly [keyof BackupV1, EntityName])[];

const Clocks = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, 'must be a field name'), Hlc);

function storedRecord(entity: EntityName) {
  return z.looseObject({ id: Id, clocks: Clocks }).transform((record, ctx) => {
    const { clocks, ...data } = record;
    const parsed = parseRecord(entity, data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { ...parsed.data, id: record.id, clocks };
  });
}

/** Two rows with one id would silently collapse into one on restore. */
const uniqueIds = (rows: { id: string }[]) => new Set(rows.map((r) => r.id)).size === rows.length;
const records = (entity: EntityName) => z.array(storedRecord(entity)).refine(uniqueIds, 'the same id appears twice');

const CachedIntelSchema = IntelItem.extend({ companyNameLower: z.string(), fetchedAt: Timestamp });

const PitchRowSchema = PitchDraft.extend({ id: Id, pipelineId: Id, createdAt: Timestamp, updatedAt: Timestamp });

const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  people: records('person'),
  companies: records('company'),
  notes: records('note'),
  pipelines: records('pipeline'),
  entries: records('entry'),
  intel: z.array(CachedIntelSchema).refine(uniqueIds, 'the same id appears twice').optional(),
  pitches: z.array(PitchRowSchema).refine(uniqueIds, 'the same id appears twice').optional(),
  meta: z.object({ clientId: z.string().max(64) }).default({ clientId: '' }),
});

function describeIssues(error: z.ZodError): string {
  // "people.3.name" reads better as "people[3].name".
  return describeZodError(error).replace(/\.(\d+)(?=[.:])/g, '[$1]');
}

/**
 * Check a parsed JSON value is a backup this version can restore. Throws a BackupError naming the
 * problem — another kind of file, a newer format, a malformed record and where it is.
 */
export function parseBackup(input: unknown): Backup {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new BackupError('This is not a Scoutbook backup: it is not a JSON object.');
  }
  const head = input as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) throw new BackupError('This is not a Scoutbook backup (it has no "format": "scoutbook-backup").');
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    throw new BackupError('This backup has no valid format version; the file is damaged.');
  }
  if (head.version > BACKUP_VERSION) {
    throw new BackupError(`This backup was made by a newer Scoutbook (backup format ${head.version}; this one reads up to ${BACKUP_VERSION}). Update Scoutbook, then restore it.`);
  }
  const parsed = BackupSchema.safeParse(input);
  if (!parsed.success) throw new BackupError(`This backup is damaged and was not restored: ${describeIssues(parsed.error)}.`);
  return parsed.data as unknown as Backup;
}

/** The text of a backup file → a checked backup. */
export function parseBackupText(text: string): Backup {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BackupError('This is not a Scoutbook backup: it is not valid JSON (the file may be cut short).');
  }
  return parseBackup(value);
}
