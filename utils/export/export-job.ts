import type { ScoutbookDb, StoredEntry, StoredPerson } from '../db/database';
import { throwIfAborted } from '../import/cooperative';
import type { Pipeline } from '../schema';
import { exportRows, pickColumns, type ExportFormat, type ExportOptions } from './columns';
import { visitInPages } from './read-pages';
import { exportRowsFromRecords } from './record-rows';
import { needsNotes, newestNotes } from './run-export';

/** Everything an export needs that is not in the database: small enough to post to a worker. */
export interface ExportJob {
  /** The people to export, in the order the user sees them. */
  personIds: string[];
  /** Set for a pipeline or stage export: each row then carries only that pipeline's entry. */
  pipelineId?: string;
  pipelines: Pipeline[];
  columnIds: string[];
  format: ExportFormat;
}

/** Above this many people one paged pass over the table beats a read per person. */
const SCAN_ABOVE = 5_000;

async function peopleOf(db: ScoutbookDb, ids: string[], signal?: AbortSignal): Promise<Map<string, StoredPerson>> {
  const byId = new Map<string, StoredPerson>();
  if (ids.length <= SCAN_ABOVE) {
    const found = await db.people.bulkGet(ids);
    for (const p of found) if (p) byId.set(p.id, p);
    return byId;
  }
  const wanted = new Set(ids);
  await visitInPages<StoredPerson>(db.people, (p) => wanted.has(p.id) && byId.set(p.id, p), signal);
  return byId;
}

async function entriesOf(db: ScoutbookDb, ids: string[], signal?: AbortSignal): Promise<StoredEntry[]> {
  if (ids.length <= SCAN_ABOVE) return db.entries.where('personId').anyOf(ids).toArray();
  const wanted = new Set(ids);
  const out: StoredEntry[] = [];
  await visitInPages<StoredEntry>(db.entries, (e) => !e.deleted && e.personId !== undefined && wanted.has(e.personId) && out.push(e), signal);
  return out;
}

/**
 * An export read straight from the database, for the export worker: the popup posts only ids and
 * choices, so neither 100,000 rows nor the file ever cross the thread boundary as objects (the
 * file comes back as a Blob, which is passed by reference).
 */
export async function exportFromDb(db: ScoutbookDb, job: ExportJob, options: ExportOptions = {}): Promise<Blob> {
  const columns = pickColumns(job.columnIds);
  // Only the tables the picked columns need, all at once: the database works on one read while
  // this thread deserialises another.
  const [people, entries, notes] = await Promise.all([
    peopleOf(db, job.personIds, options.signal),
    columns.some((c) => c.shape === 'perEntry') ? entriesOf(db, job.personIds, options.signal) : [],
    needsNotes(columns) ? newestNotes(db, job.personIds, options.signal) : undefined,
  ]);
  throwIfAborted(options.signal, 'Export cancelled');
  const ordered = job.personIds.map((id) => people.get(id)).filter((p): p is StoredPerson => p !== undefined);
  people.clear();
  const rows = exportRowsFromRecords(ordered, entries, job.pipelines, notes, { pipelineId: job.pipelineId });
  return exportRows(rows, job.format, columns, options);
}
