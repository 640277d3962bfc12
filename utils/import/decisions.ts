import type { DuplicateDecision } from './apply';
import type { ImportPlan, PossibleDuplicate } from './plan';

/**
 * The user's answers for the dry run's possible duplicates (same name and company as someone
 * saved), keyed by line, and what the import will do once they are taken into account.
 */
export type Decisions = ReadonlyMap<number, DuplicateDecision>;

export type BulkDecision = 'merge' | 'create' | 'skip';

/** One answer for every possible duplicate: merge goes into the first (closest) candidate. */
export function decideAll(plan: ImportPlan, choice: BulkDecision): Map<number, DuplicateDecision> {
  return new Map(plan.possibleDuplicates.map((d) => [d.line, decisionFor(d, choice)]));
}

export function decisionFor(duplicate: PossibleDuplicate, choice: BulkDecision): DuplicateDecision {
  if (choice === 'merge') return { mergeInto: duplicate.candidates[0]!.id };
  return choice;
}

export interface DecidedCounts {
  create: number;
  merge: number;
  unchanged: number;
  /** Possible duplicates still waiting for an answer (they are not imported). */
  undecided: number;
  /** Possible duplicates the user chose to leave out. */
  skipped: number;
  rejected: number;
}

export function decidedCounts(plan: ImportPlan, decisions: Decisions): DecidedCounts {
  const counts: DecidedCounts = {
    create: plan.create.length,
    merge: plan.merge.length,
    unchanged: plan.unchanged.length,
    undecided: 0,
    skipped: 0,
    rejected: plan.rejected.length,
  };
  for (const d of plan.possibleDuplicates) {
    const decision = decisions.get(d.line);
    if (decision === undefined) counts.undecided++;
    else if (decision === 'skip') counts.skipped++;
    else if (decision === 'create') counts.create++;
    else counts.merge++;
  }
  return counts;
}
