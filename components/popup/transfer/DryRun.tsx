import { useI18n } from '@/components/popup/i18n/I18nProvider';
import type { DuplicateDecision } from '@/utils/import/apply';
import { decidedCounts, type BulkDecision, type Decisions } from '@/utils/import/decisions';
import type { ImportPlan } from '@/utils/import/plan';
import { DuplicateDecisions } from './DuplicateDecisions';
import { LineList } from './LineList';

/** The dry run: counts, possible duplicates to decide, rejected rows and warnings by line; then confirm. */
export function DryRun({
  plan,
  decisions,
  onDecide,
  onDecideAll,
  onConfirm,
  onCancel,
}: {
  plan: ImportPlan;
  decisions: Decisions;
  onDecide: (line: number, decision: DuplicateDecision | undefined) => void;
  onDecideAll: (choice: BulkDecision) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const n = decidedCounts(plan, decisions);
  const writes = n.create + n.merge;
  return (
    <div className="dry-run">
      <p data-testid="sb-import-summary" role="status">
        {t('data.import.summary', { create: n.create, merge: n.merge, undecided: n.undecided, rejected: n.rejected })}
        {n.unchanged > 0 && t('data.import.summary.unchanged', { count: n.unchanged })}
        {n.skipped > 0 && t('data.import.summary.skipped', { count: n.skipped })}
      </p>
      {plan.possibleDuplicates.length > 0 && (
        <DuplicateDecisions duplicates={plan.possibleDuplicates} decisions={decisions} onDecide={onDecide} onDecideAll={onDecideAll} />
      )}
      <LineList
        title={t('data.import.rejected.title', { count: plan.rejected.length })}
        items={plan.rejected}
        testId="sb-import-rejected"
        downloadName="scoutbook-import-rejected.csv"
      />
      <LineList title={t('data.import.warnings.title', { count: plan.warnings.length })} items={plan.warnings} testId="sb-import-warnings" />
      <div className="buttons">
        <button type="button" data-testid="sb-import-cancel" onClick={onCancel}>
          {t('data.cancel')}
        </button>
        <button type="button" className="primary" data-testid="sb-import-confirm" disabled={writes === 0} onClick={onConfirm}>
          {t('data.import.confirm', { count: writes })}
        </button>
      </div>
    </div>
  );
}
