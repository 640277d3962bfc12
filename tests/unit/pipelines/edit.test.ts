import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setStage } from '@/utils/db/actions';
import {
  addStage,
  archivePipeline,
  createPipeline,
  PipelineEditError,
  removeStage,
  renamePipeline,
  renameStage,
  moveStage,
  reorderStages,
  setStagePoints,
  templateFor,
  unarchivePipeline,
} from '@/utils/pipelines';
import { freshStore, RECRUITING, REFERRAL, seedPeople } from './store-fixture';
import { pendingMutations, queuedMutations } from '@/utils/sync/outbox';

describe('pipeline edits', () => {
  it('creates a pipeline from a template, with a new id, queued for sync', async () => {
    const store = await freshStore();
    await store.db.outbox.clear();
    const id = await createPipeline(store, { kind: 'referral', name: '  Backend 内推 ' });
    const p = (await store.db.pipelines.get(id))!;
    expect(p.name).toBe('Backend 内推');
    expect(p.kind).toBe('referral');
    expect(p.stages).toEqual(templateFor('referral').stages);
    expect(p.archived).toBe(false);
    expect(id).not.toBe(REFERRAL);
    expect((await queuedMutations(store.db)).map((m) => [m.entity, m.id])).toEqual([['pipeline', id]]);
    const recruiting = await createPipeline(store);
    expect((await store.db.pipelines.get(recruiting))!.name).toBe('Recruiting');
  });

  it('renames, archives and unarchives', async () => {
    const store = await freshStore();
    await renamePipeline(store, RECRUITING, 'Campus 2026');
    await archivePipeline(store, RECRUITING);
    expect(await store.db.pipelines.get(RECRUITING)).toMatchObject({ name: 'Campus 2026', archived: true });
    await unarchivePipeline(store, RECRUITING);
    expect((await store.db.pipelines.get(RECRUITING))!.archived).toBe(false);
    await expect(renamePipeline(store, RECRUITING, '   ')).rejects.toBeInstanceOf(PipelineEditError);
    await expect(archivePipeline(store, '01JNOPIPE00000000000000000')).rejects.toThrow('no such pipeline');
  });

  it('adds stages with fresh slugs at a position, and never reuses the id of a removed stage', async () => {
    const store = await freshStore();
    const phone = await addStage(store, RECRUITING, 'Phone screen', 2);
    expect(phone).toBe('phone-screen');
    const ids = () => store.db.pipelines.get(RECRUITING).then((p) => p!.stages.map((s) => s.id));
    expect((await ids()).slice(0, 4)).toEqual(['sourced', 'contacted', 'phone-screen', 'replied']);
    expect(await addStage(store, RECRUITING, '电话面试')).toBe('dianhuamianshi');
    expect(await addStage(store, RECRUITING, 'Offer')).toBe('offer-2');
    expect(await addStage(store, RECRUITING, '!!!')).toBe('stage');

    const [who] = await seedPeople(store, 1);
    await setStage(store, { personId: who! }, RECRUITING, 'phone-screen');
    await removeStage(store, RECRUITING, 'phone-screen', 'sourced');
    // The entry's history still names phone-screen: a new stage of that name gets another id.
    expect(await addStage(store, RECRUITING, 'Phone screen')).toBe('phone-screen-2');
  });

  it('renames a stage and sets its points without changing its id', async () => {
    const store = await freshStore();
    await renameStage(store, REFERRAL, 'read', '已读 Read');
    await setStagePoints(store, REFERRAL, 'read', 3);
    await setStagePoints(store, REFERRAL, 'applied', undefined);
    const stages = (await store.db.pipelines.get(REFERRAL))!.stages;
    expect(stages[0]).toEqual({ id: 'read', name: '已读 Read', points: 3 });
    expect(stages[1]).toEqual({ id: 'applied', name: 'Applied' });
    await expect(renameStage(store, REFERRAL, 'nope', 'x')).rejects.toBeInstanceOf(PipelineEditError);
    await expect(setStagePoints(store, REFERRAL, 'read', -1)).rejects.toBeInstanceOf(PipelineEditError);
  });

  it('reorders only by a permutation of the stages', async () => {
    const store = await freshStore();
    const order = (await store.db.pipelines.get(RECRUITING))!.stages.map((s) => s.id).reverse();
    await reorderStages(store, RECRUITING, order);
    expect((await store.db.pipelines.get(RECRUITING))!.stages.map((s) => s.id)).toEqual(order);
    await expect(reorderStages(store, RECRUITING, order.slice(1))).rejects.toBeInstanceOf(PipelineEditError);
    await expect(reorderStages(store, RECRUITING, [...order.slice(1), order[1]!])).rejects.toBeInstanceOf(PipelineEditError);
    await expect(reorderStages(store, RECRUITING, [...order.slice(1), 'ghost'])).rejects.toBeInstanceOf(PipelineEditError);
  });

  it('moves one stage before another, among the stages as they are when the write runs', async () => {
    const store = await freshStore();
    const ids = async () => (await store.db.pipelines.get(REFERRAL))!.stages.map((s) => s.id);
    await moveStage(store, REFERRAL, 'hired', 'read');
    expect(await ids()).toEqual(['hired', 'read', 'applied', 'resume-qualified', 'interviewed', 'probation-passed']);
    // Moves and a removal queued at once: none fails, and each lands by its neighbour.
    await Promise.all([
      moveStage(store, REFERRAL, 'probation-passed', 'applied'),
      removeStage(store, REFERRAL, 'applied', 'read'),
      moveStage(store, REFERRAL, 'hired', 'interviewed'),
    ]);
    expect(await ids()).toEqual(['read', 'probation-passed', 'resume-qualified', 'hired', 'interviewed']);
    await moveStage(store, REFERRAL, 'read', undefined);
    expect((await ids()).at(-1)).toBe('read');
    const outbox = await pendingMutations(store.db);
    await moveStage(store, REFERRAL, 'read', undefined);
    expect(await pendingMutations(store.db)).toBe(outbox);
    await expect(moveStage(store, REFERRAL, 'ghost', undefined)).rejects.toBeInstanceOf(PipelineEditError);
  });

  it('removes a stage by moving its entries, recording who and when, in one transaction', async () => {
    const store = await freshStore('Zhang Min');
    const people = await seedPeople(store, 3);
    for (const id of people) await setStage(store, { personId: id }, RECRUITING, 'screened');
    await setStage(store, { personId: people[0]! }, RECRUITING, 'interview');
    await store.db.outbox.clear();

    expect(await removeStage(store, RECRUITING, 'screened', 'replied')).toBe(2);
    const p = (await store.db.pipelines.get(RECRUITING))!;
    expect(p.stages.map((s) => s.id)).not.toContain('screened');
    const entries = await store.db.entries.toArray();
    const moved = entries.filter((e) => e.stageId === 'replied');
    expect(moved).toHaveLength(2);
    for (const e of moved) {
      expect(e.history.map((h) => h.stageId)).toEqual(['screened', 'replied']);
      expect(e.history[1]!.by).toBe('Zhang Min');
      expect(e.history[1]!.at).toBeGreaterThan(e.history[0]!.at);
    }
    expect(entries.find((e) => e.personId === people[0])!.stageId).toBe('interview');
    expect((await queuedMutations(store.db)).map((m) => m.entity).sort()).toEqual(['entry', 'entry', 'pipeline']);
  });

  it('refuses to remove the last stage, or to move entries to the removed or an unknown stage', async () => {
    const store = await freshStore();
    const id = await createPipeline(store, { kind: 'sales' });
    await expect(removeStage(store, id, 'won', 'won')).rejects.toBeInstanceOf(PipelineEditError);
    await expect(removeStage(store, id, 'won', 'ghost')).rejects.toBeInstanceOf(PipelineEditError);
    for (const s of ['target', 'contacted', 'meeting', 'proposal', 'won']) await removeStage(store, id, s, 'lost');
    await expect(removeStage(store, id, 'lost', 'lost')).rejects.toThrow('at least one stage');
    expect((await store.db.pipelines.get(id))!.stages.map((s) => s.id)).toEqual(['lost']);
  });

  it('leaves nothing half-done when the move fails', async () => {
    const store = await freshStore();
    const [who] = await seedPeople(store, 1);
    await setStage(store, { personId: who! }, RECRUITING, 'offer');
    const before = await store.db.pipelines.get(RECRUITING);
    await expect(removeStage(store, RECRUITING, 'offer', 'nowhere')).rejects.toThrow();
    expect(await store.db.pipelines.get(RECRUITING)).toEqual(before);
    expect((await store.db.entries.toArray())[0]!.stageId).toBe('offer');
  });
});

