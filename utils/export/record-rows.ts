import type { StoredEntry, StoredPerson } from '../db/database';
import type { Note, Pipeline } from '../schema';
import type { ExportEntry, ExportRow } from './columns';

/**
 * Export rows straight from stored records, for the export worker: the rows that talentRows and
 * then buildExportRows give (same people, same entries in the same order), without building a
 * talent-bank row per person in between — at 100,000 people that step cost more than rendering.
 */
export function exportRowsFromRecords(
  people: readonly StoredPerson[],
  entries: readonly StoredEntry[],
  pipelines: readonly Pipeline[],
  lastNotes: ReadonlyMap<string, Note> | undefined,
  options: { pipelineId?: string } = {},
): ExportRow[] {
  const pipelineById = new Map(pipelines.map((p) => [p.id, p]));
  const entriesOf = new Map<string, ExportEntry[]>();
  for (const entry of entries) {
    if (entry.deleted || !entry.personId) continue;
    if (options.pipelineId !== undefined && entry.pipelineId !== options.pipelineId) continue;
    const item = { entry, pipeline: pipelineById.get(entry.pipelineId) };
    const list = entriesOf.get(entry.personId);
    if (list) list.push(item);
    else entriesOf.set(entry.personId, [item]);
  }
  const rows: ExportRow[] = [];
  for (const person of people) {
    if (person.deleted) continue;
    const list = entriesOf.get(person.id) ?? [];
    // Most recently changed first, compared as the talent bank does.
    if (list.length > 1) list.sort((a, b) => b.entry.updatedAt.localeCompare(a.entry.updatedAt));
    rows.push({ person, entries: list, lastNote: lastNotes?.get(person.id) });
  }
  return rows;
}
