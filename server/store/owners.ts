import type { Kysely } from 'kysely';
import type { KeyOwners, OwnedEntry } from '../../utils/sync/protocol';
import { chunks } from './records';
import type { Database } from './schema';

type Data = Record<string, unknown>;

export { KeyOwners, OwnedEntry } from '../../utils/sync/protocol';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** For each profile key, the team's people with that key and their live pipeline entries. */
export async function findOwners(db: Kysely<Database>, teamId: string, keys: readonly string[]): Promise<KeyOwners[]> {
  const unique = [...new Set(keys)];
  const keyRows = unique.length
    ? await db
        .selectFrom('record_keys')
        .select(['profile_key', 'id'])
        .where('team_id', '=', teamId)
        .where('entity', '=', 'person')
        .where('profile_key', 'in', unique)
        .execute()
    : [];
  const personIds = [...new Set(keyRows.map((r) => r.id))];
  const people = new Map<string, Data>();
  const entries: { id: string; data: Data }[] = [];
  for (const part of chunks(personIds, 500)) {
    for (const r of await db
      .selectFrom('records')
      .select(['id', 'data'])
      .where('team_id', '=', teamId)
      .where('entity', '=', 'person')
      .where('deleted', '=', 0)
      .where('id', 'in', part)
      .execute()) {
      people.set(r.id, JSON.parse(r.data) as Data);
    }
    for (const r of await db
      .selectFrom('records')
      .select(['id', 'data'])
      .where('team_id', '=', teamId)
      .where('entity', '=', 'entry')
      .where('deleted', '=', 0)
      .where('person_id', 'in', part)
      .execute()) {
      entries.push({ id: r.id, data: JSON.parse(r.data) as Data });
    }
  }
  const pipelineIds = [...new Set(entries.map((e) => str(e.data.pipelineId)).filter((p): p is string => p !== undefined))];
  const pipelines = new Map<string, Data>();
  for (const part of chunks(pipelineIds, 500)) {
    for (const r of await db
      .selectFrom('records')
      .select(['id', 'data'])
      .where('team_id', '=', teamId)
      .where('entity', '=', 'pipeline')
      .where('id', 'in', part)
      .execute()) {
      pipelines.set(r.id, JSON.parse(r.data) as Data);
    }
  }
  const owned = entries.map((e): OwnedEntry => {
    const pipeline = pipelines.get(str(e.data.pipelineId) ?? '');
    const stages = Array.isArray(pipeline?.stages) ? (pipeline.stages as { id?: unknown; name?: unknown }[]) : [];
    const stage = stages.find((s) => s?.id === e.data.stageId);
    return {
      entryId: e.id,
      personId: String(e.data.personId),
      ownerId: str(e.data.ownerId),
      pipelineId: String(e.data.pipelineId),
      pipelineName: pipeline?.deleted === true ? undefined : str(pipeline?.name),
      pipelineKind: str(pipeline?.kind),
      stageId: String(e.data.stageId),
      stageName: str(stage?.name),
      updatedAt: String(e.data.updatedAt),
    };
  });
  return unique.map((key) => {
    const ids = new Set(keyRows.filter((r) => r.profile_key === key && people.has(r.id)).map((r) => r.id));
    return {
      key,
      people: [...ids].map((id) => ({ personId: id, name: str(people.get(id)!.name) ?? '', ownerId: str(people.get(id)!.ownerId) })),
      entries: owned.filter((e) => ids.has(e.personId)).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
    };
  });
}
