import type { ScoutbookDb } from './database';

/** Who the sync server says this user is (GET /v1/me), for the server the settings name. */
export interface TeamIdentity {
  email: string;
  team: string;
  role: 'admin' | 'member';
  /** The server that answered: a new URL or token means asking again. */
  serverUrl: string;
}

/** What the Options page sets: the team sync API (optional) and how teammates see this user. */
export interface Settings {
  serverUrl: string;
  token: string;
  userName?: string;
  /** Learnt from the server after the settings were saved; absent until the first sync. */
  identity?: TeamIdentity;
}

export async function loadSettings(db: ScoutbookDb): Promise<Settings | undefined> {
  return (await db.meta.get('settings'))?.value as Settings | undefined;
}

/** The identity the server gave, if it is still for the configured server. */
export function teamIdentity(settings: Settings | undefined): TeamIdentity | undefined {
  const identity = settings?.identity;
  return identity && settings.serverUrl && identity.serverUrl === settings.serverUrl ? identity : undefined;
}

/**
 * This user's owner id on entries and in stage history: the e-mail the team's server knows them by
 * (so that ownership matches across the team), else the name typed in Options, if any.
 */
export async function currentUser(db: ScoutbookDb): Promise<string | undefined> {
  const settings = await loadSettings(db);
  return teamIdentity(settings)?.email ?? (settings?.userName?.trim() || undefined);
}

/**
 * Every owner id that means this user, lower-cased: the server's e-mail and the name typed in
 * Options (entries saved before the first sync carry the name).
 */
export async function myOwnerIds(db: ScoutbookDb): Promise<Set<string>> {
  const settings = await loadSettings(db);
  const ids = [teamIdentity(settings)?.email, settings?.userName?.trim()].filter((v): v is string => !!v);
  return new Set(ids.map((v) => v.toLowerCase()));
}

/** Stores what GET /v1/me answered for `token`, unless the settings changed meanwhile. */
export async function saveIdentity(db: ScoutbookDb, identity: TeamIdentity, token: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const settings = await loadSettings(db);
    if (!settings || settings.serverUrl !== identity.serverUrl || settings.token !== token) return;
    await db.meta.put({ key: 'settings', value: { ...settings, identity } });
  });
}

/** `currentUser` and `myOwnerIds` from one read of the settings (the card's lookup wants both). */
export async function whoAmI(db: ScoutbookDb): Promise<{ me: string | undefined; ids: Set<string> }> {
  const settings = await loadSettings(db);
  const email = teamIdentity(settings)?.email;
  const name = settings?.userName?.trim() || undefined;
  return { me: email ?? name, ids: new Set([email, name].filter((v): v is string => !!v).map((v) => v.toLowerCase())) };
}
