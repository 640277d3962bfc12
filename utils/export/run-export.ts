import type { ScoutbookDb, StoredEntry, StoredNote } from '../db/database';
import { lastNotes } from '../db/last-notes';
import { throwIfAborted } from '../import/cooperative';
import type { Note, Pipeline, PipelineEntry } from '../schema';
import { buildExportRows, exportRows, type ExportColumn, type ExportFormat, type ExportOptions } from './columns';
import { visitInPages } from './read-pages';
import type { ScopedRows } from './scope';

/** Above this many people one pass over a table beats one indexed query per person. */
const SCAN_ABOVE = 5_000;

const NOTE_COLUMNS = new Set(['lastNote', 'lastNoteAt']);

export function needsNotes(columns: readonly ExportColumn[]): boolean {
  return columns.some((c) => NOTE_COLUMNS.has(c.id));
}

/** The newest live note per person: for a large list one paged pass over the notes instead of a query each. */
export async function newestNotes(db: ScoutbookDb, personIds: string[], signal?: AbortSignal): Promise<Map<string, Note>> {
  if (personIds.length <= SCAN_ABOVE) return lastNotes(db, personIds);
  const wanted = new Set(personIds);
  const out = new Map<string, Note>();
  await visitInPages<StoredNote>(
    db.notes,
    (n) => {
      if (n.deleted || !n.personId || !wanted.has(n.personId)) return;
      const held = out.get(n.personId);
      if (!held || n.createdAt > held.createdAt) out.set(n.personId, n);
    },
    signal,
  );
  return out;
}

/** The live entries of these people: for a large list one paged pass over the entries. */
async function entriesOf(db: ScoutbookDb, personIds: string[], signal?: AbortSignal): Promise<PipelineEntry[]> {
  if (personIds.length <= SCAN_ABOVE) return db.entries.where('personId').anyOf(personIds).toArray();
  const wanted = new Set(personIds);
  const out: StoredEntry[] = [];
  await visitInPages<StoredEntry>(db.entries, (e) => !e.deleted && e.personId && wanted.has(e.personId) && out.push(e), signal);
  return out;
}

/**
 * Read what the picked columns need (pipeline entries only for pipeline columns, notes only for the
 * note columns) and render the file. Reads are IndexedDB requests in pages, so the UI thread stays
 * free; the rendering is time-sliced (exportRows).
 */
export async function runExport(
  db: ScoutbookDb,
  scoped: ScopedRows,
  pipelines: readonly Pipeline[],
  columns: readonly ExportColumn[],
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<Blob> {
  const ids = scoped.rows.map((r) => r.person.id);
  const needEntries = columns.some((c) => c.shape === 'perEntry');
  const needNotes = needsNotes(columns);
  const [entries, notes] = await Promise.all([
    needEntries ? entriesOf(db, ids, options.signal) : Promise.resolve([]),
    needNotes ? newestNotes(db, ids, options.signal) : Promise.resolve(new Map<string, Note>()),
  ]);
  throwIfAborted(options.signal, 'Export cancelled');
  const rows = needNotes ? scoped.rows.map((r) => ({ ...r, lastNote: notes.get(r.person.id) })) : scoped.rows;
  const built = buildExportRows(rows, entries, pipelines, { pipelineId: scoped.pipelineId });
  return exportRows(built, format, columns, options);
}
