import { useState } from 'react';
import { getDb } from '@/utils/db/database';
import { lastNotes } from '@/utils/db/last-notes';
import { buildExportRows, DEFAULT_EXPORT_COLUMN_IDS, EXPORT_COLUMNS, exportRows, pickColumns, type ExportFormat } from '@/utils/export/columns';
import type { TalentRow } from '@/utils/export/talent-bank';
import { isoDate } from '@/utils/format/relative-time';
import type { Pipeline } from '@/utils/schema';

/** Export what is listed, in the columns the user picks, as CSV, XLSX or JSON; with progress, cancellable. */
export function ExportPanel({ rows, pipelines }: { rows: TalentRow[]; pipelines: Pipeline[] }) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [columns, setColumns] = useState<string[]>([...DEFAULT_EXPORT_COLUMN_IDS]);
  const [running, setRunning] = useState<{ abort: AbortController; progress: number }>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const run = async () => {
    const abort = new AbortController();
    setRunning({ abort, progress: 0 });
    setMessage(undefined);
    try {
      const db = getDb();
      const [entries, notes] = await Promise.all([db.entries.toArray(), lastNotes(db, rows.map((r) => r.person.id))]);
      const withNotes = rows.map((r) => ({ ...r, lastNote: notes.get(r.person.id) }));
      const blob = await exportRows(buildExportRows(withNotes, entries, pipelines), format, pickColumns(columns), {
        signal: abort.signal,
        onProgress: (p) => setRunning({ abort, progress: p.total ? p.done / p.total : 0 }),
      });
      const url = URL.createObjectURL(blob);
      const a = Object.assign(document.createElement('a'), { href: url, download: `scoutbook-${isoDate(Date.now())}.${format}` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ ok: true, text: `Exported ${rows.length} people.` });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).name === 'AbortError' ? 'Export cancelled.' : `Export failed: ${(e as Error).message}` });
    } finally {
      setRunning(undefined);
    }
  };

  return (
    <section className="panel" aria-label="Export">
      <h2>Export {rows.length} listed</h2>
      <div className="export-row">
        <select aria-label="Format" data-testid="sb-export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          <option value="csv">CSV (Excel-safe, UTF-8)</option>
          <option value="xlsx">XLSX</option>
          <option value="json">JSON</option>
        </select>
        {running ? (
          <>
            <progress max={1} value={running.progress} />
            <button type="button" onClick={() => running.abort.abort()}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="primary" data-testid="sb-export-run" disabled={!rows.length || !columns.length} onClick={() => void run()}>
            Export
          </button>
        )}
      </div>
      <details>
        <summary>Columns ({columns.length})</summary>
        <div className="column-picker">
          {EXPORT_COLUMNS.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={columns.includes(c.id)}
                onChange={(e) => setColumns((now) => (e.target.checked ? [...now, c.id] : now.filter((id) => id !== c.id)))}
              />
              {c.header}
            </label>
          ))}
        </div>
      </details>
      {message && <p className={message.ok ? 'ok' : 'error'}>{message.text}</p>}
    </section>
  );
}