type StageOp =
  | { op: 'add'; name: string; position: number }
  | { op: 'rename'; pick: number; name: string }
  | { op: 'reorder'; seed: number }
  | { op: 'remove'; pick: number; target: number }
  | { op: 'move'; person: number; pick: number };

const stageOp: fc.Arbitrary<StageOp> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), name: fc.constantFrom('Phone screen', '面试', 'Offer', 'Onsite', 'x'), position: fc.nat(12) }),
  fc.record({ op: fc.constant('rename' as const), pick: fc.nat(), name: fc.constantFrom('Renamed', '已联系', 'Final round') }),
  fc.record({ op: fc.constant('reorder' as const), seed: fc.nat() }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat(), target: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), person: fc.nat(5), pick: fc.nat() }),
);

function shuffle<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('stage edits keep every entry on a stage and every history (property)', () => {
  it('holds for any sequence of add, rename, reorder, remove and moves', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stageOp, { minLength: 1, maxLength: 14 }), async (ops) => {
        const store = await freshStore();
        const people = await seedPeople(store, 6);
        for (const [i, id] of people.entries()) await setStage(store, { personId: id }, RECRUITING, ['sourced', 'replied', 'offer'][i % 3]!);
        const histories = new Map((await store.db.entries.toArray()).map((e) => [e.id, e.history]));
        const stages = async () => (await store.db.pipelines.get(RECRUITING))!.stages;

        for (const o of ops) {
          const current = await stages();
          const pick = (n: number) => current[n % current.length]!;
          const before = new Map(current.map((s) => [s.id, s.name]));
          if (o.op === 'add') await addStage(store, RECRUITING, o.name, o.position).catch(expectEditError);
          else if (o.op === 'rename') await renameStage(store, RECRUITING, pick(o.pick).id, o.name);
          else if (o.op === 'reorder') await reorderStages(store, RECRUITING, shuffle(current.map((s) => s.id), o.seed));
          else if (o.op === 'remove') {
            const target = pick(o.target).id === pick(o.pick).id ? current[(o.target + 1) % current.length]! : pick(o.target);
            if (current.length === 1) await expect(removeStage(store, RECRUITING, pick(o.pick).id, target.id)).rejects.toThrow();
            else await removeStage(store, RECRUITING, pick(o.pick).id, target.id);
          } else await setStage(store, { personId: people[o.person]! }, RECRUITING, pick(o.pick).id);

          const after = await stages();
          const ids = new Set(after.map((s) => s.id));
          expect(after.length).toBeGreaterThan(0);
          expect(ids.size).toBe(after.length);
          // A stage that survived kept its id (renames change only the name).
          for (const s of after) if (before.has(s.id) && o.op !== 'rename') expect(s.name).toBe(before.get(s.id));
          for (const e of await store.db.entries.toArray()) {
            expect(ids.has(e.stageId)).toBe(true);
            const old = histories.get(e.id) ?? [];
            expect(e.history.slice(0, old.length)).toEqual(old);
            expect(e.history[e.history.length - 1]!.stageId).toBe(e.stageId);
            histories.set(e.id, e.history);
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

function expectEditError(e: unknown): void {
  expect(e).toBeInstanceOf(PipelineEditError);
}
