import type { ScoutbookDb } from './database';

/** What the Options page sets: the team sync API (optional) and how teammates see this user. */
export interface Settings {
  serverUrl: string;
  token: string;
  userName?: string;
}

export async function loadSettings(db: ScoutbookDb): Promise<Settings | undefined> {
  return (await db.meta.get('settings'))?.value as Settings | undefined;
}

/** This user's name on entries they own, if they have set one. */
export async function currentUser(db: ScoutbookDb): Promise<string | undefined> {
  return (await loadSettings(db))?.userName?.trim() || undefined;
}
