import { useI18n } from '@/components/popup/i18n/I18nProvider';
import type { DuplicateDecision } from '@/utils/import/apply';
import { decisionFor, type BulkDecision, type Decisions } from '@/utils/import/decisions';
import type { PossibleDuplicate } from '@/utils/import/plan';

/** Rows shown one by one; beyond that the all-at-once buttons decide (a 2018 export can have thousands). */
const SHOWN = 100;

function encode(decision: DuplicateDecision | undefined): string {
  if (decision === undefined) return '';
  return typeof decision === 'string' ? decision : `merge:${decision.mergeInto}`;
}

function decode(value: string): DuplicateDecision | undefined {
  if (value === '') return undefined;
  if (value.startsWith('merge:')) return { mergeInto: value.slice(6) };
  return value as 'create' | 'skip';
}

/** Same name and company as someone saved: the user says merge, create new, or leave out. */
export function DuplicateDecisions({
  duplicates,
  decisions,
  onDecide,
  onDecideAll,
}: {
  duplicates: readonly PossibleDuplicate[];
  decisions: Decisions;
  onDecide: (line: number, decision: DuplicateDecision | undefined) => void;
  onDecideAll: (choice: BulkDecision) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="duplicates" aria-label={t('data.import.duplicates.title', { count: duplicates.length })} data-testid="sb-import-duplicates">
      <h3>{t('data.import.duplicates.title', { count: duplicates.length })}</h3>
      <p className="hint">{t('data.import.duplicates.hint')}</p>
      <div className="buttons">
        <button type="button" data-testid="sb-import-merge-all" onClick={() => onDecideAll('merge')}>
          {t('data.import.duplicates.mergeAll')}
        </button>
        <button type="button" data-testid="sb-import-create-all" onClick={() => onDecideAll('create')}>
          {t('data.import.duplicates.createAll')}
        </button>
        <button type="button" onClick={() => onDecideAll('skip')}>
          {t('data.import.duplicates.skipAll')}
        </button>
      </div>
      <ul className="lines">
        {duplicates.slice(0, SHOWN).map((d) => (
          <li key={d.line} data-testid="sb-import-duplicate">
            <span className="who">
              {t('data.import.line', { line: d.line })}: <strong>{d.person.name}</strong>
              {d.person.companyName ? ` · ${d.person.companyName}` : ''}
              {d.person.headline ? ` · ${d.person.headline}` : ''}
            </span>
            <select
              aria-label={`${t('data.import.line', { line: d.line })}: ${d.person.name}`}
              data-testid={`sb-import-decision-${d.line}`}
              className={decisions.has(d.line) ? '' : 'undecided'}
              value={encode(decisions.get(d.line))}
              onChange={(e) => onDecide(d.line, decode(e.target.value))}
            >
              <option value="">{t('data.import.duplicates.undecided')}</option>
              {d.candidates.map((c) => (
                <option key={c.id} value={encode(decisionFor({ ...d, candidates: [c] }, 'merge'))}>
                  {t('data.import.duplicates.merge', { name: c.name, where: [c.headline, c.companyName].filter(Boolean).map((s) => ` · ${s}`).join('') })}
                </option>
              ))}
              <option value="create">{t('data.import.duplicates.create')}</option>
              <option value="skip">{t('data.import.duplicates.skip')}</option>
            </select>
          </li>
        ))}
      </ul>
      {duplicates.length > SHOWN && <p className="hint">{t('data.import.duplicates.more', { count: duplicates.length - SHOWN })}</p>}
    </section>
  );
}
