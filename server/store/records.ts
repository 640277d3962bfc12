import type { Kysely } from 'kysely';
import type { EntityName } from '../../utils/schema';
import type { FieldState } from '../../utils/sync/merge';
import type { PullResponse, SyncedRecord } from '../../utils/sync/protocol';
import { derivedColumns, profileKeysOf } from './derived';
import type { Database } from './schema';
import { runTemplate } from './templates';

type Db = Kysely<Database>;

/** Rows per multi-row statement: far below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 100;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function recordRef(entity: string, id: string): string {
  return `${entity}/${id}`;
}

/**
 * Takes the team's row lock and returns its seq. Run first in a push transaction: on PostgreSQL
 * concurrent pushes of one team then queue here, so the records they read cannot go stale and
 * sequence numbers become visible in commit order (a pull can never skip a lower seq that commits
 * late); on SQLite the write lock is taken up front, which is what busy_timeout can wait for.
 */
export async function lockTeamSeq(trx: Db, teamId: string): Promise<number> {
  const { rows } = await runTemplate(trx, 'lockTeamSeq', [teamId], ([id]) =>
    trx.updateTable('teams').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', id!).returning('seq'),
  );
  if (!rows[0]) throw new Error(`no team ${teamId}`);
  return Number(rows[0].seq);
}

export async function setTeamSeq(trx: Db, teamId: string, seq: number): Promise<void> {
  await runTemplate(trx, 'setTeamSeq', [seq, teamId], ([s, id]) => trx.updateTable('teams').set({ seq: s as unknown as number }).where('id', '=', id!));
}

/**
 * Records the mutation ids the team has not applied yet and returns them; an id repeated within
 * `ids` counts once. Run under the team lock, so that no concurrent push claims the same id.
 */
export async function claimMutations(trx: Db, teamId: string, ids: readonly string[], now: Date): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  const fresh = new Set<string>();
  const appliedAt = now.toISOString();
  // One statement per chunk: the ids the insert did not skip are the ones never applied before.
  for (const part of chunks(unique)) {
    const params: string[] = [];
    for (const id of part) params.push(teamId, id, appliedAt);
    const { rows } = await runTemplate(trx, `claimMutations:${part.length}`, params, (m) =>
      trx
        .insertInto('applied_mutations')
        .values(part.map((_, i) => ({ team_id: m[3 * i]!, mutation_id: m[3 * i + 1]!, applied_at: m[3 * i + 2]! })))
        .onConflict((oc) => oc.columns(['team_id', 'mutation_id']).doNothing())
        .returning('mutation_id'),
    );
    for (const r of rows) fresh.add(r.mutation_id);
  }
  return fresh;
}

export interface StoredRecord extends FieldState {
  entity: EntityName;
  id: string;
  seq: number;
}

/** The records named by `refs` (entity + id) that the team has, by `recordRef`. */
export async function loadRecords(db: Db, teamId: string, refs: readonly { entity: string; id: string }[]): Promise<Map<string, StoredRecord>> {
  const byEntity = new Map<string, Set<string>>();
  for (const r of refs) {
    const ids = byEntity.get(r.entity) ?? new Set<string>();
    ids.add(r.id);
    byEntity.set(r.entity, ids);
  }
  const found = new Map<string, StoredRecord>();
  for (const [entity, ids] of byEntity) {
    for (const part of chunks([...ids], 500)) {
      const { rows } = await runTemplate(db, `loadRecords:${part.length}`, [teamId, entity, ...part], ([team, kind, ...list]) =>
        db.selectFrom('records').select(['id', 'seq', 'data', 'clocks']).where('team_id', '=', team!).where('entity', '=', kind!).where('id', 'in', list),
      );
      for (const row of rows) {
        found.set(recordRef(entity, row.id), {
          entity: entity as EntityName,
          id: row.id,
          seq: row.seq,
          data: JSON.parse(row.data) as FieldState['data'],
          clocks: JSON.parse(row.clocks) as FieldState['clocks'],
        });
      }
    }
  }
  return found;
}

export async function loadRecord(db: Db, teamId: string, entity: EntityName, id: string): Promise<FieldState | undefined> {
  return (await loadRecords(db, teamId, [{ entity, id }])).get(recordRef(entity, id));
}

export interface RecordVersion extends FieldState {
  entity: EntityName;
  id: string;
  seq: number;
}

/** Inserts or replaces the records, with their derived columns, in a few multi-row statements. */
const RECORD_COLUMNS = ['team_id', 'entity', 'id', 'seq', 'data', 'clocks', 'deleted', 'person_id', 'company_name', 'company_key'] as const;

