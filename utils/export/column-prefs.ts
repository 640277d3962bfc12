import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { DEFAULT_EXPORT_COLUMN_IDS, EXPORT_COLUMNS, type ExportFormat } from './columns';

/** The export columns and format the user picked last, kept in extension storage (all extension pages share it). */
export const ExportPrefs = z.object({
  columns: z.array(z.string()).max(100),
  format: z.enum(['csv', 'xlsx', 'json']),
});
export type ExportPrefs = z.infer<typeof ExportPrefs>;

export const DEFAULT_EXPORT_PREFS: ExportPrefs = { columns: [...DEFAULT_EXPORT_COLUMN_IDS], format: 'csv' };

const item = storage.defineItem<unknown>('local:exportPrefs', { fallback: null });

/** Stored prefs, with columns that no longer exist dropped; the defaults when nothing (valid) is stored. */
export async function loadExportPrefs(): Promise<ExportPrefs> {
  const parsed = ExportPrefs.safeParse(await item.getValue());
  if (!parsed.success) return DEFAULT_EXPORT_PREFS;
  const known = new Set(EXPORT_COLUMNS.map((c) => c.id));
  return { ...parsed.data, columns: parsed.data.columns.filter((id) => known.has(id)) };
}

export async function saveExportPrefs(prefs: ExportPrefs): Promise<void> {
  await item.setValue(prefs);
}

/** Checking a column adds it at its place in the catalogue order, so the file's columns keep a sensible order. */
export function toggleColumn(columns: readonly string[], id: string, on: boolean): string[] {
  const wanted = new Set(columns);
  if (on) wanted.add(id);
  else wanted.delete(id);
  return EXPORT_COLUMNS.map((c) => c.id).filter((c) => wanted.has(c));
}

export type { ExportFormat };
