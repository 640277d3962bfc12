import { ulid } from 'ulidx';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../server/errors';
import { createPushQueue } from '../../server/push-queue';
import { ensureTeam } from '../../server/store/teams';
import type { PushResponse } from '../../utils/sync/protocol';
import { useHarness } from './support/harness';
import { hlc, mutation, newPerson, personFields } from './support/records';
import { STORE_KINDS } from './support/stores';

describe.each(STORE_KINDS)('push queue: pushes that arrive together ($name)', (kind) => {
  const h = useHarness(kind);

  async function teams(...names: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) ids.push((await ensureTeam(h.store.db, name)).id);
    return ids;
  }

  async function storedIds(teamId: string): Promise<string[]> {
    return (await h.store.db.selectFrom('records').select('id').where('team_id', '=', teamId).orderBy('seq').execute()).map((r) => r.id);
  }

  it('applies each push as if alone, in one transaction on SQLite and one per push on PostgreSQL', async () => {
    const [a, b] = await teams('acme', 'globex');
    const queue = createPushQueue(h.store.db);
    const pushes = Array.from({ length: 6 }, (_, i) => ({ teamId: i % 2 ? b! : a!, mutations: [newPerson(i * 10 + 1), newPerson(i * 10 + 2)] }));
    const results = await Promise.all(pushes.map((p) => queue.push({ teamId: p.teamId }, p.mutations, new Date())));

    expect(results.every((r) => r.applied === 2 && r.duplicates === 0)).toBe(true);
    // Each team's seqs follow one another, push after push, as they would with one transaction each
    // (PostgreSQL runs them side by side, in whichever order they get the team's lock).
    const inOrder = (rs: PushResponse[]) => (kind.name === 'sqlite' ? rs : [...rs].sort((x, y) => x.seq - y.seq)).map((r) => r.seq);
    expect(inOrder(results.filter((_, i) => i % 2 === 0))).toEqual([2, 4, 6]);
    expect(inOrder(results.filter((_, i) => i % 2 === 1))).toEqual([2, 4, 6]);
    const pushedToA = pushes.filter((_, i) => i % 2 === 0).flatMap((p) => p.mutations.map((m) => m.id));
    if (kind.name === 'sqlite') expect(await storedIds(a!)).toEqual(pushedToA);
    else expect((await storedIds(a!)).sort()).toEqual(pushedToA.sort());
    expect(queue.stats.pushes).toBe(6);
    if (kind.name === 'sqlite') expect(queue.stats.transactions).toBe(1);
    else expect(queue.stats.transactions).toBe(6);
  });

  it('refuses a push with an invalid record alone: the others are applied, nothing of it is kept', async () => {
    const [team] = await teams('acme');
    const queue = createPushQueue(h.store.db);
    const good1 = [newPerson(1, 'a')];
    const bad = [newPerson(2, 'b'), mutation('person', ulid(), { ...personFields('c'), name: '' }, hlc(3))];
    const good2 = [newPerson(4, 'd')];
    const settled = await Promise.allSettled([good1, bad, good2].map((m) => queue.push({ teamId: team! }, m, new Date())));

    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (settled[1] as PromiseRejectedResult).reason as ApiError;
    expect(reason).toBeInstanceOf(ApiError);
    expect(reason.toBody().error.code).toBe('invalid_record');
    const applied = [settled[0], settled[2]].map((s) => (s as PromiseFulfilledResult<PushResponse>).value);
    expect(applied.map((r) => r.seq).sort()).toEqual([1, 2]);
    expect(applied.every((r) => r.applied === 1 && r.duplicates === 0)).toBe(true);
    expect((await storedIds(team!)).sort()).toEqual([good1[0]!.id, good2[0]!.id].sort());
    const claimed = (await h.store.db.selectFrom('applied_mutations').select('mutation_id').execute()).map((r) => r.mutation_id);
    expect(claimed.sort()).toEqual([good1[0]!.mutationId, good2[0]!.mutationId].sort());
    // A corrected retry of the refused push is applied in full: none of its ids was remembered.
    expect(await queue.push({ teamId: team! }, [bad[0]!], new Date())).toEqual({ applied: 1, duplicates: 0, seq: 3 });
  });

  it('applies a mutation sent twice at once only once', async () => {
    const [team] = await teams('acme');
    const queue = createPushQueue(h.store.db);
    const person = newPerson(1);
    const results = await Promise.all([queue.push({ teamId: team! }, [person], new Date()), queue.push({ teamId: team! }, [person], new Date())]);
    expect([...results].sort((x, y) => y.applied - x.applied)).toEqual([
      { applied: 1, duplicates: 0, seq: 1 },
      { applied: 0, duplicates: 1, seq: 1 },
    ]);
    expect(await storedIds(team!)).toEqual([person.id]);
  });

  it('answers the HTTP pushes of many clients at once, each with its own result', async () => {
    const tokens = [await h.tokenFor('acme', 'a@example.com'), await h.tokenFor('acme', 'b@example.com')];
    const bodies = Array.from({ length: 8 }, (_, i) => ({ clientId: `c${i}`, mutations: [newPerson(i + 1)] }));
    const responses = await Promise.all(bodies.map((body, i) => h.pushOk(tokens[i % 2]!, body)));
    expect(responses.map((r) => r.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await h.pull(tokens[0]!)).records).toHaveLength(8);
  });
});
