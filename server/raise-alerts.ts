import type { Kysely } from 'kysely';
import { forgetPersonAlerts, insertAlerts, type AlertDetail, type AlertKind } from './store/alerts';
import { profileKeysOf } from './store/derived';
import { chunks } from './store/records';
import type { AlertsTable, Database } from './store/schema';

type Data = Record<string, unknown>;

/** One record change made by a push, in the order the push made it. */
export interface ChangeEvent {
  entity: string;
  id: string;
  before: Data | undefined;
  after: Data;
  seq: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const lower = (v: unknown): string | undefined => str(v)?.trim().toLowerCase();
const live = (d: Data | undefined): d is Data => d !== undefined && d.deleted !== true;

function personOf(e: ChangeEvent): string | undefined {
  return str(e.after.personId) ?? str(e.before?.personId);
}

function jobChanged(e: ChangeEvent): boolean {
  return e.entity === 'person' && live(e.before) && live(e.after) && (e.before.headline !== e.after.headline || e.before.companyName !== e.after.companyName);
}

/**
 * Alerts for what a push by `actor` did to other users' people (issue 7):
 * - a teammate added or changed an entry, or added a note, on a person whose entries you own;
 * - a person you have an entry for changed headline or company (a job change).
 * Runs inside the push transaction, before its records are saved, so that the database still
 * shows who owned what before the push. Note text never goes into an alert.
 */
export async function raiseAlerts(trx: Kysely<Database>, teamId: string, actor: string | undefined, events: readonly ChangeEvent[], now: Date): Promise<void> {
  const forgotten = [...new Set(events.filter((e) => e.entity === 'person' && live(e.before) && !live(e.after)).map((e) => e.id))];
  if (forgotten.length) await forgetPersonAlerts(trx, teamId, forgotten);
  const me = lower(actor);
  if (me === undefined) return;

  const relevant = events.filter(
    (e) => e.entity === 'entry' || (e.entity === 'note' && e.before === undefined && live(e.after)) || jobChanged(e),
  );
  const people = new Set(relevant.map((e) => (e.entity === 'person' ? e.id : personOf(e))).filter((p): p is string => p !== undefined));
  if (people.size === 0) return;
  const personIds = [...people];

  // Who owns which entry of these people, as the database holds it before this push. Teammates may
  // have saved one person twice (each before pulling the other's record): entries on any saved
  // person that shares a profile key count as entries on this one.
  const twins = await twinsByKey(trx, teamId, personIds, events);
  const entriesOf = new Map<string, Map<string, string | undefined>>();
  const everyone = [...new Set([...personIds, ...[...twins.values()].flatMap((t) => [...t])])];
  for (const part of chunks(everyone, 500)) {
    const rows = await trx
      .selectFrom('records')
      .select(['id', 'person_id', 'data'])
      .where('team_id', '=', teamId)
      .where('entity', '=', 'entry')
      .where('deleted', '=', 0)
      .where('person_id', 'in', part)
      .execute();
    for (const r of rows) {
      const held = entriesOf.get(r.person_id!) ?? new Map<string, string | undefined>();
      held.set(r.id, lower((JSON.parse(r.data) as Data).ownerId));
      entriesOf.set(r.person_id!, held);
    }
  }
  const owners = new Map<string, Map<string, string | undefined>>();
  for (const p of personIds) owners.set(p, new Map([p, ...(twins.get(p) ?? [])].flatMap((id) => [...(entriesOf.get(id) ?? [])])));
  const users = new Map(
    (await trx.selectFrom('users').select(['id', 'email']).where('team_id', '=', teamId).execute()).map((u) => [u.email, u.id]),
  );
  const names = await latestData(trx, teamId, 'person', personIds, events);
  const pipelineIds = [...new Set(relevant.filter((e) => e.entity === 'entry').map((e) => str(e.after.pipelineId) ?? str(e.before?.pipelineId)))].filter(
    (p): p is string => p !== undefined,
  );
  const pipelines = await latestData(trx, teamId, 'pipeline', pipelineIds, events);

  const alerts = new Map<string, AlertsTable>();
  const raise = (recipients: Iterable<string | undefined>, kind: AlertKind, e: ChangeEvent, personId: string, detail: AlertDetail) => {
    const person = names.get(personId);
    if (person && !live(person)) return;
    for (const email of new Set(recipients)) {
      const userId = email === undefined || email === me ? undefined : users.get(email);
      if (userId === undefined) continue;
      alerts.set(`${userId}|${kind}|${personId}`, {
        team_id: teamId,
        user_id: userId,
        seq: e.seq,
        kind,
        actor: me,
        person_id: personId,
        person_name: str(person?.name) ?? '',
        entity: e.entity,
        entity_id: e.id,
        detail: JSON.stringify(detail),
        created_at: now.toISOString(),
      });
    }
  };

  for (const e of relevant) {
    if (e.entity === 'entry') {
      const personId = personOf(e)!;
      if (personId === undefined) continue;
      const held = owners.get(personId)!;
      if (live(e.after)) {
        const pipeline = pipelines.get(str(e.after.pipelineId) ?? '');
        const stageName = (id: unknown) => stagesOf(pipeline).get(String(id));
        const moved = e.before !== undefined && e.before.stageId !== e.after.stageId;
        raise([...held.values(), lower(e.before?.ownerId), lower(e.after.ownerId)], e.before ? 'entry_changed' : 'entry_added', e, personId, {
          pipelineId: str(e.after.pipelineId),
          pipelineName: str(pipeline?.name),
          stageId: str(e.after.stageId),
          stageName: stageName(e.after.stageId),
          ...(moved && { fromStageId: str(e.before?.stageId), fromStageName: stageName(e.before?.stageId) }),
          ownerId: str(e.after.ownerId),
        });
        held.set(e.id, lower(e.after.ownerId));
      } else held.delete(e.id);
    } else if (e.entity === 'note') {
      const personId = personOf(e)!;
      raise(owners.get(personId)!.values(), 'note_added', e, personId, {});
    } else {
      const change = (field: 'headline' | 'companyName') =>
        e.before![field] === e.after[field] ? undefined : { from: str(e.before![field]), to: str(e.after[field]) };
      const headline = change('headline');
      const companyName = change('companyName');
      raise(owners.get(e.id)!.values(), 'job_change', e, e.id, { ...(headline && { headline }), ...(companyName && { companyName }) });
    }
  }
  await insertAlerts(trx, [...alerts.values()].filter((a) => !forgotten.includes(a.person_id)));
}

/** For each person, the other live people of the team saved under one of their profile keys. */
async function twinsByKey(trx: Kysely<Database>, teamId: string, personIds: readonly string[], events: readonly ChangeEvent[]): Promise<Map<string, Set<string>>> {
  const keysOf = new Map<string, Set<string>>(personIds.map((p) => [p, new Set<string>()]));
  for (const part of chunks(personIds, 500)) {
    const rows = await trx.selectFrom('record_keys').select(['id', 'profile_key']).where('team_id', '=', teamId).where('entity', '=', 'person').where('id', 'in', part).execute();
    for (const r of rows) keysOf.get(r.id)?.add(r.profile_key);
  }
  // People this push creates or changes are not in record_keys yet.
  for (const e of events) if (e.entity === 'person' && keysOf.has(e.id)) for (const k of profileKeysOf('person', e.after)) keysOf.get(e.id)!.add(k);
  const keys = [...new Set([...keysOf.values()].flatMap((k) => [...k]))];
  const holders = new Map<string, Set<string>>();
  for (const part of chunks(keys, 500)) {
    const rows = await trx.selectFrom('record_keys').select(['id', 'profile_key']).where('team_id', '=', teamId).where('entity', '=', 'person').where('profile_key', 'in', part).execute();
    for (const r of rows) holders.set(r.profile_key, (holders.get(r.profile_key) ?? new Set()).add(r.id));
  }
  const twins = new Map<string, Set<string>>();
  for (const [p, own] of keysOf) {
    const others = new Set([...own].flatMap((k) => [...(holders.get(k) ?? [])]).filter((id) => id !== p));
    if (others.size) twins.set(p, others);
  }
  return twins;
}

function stagesOf(pipeline: Data | undefined): Map<string, string> {
  const stages = Array.isArray(pipeline?.stages) ? (pipeline.stages as { id?: unknown; name?: unknown }[]) : [];
  return new Map(stages.filter((s) => typeof s?.id === 'string' && typeof s.name === 'string').map((s) => [s.id as string, s.name as string]));
}

/** The newest data of these records: this push's version when it changed them, else the database's. */
async function latestData(trx: Kysely<Database>, teamId: string, entity: string, ids: readonly string[], events: readonly ChangeEvent[]): Promise<Map<string, Data>> {
  const found = new Map<string, Data>();
  for (const part of chunks([...ids], 500)) {
    const rows = await trx.selectFrom('records').select(['id', 'data']).where('team_id', '=', teamId).where('entity', '=', entity).where('id', 'in', part).execute();
    for (const r of rows) found.set(r.id, JSON.parse(r.data) as Data);
  }
  for (const e of events) if (e.entity === entity && ids.includes(e.id)) found.set(e.id, e.after);
  return found;
}
