import { useState } from 'react';
import { getDb } from '@/utils/db/database';
import { applyImport, existingPeople } from '@/utils/import/apply';
import { planImport, planSummary, type ImportPlan } from '@/utils/import/plan';
import { readImportFile, type ImportPreview } from '@/utils/import/read-import';
import { writeFromPage } from '@/utils/db/page-writes';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; progress: number }
  | { kind: 'planned'; preview: ImportPreview; plan: ImportPlan }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/** Import CSV or XLSX: read, dry run (what will be created, merged, rejected), then one transaction. */
export function ImportPanel() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [abort, setAbort] = useState<AbortController>();

  const pick = async (file: File) => {
    const controller = new AbortController();
    setAbort(controller);
    setStep({ kind: 'reading', progress: 0 });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const onProgress = (p: { done: number; total?: number }) =>
        setStep({ kind: 'reading', progress: p.total ? p.done / p.total : 0 });
      const preview = await readImportFile(bytes, { signal: controller.signal, onProgress });
      const plan = await planImport(preview.rows, await existingPeople(getDb()), { signal: controller.signal });
      setStep({ kind: 'planned', preview, plan });
    } catch (e) {
      setStep({ kind: 'error', text: (e as Error).message });
    }
  };

  const confirm = async (plan: ImportPlan) => {
    const controller = new AbortController();
    setAbort(controller);
    try {
      const result = await writeFromPage((store) => applyImport(store, plan, { signal: controller.signal }));
      setStep({
        kind: 'done',
        text: `Imported: ${result.created} created, ${result.merged} merged, ${result.notes} notes${result.skipped.length ? `, ${result.skipped.length} skipped` : ''}.`,
      });
    } catch (e) {
      setStep({ kind: 'error', text: (e as Error).message });
    }
  };

  return (
    <section className="panel" aria-label="Import">
      <h2>Import people</h2>
      <p className="hint">CSV or XLSX: LinkedIn Connections (2018 or 2024), LinkedIn Recruiter, or any sheet with a name column.</p>
      <input
        type="file"
        data-testid="sb-import-file"
        accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void pick(file);
          e.target.value = '';
        }}
      />
      {step.kind === 'reading' && (
        <p>
          Reading… {Math.round(step.progress * 100)}%{' '}
          <button type="button" onClick={() => abort?.abort()}>
            Cancel
          </button>
        </p>
      )}
      {step.kind === 'planned' && <DryRun preview={step.preview} plan={step.plan} onConfirm={() => void confirm(step.plan)} onCancel={() => setStep({ kind: 'idle' })} />}
      {step.kind === 'done' && (
        <p className="ok" role="status" data-testid="sb-import-result">
          {step.text}
        </p>
      )}
      {step.kind === 'error' && (
        <p className="error" role="alert" data-testid="sb-import-error">
          {step.text}
        </p>
      )}
    </section>
  );
}

function sourceText(source: ImportPreview['table']['source']): string {
  if (source.kind === 'xlsx') return `sheet “${source.sheet}”`;
  return `${source.encoding ?? 'UTF-8'}, ${source.delimiter === '\t' ? 'tab' : `“${source.delimiter}”`}-separated`;
}

function DryRun({ preview, plan, onConfirm, onCancel }: { preview: ImportPreview; plan: ImportPlan; onConfirm: () => void; onCancel: () => void }) {
  const n = planSummary(plan);
  const { table } = preview;
  return (
    <div className="dry-run">
      <p data-testid="sb-import-summary" role="status">
        {n.create} to create · {n.merge} to merge · {n.possibleDuplicates} possible duplicates · {n.rejected} rejected
        {n.unchanged ? ` · ${n.unchanged} already up to date` : ''}
      </p>
      <p className="hint">{[preview.preset.label, sourceText(table.source), `header on line ${table.headerLine}`].join(' · ')}</p>
      {plan.rejected.length > 0 && (
        <details>
          <summary>Rejected rows</summary>
          <ul className="lines">
            {plan.rejected.slice(0, 50).map((r) => (
              <li key={r.line}>
                Line {r.line}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan.possibleDuplicates.length > 0 && (
        <p className="hint">Possible duplicates (same name and company) are skipped unless you merge them by hand.</p>
      )}
      <div className="buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" data-testid="sb-import-confirm" disabled={!n.create && !n.merge} onClick={onConfirm}>
          Import {n.create + n.merge}
        </button>
      </div>
    </div>
  );
}
