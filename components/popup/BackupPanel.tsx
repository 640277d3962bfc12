import { useState } from 'react';
import { getDb } from '@/utils/db/database';
import { backupFileName, exportBackup } from '@/utils/backup/export-backup';
import { restoreBackup, type RestoreMode } from '@/utils/backup/restore-backup';
import { downloadText } from './download';
import { writeFromPage } from '@/utils/db/page-writes';
import { useI18n } from './i18n/I18nProvider';

/** One versioned JSON file with everything; restore merges into, or replaces, this profile. */
export function BackupPanel() {
  const { t } = useI18n();
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
      setMessage({
        ok: true,
        text: t('data.backup.restored', { mode: t(mode === 'merge' ? 'data.backup.merge' : 'data.backup.replace'), added: result.added, updated: result.updated, unchanged: result.unchanged, pitches: result.pitches }),
      });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof SyntaxError ? t('data.backup.notJson') : (e as Error).message });
    }
  };

  return (
    <section className="panel" aria-label={t('data.backup.title')}>
      <h2>{t('data.backup.title')}</h2>
      <button type="button" data-testid="sb-backup-export" onClick={() => void backup()}>
        {t('data.backup.download')}
      </button>
      <div className="export-row">
        <select aria-label={t('data.backup.restoreMode')} value={mode} onChange={(e) => setMode(e.target.value as RestoreMode)}>
          <option value="merge">{t('data.backup.merge')}</option>
          <option value="replace">{t('data.backup.replace')}</option>
        </select>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="sb-restore-file"
          aria-label={t('data.backup.file')}
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