export async function saveRecords(trx: Db, teamId: string, versions: readonly RecordVersion[]): Promise<void> {
  for (const part of chunks(versions)) {
    // A plain loop: flatMap's intermediate arrays cost more than the statement's binding.
    const params: unknown[] = [];
    for (const r of part) {
      const d = derivedColumns(r.entity, r.data);
      params.push(teamId, r.entity, r.id, r.seq, JSON.stringify(r.data), JSON.stringify(r.clocks), r.data.deleted === true ? 1 : 0, d.person_id, d.company_name, d.company_key);
    }
    const width = RECORD_COLUMNS.length;
    await runTemplate(trx, `saveRecords:${part.length}`, params, (m) =>
      trx
      .insertInto('records')
      .values(part.map((_, i) => Object.fromEntries(RECORD_COLUMNS.map((c, k) => [c, m[i * width + k]])) as never))
      .onConflict((oc) =>
        oc.columns(['team_id', 'entity', 'id']).doUpdateSet((eb) => ({
          seq: eb.ref('excluded.seq'),
          data: eb.ref('excluded.data'),
          clocks: eb.ref('excluded.clocks'),
          deleted: eb.ref('excluded.deleted'),
          person_id: eb.ref('excluded.person_id'),
          company_name: eb.ref('excluded.company_name'),
          company_key: eb.ref('excluded.company_key'),
        })),
      ),
    );
  }
}

/** Keeps record_keys in step with the profile keys of the people and companies that changed. */
export async function syncRecordKeys(
  trx: Db,
  teamId: string,
  changed: readonly { entity: string; id: string; before?: Record<string, unknown>; after: Record<string, unknown> }[],
): Promise<void> {
  const stale = new Map<string, string[]>();
  const rows: { team_id: string; profile_key: string; entity: string; id: string }[] = [];
  for (const c of changed) {
    if (c.entity !== 'person' && c.entity !== 'company') continue;
    const old = c.before ? profileKeysOf(c.entity, c.before) : [];
    const now = profileKeysOf(c.entity, c.after);
    if (old.length === now.length && old.every((k, i) => k === now[i])) continue;
    if (old.length) stale.set(c.entity, [...(stale.get(c.entity) ?? []), c.id]);
    for (const profile_key of now) rows.push({ team_id: teamId, profile_key, entity: c.entity, id: c.id });
  }
  for (const [entity, ids] of stale) {
    for (const part of chunks(ids, 500)) {
      await trx.deleteFrom('record_keys').where('team_id', '=', teamId).where('entity', '=', entity).where('id', 'in', part).execute();
    }
  }
  for (const part of chunks(rows)) {
    const params: string[] = [];
    for (const r of part) params.push(r.team_id, r.profile_key, r.entity, r.id);
    await runTemplate(trx, `recordKeys:${part.length}`, params, (m) =>
      trx
        .insertInto('record_keys')
        .values(part.map((_, i) => ({ team_id: m[4 * i]!, profile_key: m[4 * i + 1]!, entity: m[4 * i + 2]!, id: m[4 * i + 3]! })))
        .onConflict((oc) => oc.doNothing()),
    );
  }
}

/** The team's records changed after `cursor`, oldest change first. */
export async function pullRecords(db: Db, teamId: string, cursor: number, limit: number): Promise<PullResponse> {
  const page = await pullRows(db, teamId, cursor, limit);
  const rows = page.rows;
  const records: SyncedRecord[] = rows.map((row) => ({
    entity: row.entity as EntityName,
    id: row.id,
    seq: row.seq,
    data: JSON.parse(row.data) as SyncedRecord['data'],
    clocks: JSON.parse(row.clocks) as SyncedRecord['clocks'],
  }));
  return { records, cursor: rows.at(-1)?.seq ?? cursor, hasMore: page.hasMore };
}

interface PullRow {
  entity: string;
  id: string;
  seq: number;
  data: string;
  clocks: string;
}

async function pullRows(db: Db, teamId: string, cursor: number, limit: number): Promise<{ rows: PullRow[]; hasMore: boolean }> {
  const { rows } = await runTemplate(db, 'pullRecords', [teamId, cursor, limit + 1], ([team, after, n]) =>
    db
      .selectFrom('records')
      .select(['entity', 'id', 'seq', 'data', 'clocks'])
      .where('team_id', '=', team!)
      .where('seq', '>', after as unknown as number)
      .orderBy('seq')
      .limit(n as unknown as number),
  );
  return { rows: rows.slice(0, limit).map((r) => ({ ...r, seq: Number(r.seq) })), hasMore: rows.length > limit };
}

/**
 * The same page as pullRecords, as JSON text spliced from the stored JSON: a pull sends what was
 * stored without parsing and re-serialising every record (PullResponse's shape, byte for byte
 * what JSON.stringify would write for it).
 */
export async function pullRecordsJson(db: Db, teamId: string, cursor: number, limit: number): Promise<string> {
  const { rows, hasMore } = await pullRows(db, teamId, cursor, limit);
  const records = rows.map((r) => `{"entity":${JSON.stringify(r.entity)},"id":${JSON.stringify(r.id)},"seq":${r.seq},"data":${r.data},"clocks":${r.clocks}}`);
  return `{"records":[${records.join(',')}],"cursor":${rows.at(-1)?.seq ?? cursor},"hasMore":${hasMore}}`;
}
