import type { ScoutbookDb } from '../db/database';
import type { Alert, AlertDetail, AlertKind } from './protocol';

/**
 * The user's team alerts, kept in the `meta` table under one key (the popup reads it with a live
 * query): from the server's GET /v1/alerts, plus job changes this device noticed on a visit.
 */
export const TEAM_ALERTS_KEY = 'teamAlerts';
/** Older ones are dropped: this is an inbox, not an archive. */
export const MAX_KEPT_ALERTS = 200;

export interface StoredAlert {
  /** `s<seq>` for the server's, `l<person>:<time>` for this device's. */
  id: string;
  kind: AlertKind;
  /** ISO time. */
  at: string;
  /** Who caused it: a teammate's e-mail; empty when this device noticed it. */
  by: string;
  personId: string;
  personName: string;
  detail: AlertDetail;
}

export interface TeamAlerts {
  /** The server's alert cursor (GET /v1/alerts?since=). */
  cursor: number;
  alerts: StoredAlert[];
  /** Alerts at or before this ISO time have been seen. */
  readAt: string;
}

const EMPTY: TeamAlerts = { cursor: 0, alerts: [], readAt: '' };

export async function loadTeamAlerts(db: ScoutbookDb): Promise<TeamAlerts> {
  return ((await db.meta.get(TEAM_ALERTS_KEY))?.value as TeamAlerts | undefined) ?? EMPTY;
}

export function unreadCount(state: TeamAlerts | undefined): number {
  return state ? state.alerts.filter((a) => a.at > state.readAt).length : 0;
}

export function fromServer(a: Alert): StoredAlert {
  return { id: `s${a.seq}`, kind: a.kind, at: a.at, by: a.by, personId: a.personId, personName: a.personName, detail: a.detail };
}

/** Adds alerts (newest first, no duplicates, at most MAX_KEPT_ALERTS) and moves the server cursor. */
export async function addTeamAlerts(db: ScoutbookDb, alerts: readonly StoredAlert[], cursor?: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const state = await loadTeamAlerts(db);
    const known = new Set(state.alerts.map((a) => a.id));
    const merged = [...alerts.filter((a) => !known.has(a.id)), ...state.alerts]
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, MAX_KEPT_ALERTS);
    await db.meta.put({ key: TEAM_ALERTS_KEY, value: { ...state, alerts: merged, cursor: Math.max(state.cursor, cursor ?? 0) } satisfies TeamAlerts });
  });
}

export async function markAlertsRead(db: ScoutbookDb, now = new Date()): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const state = await loadTeamAlerts(db);
    const newest = state.alerts[0]?.at ?? '';
    const readAt = newest > now.toISOString() ? newest : now.toISOString();
    await db.meta.put({ key: TEAM_ALERTS_KEY, value: { ...state, readAt } satisfies TeamAlerts });
  });
}

/** Another server or token: the old inbox and cursor belong to someone else. */
export async function resetTeamAlerts(db: ScoutbookDb): Promise<void> {
  await db.meta.delete(TEAM_ALERTS_KEY);
}
