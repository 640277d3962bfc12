import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import { funnel, leaderboard } from '@/utils/pipelines';

const [RECRUITING, REFERRAL, SALES] = DEFAULT_PIPELINES.map((p) => ({ id: p.id, stages: p.stages }));
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

let n = 0;
function entry(pipelineId: string, moves: [string, number][], more: { referrer?: string; deleted?: boolean } = {}) {
  n++;
  return {
    id: `E${n}`,
    pipelineId,
    stageId: moves[moves.length - 1]![0],
    history: moves.map(([stageId, day]) => ({ stageId, at: T0 + day * DAY })),
    createdAt: T0 + moves[0]![1] * DAY,
    ...more,
  };
}

describe('funnel', () => {
  it('counts an entry for every stage up to the furthest it reached, with ratios', () => {
    const entries = [
      entry(RECRUITING!.id, [['sourced', 0], ['contacted', 1], ['replied', 2], ['interview', 5]]),
      entry(RECRUITING!.id, [['sourced', 0], ['contacted', 1]]),
      entry(RECRUITING!.id, [['sourced', 0]]),
      // Skipped straight to Offer: it still counts as having been sourced, contacted…
      entry(RECRUITING!.id, [['offer', 3]]),
      entry(RECRUITING!.id, [['sourced', 0]], { deleted: true }),
      entry(SALES!.id, [['target', 0]]),
    ];
    const f = funnel(entries, RECRUITING!);
    expect(f.entries).toBe(4);
    expect(f.steps.map((s) => s.reached)).toEqual([4, 3, 2, 2, 2, 1, 0, 0]);
    expect(f.steps[0]).toMatchObject({ stageId: 'sourced', fromPrevious: null, fromFirst: 1 });
    expect(f.steps[1]).toMatchObject({ fromPrevious: 0.75, fromFirst: 0.75 });
    expect(f.steps[2]!.fromPrevious).toBeCloseTo(2 / 3);
    expect(f.steps[7]).toMatchObject({ reached: 0, fromPrevious: null, fromFirst: 0 });
    expect(f.side).toEqual([]);
  });

  it('keeps the furthest stage after a move back, and ignores stages the pipeline no longer has', () => {
    const entries = [
      entry(RECRUITING!.id, [['sourced', 0], ['interview', 1], ['screened', 2]]),
      entry(RECRUITING!.id, [['sourced', 0], ['phone-screen', 1], ['replied', 2]]),
    ];
    expect(funnel(entries, RECRUITING!).steps.map((s) => s.reached)).toEqual([2, 2, 2, 1, 1, 0, 0, 0]);
  });

  it('leaves side stages (Lost) out of the steps and says after which stage entries were lost', () => {
    const entries = [
      entry(SALES!.id, [['target', 0], ['contacted', 1], ['meeting', 2], ['lost', 3]]),
      entry(SALES!.id, [['target', 0], ['lost', 1]]),
      entry(SALES!.id, [['target', 0], ['contacted', 1], ['meeting', 2], ['proposal', 3], ['won', 4]]),
    ];
    const f = funnel(entries, SALES!);
    expect(f.steps.map((s) => s.stageId)).toEqual(['target', 'contacted', 'meeting', 'proposal', 'won']);
    expect(f.steps.map((s) => s.reached)).toEqual([3, 2, 2, 1, 1]);
    expect(f.side).toEqual([{ stageId: 'lost', name: 'Lost', count: 2, leftAfter: { meeting: 1, target: 1 } }]);
  });

  it('counts activity in a period, or a cohort added in it', () => {
    const entries = [
      entry(RECRUITING!.id, [['sourced', 0], ['contacted', 40], ['replied', 41]]),
      entry(RECRUITING!.id, [['sourced', 35], ['contacted', 36]]),
      entry(RECRUITING!.id, [['sourced', 10], ['contacted', 11]]),
    ];
    const february = { from: T0 + 31 * DAY, to: T0 + 59 * DAY };
    // Activity: the first two moved in February; each counts up to where it got in February.
    expect(funnel(entries, RECRUITING!, february).steps.map((s) => s.reached).slice(0, 4)).toEqual([2, 2, 1, 0]);
    // Cohort: only the second was added in February.
    expect(funnel(entries, RECRUITING!, february, 'cohort').steps.map((s) => s.reached).slice(0, 4)).toEqual([1, 1, 0, 0]);
    const january = { from: T0, to: T0 + 31 * DAY };
    expect(funnel(entries, RECRUITING!, january, 'cohort').steps.map((s) => s.reached).slice(0, 3)).toEqual([2, 1, 0]);
  });

  it('treats an entry without history as having been at its stage since it was added', () => {
    const e = { ...entry(RECRUITING!.id, [['hired', 2]]), history: [] };
    expect(funnel([e], RECRUITING!).steps.map((s) => s.reached)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('never increases from one step to the next (property)', () => {
    const ids = RECRUITING!.stages.map((s) => s.id);
    const move = fc.tuple(fc.constantFrom(...ids, 'gone'), fc.nat(90));
    fc.assert(
      fc.property(fc.array(fc.array(move, { minLength: 1, maxLength: 8 }), { maxLength: 20 }), fc.nat(90), fc.nat(30), (all, from, len) => {
        const entries = all.map((moves) => entry(RECRUITING!.id, moves.sort((a, b) => a[1] - b[1])));
        const f = funnel(entries, RECRUITING!, { from: T0 + from * DAY, to: T0 + (from + len) * DAY });
        for (let i = 1; i < f.steps.length; i++) expect(f.steps[i]!.reached).toBeLessThanOrEqual(f.steps[i - 1]!.reached);
        expect(f.steps[0]!.reached).toBeLessThanOrEqual(f.entries);
      }),
    );
  });
});

describe('referral leaderboard', () => {
  const pts = Object.fromEntries(REFERRAL!.stages.map((s) => [s.id, s.points!]));

  it('sums the points of every stage reached, once per stage, sorted by points then name', () => {
    const entries = [
      // Interviewed, back to applied, interviewed again: read + applied + resume-qualified + interviewed, once each.
      entry(REFERRAL!.id, [['read', 0], ['applied', 1], ['interviewed', 2], ['applied', 3], ['interviewed', 4]], { referrer: 'Zhang Min' }),
      entry(REFERRAL!.id, [['read', 0], ['applied', 1]], { referrer: 'Zhang Min' }),
      entry(REFERRAL!.id, [['read', 0], ['applied', 2], ['resume-qualified', 3], ['interviewed', 5]], { referrer: 'Anna' }),
      entry(REFERRAL!.id, [['read', 0], ['applied', 2]], { referrer: 'Bob' }),
      entry(REFERRAL!.id, [['read', 0], ['applied', 2]], { referrer: '' }),
      entry(REFERRAL!.id, [['hired', 0]], { referrer: 'Bob', deleted: true }),
    ];
    const board = leaderboard(entries, REFERRAL!);
    const zhang = pts.read! * 2 + pts.applied! * 2 + pts['resume-qualified']! + pts.interviewed!;
    expect(board.map((r) => [r.referrer, r.points, r.candidates])).toEqual([
      ['Zhang Min', zhang, 2],
      ['Anna', pts.read! + pts.applied! + pts['resume-qualified']! + pts.interviewed!, 1],
      ['Bob', pts.read! + pts.applied!, 1],
    ]);
    expect(board[0]!.reached).toEqual({ read: 2, applied: 2, 'resume-qualified': 1, interviewed: 1 });
  });

  it('breaks ties by name', () => {
    const entries = ['Chen', 'Adams', 'Baker'].map((referrer) => entry(REFERRAL!.id, [['applied', 0]], { referrer }));
    expect(leaderboard(entries, REFERRAL!).map((r) => r.referrer)).toEqual(['Adams', 'Baker', 'Chen']);
  });

  it('counts a stage in the period it was first reached, so periods add up to the total (property)', () => {
    const ids = REFERRAL!.stages.map((s) => s.id);
    const move = fc.tuple(fc.constantFrom(...ids), fc.nat(60));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(move, { minLength: 1, maxLength: 6 }), fc.constantFrom('A', 'B', 'C')), { maxLength: 15 }),
        fc.nat(60),
        (all, cut) => {
          const entries = all.map(([moves, referrer]) => entry(REFERRAL!.id, moves.sort((a, b) => a[1] - b[1]), { referrer }));
          const points = (period: { from?: number; to?: number }) =>
            Object.fromEntries(leaderboard(entries, REFERRAL!, period).map((r) => [r.referrer, r.points]));
          const total = points({});
          const before = points({ to: T0 + cut * DAY });
          const after = points({ from: T0 + cut * DAY });
          for (const r of Object.keys(total)) expect((before[r] ?? 0) + (after[r] ?? 0)).toBe(total[r]);
        },
      ),
    );
  });
});
