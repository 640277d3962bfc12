import type { ScoutbookDb } from '../db/database';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format';

/**
 * Everything this profile holds, in one versioned object: each record as stored, with its
 * per-field clocks, tombstones included (a restore must not bring forgotten people back).
 * Read in one transaction so the backup is a consistent snapshot.
 */
export async function exportBackup(db: ScoutbookDb, now: () => number = Date.now): Promise<Backup> {
  return db.transaction('r', [db.people, db.companies, db.notes, db.pipelines, db.entries, db.intel, db.pitches, db.meta], async () => {
    const clientId = (await db.meta.get('clientId'))?.value;
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now()).toISOString(),
      people: await db.people.toArray(),
      companies: await db.companies.toArray(),
      notes: await db.notes.toArray(),
      pipelines: await db.pipelines.toArray(),
      entries: await db.entries.toArray(),
      intel: await db.intel.toArray(),
      pitches: await db.pitches.toArray(),
      meta: { clientId: typeof clientId === 'string' ? clientId : '' },
    };
  });
}

/** The file a user saves: `scoutbook-backup-2024-05-30.json`. */
export function backupFileName(backup: Backup): string {
  return `scoutbook-backup-${backup.exportedAt.slice(0, 10)}.json`;
}
