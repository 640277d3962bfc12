import { useState } from 'react';
import { getDb } from '@/utils/db/database';
import { backupFileName, exportBackup } from '@/utils/backup/export-backup';
import { restoreBackup, type RestoreMode } from '@/utils/backup/restore-backup';
import { downloadText } from './download';
import { writeFromPage } from '@/utils/db/page-writes';

/** One versioned JSON file with everything; restore merges into, or replaces, this profile. */
export function BackupPanel() {
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const backup = async () => {
    const data = await exportBackup(getDb());
    downloadText(backupFileName(data), JSON.stringify(data), 'application/json');
  };

  const restore = async (file: File) => {
    setMessage(undefined);
    try {
      const input: unknown = JSON.parse(await file.text());
      const result = await writeFromPage((store) => restoreBackup(store, input, { mode }));
      setMessage({ ok: true, text: `Restored (${mode}): ${JSON.stringify(result)}` });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof SyntaxError ? 'This file is not a Scoutbook backup (not JSON).' : (e as Error).message });
    }
  };

  return (
    <section className="panel" aria-label="Backup">
      <h2>Backup</h2>
      <button type="button" data-testid="sb-backup-export" onClick={() => void backup()}>
        Download a backup
      </button>
      <div className="export-row">
        <select aria-label="Restore mode" value={mode} onChange={(e) => setMode(e.target.value as RestoreMode)}>
          <option value="merge">Restore: merge into what is here</option>
          <option value="replace">Restore: replace everything here</option>
        </select>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="sb-restore-file"
          aria-label="Backup file to restore"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void restore(file);
            e.target.value = '';
          }}
        />
      </div>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role="status" data-testid="sb-restore-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
