import type { ScoutbookDb, StoredNote } from '../db/database';
import { isNewerNote, lastNotes, type LastNote } from '../db/last-notes';
import type { Pipeline } from '../schema';
import { buildExportRows, exportRows, type ExportColumn, type ExportFormat, type ExportOptions, type LastNoteLookup } from './columns';
import { visitInPages } from './read-pages';
import type { ScopedRows } from './scope';

/** Above this many people one pass over the notes beats one indexed query per person. */
const SCAN_ABOVE = 5_000;

const NOTE_COLUMNS = new Set(['lastNote', 'lastNoteAt']);

function needsNotes(columns: readonly ExportColumn[]): boolean {
  return columns.some((c) => NOTE_COLUMNS.has(c.id));
}

/** The newest live note per person, read for this export: for a large list one paged pass over the notes. */
async function newestNotes(db: ScoutbookDb, personIds: string[], signal?: AbortSignal): Promise<Map<string, LastNote>> {
  if (personIds.length <= SCAN_ABOVE) return lastNotes(db, personIds);
  const wanted = new Set(personIds);
  const out = new Map<string, LastNote>();
  await visitInPages<StoredNote>(
    db.notes,
    (n) => {
      if (n.deleted || !n.personId || !wanted.has(n.personId)) return;
      if (isNewerNote(n, out.get(n.personId))) out.set(n.personId, { id: n.id, body: n.body, createdAt: n.createdAt });
    },
    signal,
  );
  return out;
}

export interface RunExportOptions extends ExportOptions {
  /** The popup's mirror of everyone's newest note; read from the database when absent or not `ready`. */
  lastNotes?: LastNoteLookup & { readonly ready: boolean };
}

/**
 * Render the listed rows in the picked columns. The rows come from the popup's talent bank, which
 * holds every person and pipeline entry, and the last notes from its mirror of them, so a
 * 100,000-row export reads nothing from IndexedDB (reading it back took 2–5 s here, more than the
 * whole export may take). Rendering is time-sliced (exportRows).
 */
export async function runExport(
  db: ScoutbookDb,
  scoped: ScopedRows,
  pipelines: readonly Pipeline[],
  columns: readonly ExportColumn[],
  format: ExportFormat,
  options: RunExportOptions = {},
): Promise<Blob> {
  let notes: LastNoteLookup | undefined;
  if (needsNotes(columns))
    notes = options.lastNotes?.ready
      ? options.lastNotes
      : await newestNotes(
          db,
          scoped.rows.map((r) => r.person.id),
          options.signal,
        );
  const build = { pipelineId: scoped.pipelineId, lastNotes: notes };
  const source = { length: scoped.rows.length, rows: (from: number, to: number) => buildExportRows(scoped.rows.slice(from, to), pipelines, build) };
  return exportRows(source, format, columns, options);
}
