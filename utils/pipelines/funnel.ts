import type { Pipeline, StageChange } from '../schema';
import { referrerOf } from './entry-fields';
import { isSideStage } from './stages';

/** [from, to) in epoch ms; either end may be left open. */
export interface Period {
  from?: number;
  to?: number;
}

type FunnelEntry = {
  pipelineId: string;
  stageId: string;
  history: readonly StageChange[];
  createdAt: number;
  deleted?: boolean;
};

export interface FunnelStep {
  stageId: string;
  name: string;
  /** Entries that reached this stage or a later one. */
  reached: number;
  /** reached / reached at the previous step; null for the first step or when the previous is 0. */
  fromPrevious: number | null;
  /** reached / reached at the first step; null when the first is 0. */
  fromFirst: number | null;
}

export interface SideCount {
  stageId: string;
  name: string;
  /** Entries that went to this side stage. */
  count: number;
  /** Of those, how many had reached each main stage before leaving the line, by stage id. */
  leftAfter: Record<string, number>;
}

export interface Funnel {
  pipelineId: string;
  /** Entries counted at all. */
  entries: number;
  steps: FunnelStep[];
  side: SideCount[];
}

export type FunnelMode =
  /** Entries with a stage change in the period; each counts up to the furthest stage it reached in the period. */
  | 'activity'
  /** Entries added in the period; each counts up to the furthest stage it reached by the period's end. */
  | 'cohort';

function inPeriod(at: number, period: Period): boolean {
  return (period.from === undefined || at >= period.from) && (period.to === undefined || at < period.to);
}

/** An entry's stage changes; an entry without history (imported) is taken to have been at its stage since it was added. */
function changesOf(entry: FunnelEntry): readonly StageChange[] {
  return entry.history.length ? entry.history : [{ stageId: entry.stageId, at: entry.createdAt }];
}

function ratio(n: number, d: number | undefined): number | null {
  return d ? n / d : null;
}

/**
 * Conversion per stage, by history. The main stages are ordered as the pipeline orders them now;
 * an entry that reached stage k counts for every earlier stage too (it went through them, or
 * skipped them — either way it got further). Consequences, by design:
 * - A move back (Interview → Screened) does not undo having reached Interview: the furthest stage
 *   counts, so the steps never increase.
 * - Side stages (Sales "Lost", see isSideStage) are not steps: an entry that went to Lost counts
 *   for the main stages it had reached, and in `side`, with the main stage it left after.
 * - History that names a stage the pipeline no longer has is ignored; its entries were moved to
 *   another stage, which their history also records.
 */
export function funnel(entries: readonly FunnelEntry[], pipeline: Pick<Pipeline, 'id' | 'stages'>, period: Period = {}, mode: FunnelMode = 'activity'): Funnel {
  const main = pipeline.stages.filter((s) => !isSideStage(s));
  const sides = pipeline.stages.filter((s) => isSideStage(s));
  const position = new Map(main.map((s, i) => [s.id, i]));
  const sideIndex = new Map(sides.map((s, i) => [s.id, i]));
  const reachedAt = new Array<number>(main.length).fill(0);
  const side: SideCount[] = sides.map((s) => ({ stageId: s.id, name: s.name, count: 0, leftAfter: {} }));
  let counted = 0;

  for (const entry of entries) {
    if (entry.deleted || entry.pipelineId !== pipeline.id) continue;
    const changes = changesOf(entry);
    let relevant: readonly StageChange[];
    if (mode === 'cohort') {
      if (!inPeriod(entry.createdAt, period)) continue;
      relevant = changes.filter((c) => period.to === undefined || c.at < period.to);
    } else relevant = changes.filter((c) => inPeriod(c.at, period));
    if (!relevant.length) continue;
    counted++;
    let furthest = -1;
    const sidesHit = new Map<number, number>();
    // The furthest main stage reached before each side move, taken over all history so that a
    // loss in this period is attributed to where the entry really was.
    let furthestSoFar = -1;
    for (const c of changes) {
      const p = position.get(c.stageId);
      if (p !== undefined) furthestSoFar = Math.max(furthestSoFar, p);
      const s = sideIndex.get(c.stageId);
      if (s !== undefined && relevant.includes(c)) sidesHit.set(s, furthestSoFar);
    }
    for (const c of relevant) {
      const p = position.get(c.stageId);
      if (p !== undefined && p > furthest) furthest = p;
    }
    for (let i = 0; i <= furthest; i++) reachedAt[i]!++;
    for (const [s, after] of sidesHit) {
      const count = side[s]!;
      count.count++;
      const key = after >= 0 ? main[after]!.id : '';
      if (key) count.leftAfter[key] = (count.leftAfter[key] ?? 0) + 1;
    }
  }

  const steps: FunnelStep[] = main.map((s, i) => ({
    stageId: s.id,
    name: s.name,
    reached: reachedAt[i]!,
    fromPrevious: i === 0 ? null : ratio(reachedAt[i]!, reachedAt[i - 1]),
    fromFirst: ratio(reachedAt[i]!, reachedAt[0]),
  }));
  return { pipelineId: pipeline.id, entries: counted, steps, side };
}

export interface LeaderboardRow {
  referrer: string;
  points: number;
  /** Candidates who earned points in the period. */
  candidates: number;
  /** How many of their candidates reached each stage in the period, by stage id. */
  reached: Record<string, number>;
}

/**
 * Referral (内推) points per referrer: each candidate earns, once, the points of every stage it
 * reached (reaching stage k also reaches the main stages before it, as in the funnel). A stage's
 * points are earned when the candidate first reached it or a later stage, and count in the period
 * containing that moment — so a candidate never earns the same stage twice, across periods or
 * after a move back. Sorted by points, then by referrer name; entries without a referrer are left out.
 */
export function leaderboard(
  entries: readonly (FunnelEntry & { referrer?: string })[],
  pipeline: Pick<Pipeline, 'id' | 'stages'>,
  period: Period = {},
): LeaderboardRow[] {
  const main = pipeline.stages.filter((s) => !isSideStage(s));
  const position = new Map(main.map((s, i) => [s.id, i]));
  const rows = new Map<string, LeaderboardRow>();

  for (const entry of entries) {
    if (entry.deleted || entry.pipelineId !== pipeline.id) continue;
    const referrer = referrerOf(entry);
    if (!referrer) continue;
    // earned[i]: when main stage i was first reached, directly or by reaching a later stage.
    const earned = new Array<number | undefined>(main.length).fill(undefined);
    const sideEarned = new Map<string, number>();
    for (const c of changesOf(entry)) {
      const p = position.get(c.stageId);
      if (p !== undefined) {
        for (let i = 0; i <= p; i++) if (earned[i] === undefined || c.at < earned[i]!) earned[i] = c.at;
      } else if (pipeline.stages.some((s) => s.id === c.stageId) && !sideEarned.has(c.stageId)) sideEarned.set(c.stageId, c.at);
    }
    let points = 0;
    const reached: Record<string, number> = {};
    main.forEach((s, i) => {
      const at = earned[i];
      if (at === undefined || !inPeriod(at, period)) return;
      points += s.points ?? 0;
      reached[s.id] = 1;
    });
    for (const [stageId, at] of sideEarned) {
      const s = pipeline.stages.find((x) => x.id === stageId)!;
      if (!inPeriod(at, period)) continue;
      points += s.points ?? 0;
      reached[stageId] = 1;
    }
    if (!Object.keys(reached).length) continue;
    const row = rows.get(referrer) ?? { referrer, points: 0, candidates: 0, reached: {} };
    row.points += points;
    row.candidates++;
    for (const k of Object.keys(reached)) row.reached[k] = (row.reached[k] ?? 0) + 1;
    rows.set(referrer, row);
  }
  return [...rows.values()].sort((a, b) => b.points - a.points || a.referrer.localeCompare(b.referrer) || (a.referrer < b.referrer ? -1 : 1));
}
