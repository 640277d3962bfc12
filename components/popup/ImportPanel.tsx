import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { getDb } from '@/utils/db/database';
import { writeFromPage } from '@/utils/db/page-writes';
import { applyImport, existingPeople, type ApplyResult, type DuplicateDecision } from '@/utils/import/apply';
import { isAbortError } from '@/utils/import/cooperative';
import { decideAll, type BulkDecision } from '@/utils/import/decisions';
import type { ExistingPerson, ImportPlan } from '@/utils/import/plan';
import { hasNameColumn, type ColumnMapping, type Preset, type PresetId } from '@/utils/import/presets';
import { dryRunFile } from '@/utils/import/dry-run';
import { openImportFile, resolveMapping, type OpenedFile } from '@/utils/import/read-import';
import type { Delimiter } from '@/utils/import/sniff';
import { DryRun } from './transfer/DryRun';
import { ImportSource } from './transfer/ImportSource';
import { MappingTable } from './transfer/MappingTable';
import { useI18n } from './i18n/I18nProvider';
import './transfer/data.css';
import { NamedOptions } from './NamedOptions';
import { throttledProgress } from './throttled-progress';

/** A file opened for import (its summary; its rows are visited by each dry run), and how its columns map to our fields. */
export interface LoadedFile {
  name: string;
  bytes: Uint8Array;
  file: OpenedFile;
  preset: Preset;
  mapping: ColumnMapping;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; file: string; progress: number }
  | { kind: 'ready' }
  | { kind: 'writing'; done: number; total: number }
  | { kind: 'done'; result: ApplyResult }
  | { kind: 'error'; text: string };

type PlanState = { kind: 'planning'; progress: number } | { kind: 'planned'; plan: ImportPlan } | { kind: 'no-name' } | { kind: 'failed'; text: string };

/**
 * Import CSV or XLSX: read the file, map its columns (preset detected, every column editable), a
 * dry run recomputed from the mapping (create, merge, possible duplicates to decide, rejected with
 * line and reason), then one transaction. Cancelling at any step writes nothing.
 */
export function ImportPanel() {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [loaded, setLoaded] = useState<LoadedFile>();
  const [planResult, setPlanResult] = useState<{ loaded: LoadedFile; pipelineId?: string; overwrite: boolean; state: PlanState }>();
  const [decisions, setDecisions] = useState<Map<number, DuplicateDecision>>(new Map());
  const [pipelineId, setPipelineId] = useState<string>();
  const [overwrite, setOverwrite] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const existing = useRef<{ key: string; people: Promise<ExistingPerson[]> } | undefined>(undefined);
  const pipelines = useLiveQuery(() => getDb().pipelines.filter((p) => !p.deleted && !p.archived).toArray(), []);

  const fresh = () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    return controller;
  };

  const read = async (name: string, bytes: Uint8Array, choice: { sheet?: string; delimiter?: Delimiter; presetId?: PresetId } = {}) => {
    const controller = fresh();
    setPhase({ kind: 'reading', file: name, progress: 0 });
    try {
      const file = await openImportFile(bytes, {
        ...choice,
        signal: controller.signal,
        // Each slice hands the thread back every few milliseconds; re-rendering the panel each time was most of the garbage.
        onProgress: throttledProgress((p) => setPhase({ kind: 'reading', file: name, progress: p.total ? p.done / p.total : 0 })),
      });
      existing.current = undefined;
      setLoaded({ name, bytes, file, ...resolveMapping(file.summary.header, { presetId: choice.presetId }) });
      setDecisions(new Map());
      setPhase({ kind: 'ready' });
    } catch (e) {
      if (isAbortError(e)) setPhase({ kind: 'idle' });
      else setPhase({ kind: 'error', text: (e as Error).message });
    }
  };

  // The dry run, recomputed whenever the mapping or its options change; a newer run cancels the older.
  const named = loaded !== undefined && hasNameColumn(loaded.mapping);
  useEffect(() => {
    if (!loaded || !named) return;
    const controller = new AbortController();
    const inputs = { loaded, pipelineId, overwrite };
    const pipeline = loaded.mapping.stage !== undefined ? pipelines?.find((p) => p.id === pipelineId) : undefined;
    const need = { notes: loaded.mapping.note !== undefined, entries: pipeline !== undefined };
    const key = JSON.stringify(need);
    if (existing.current?.key !== key) existing.current = { key, people: existingPeople(getDb(), need) };
    const saved = existing.current.people;
    const onProgress = throttledProgress((p) => setPlanResult({ ...inputs, state: { kind: 'planning', progress: p.total ? p.done / p.total : 0 } }));
    void (async () => {
      try {
        const plan = await dryRunFile(loaded.file, loaded.mapping, await saved, { signal: controller.signal, onProgress, pipeline, overwrite });
        if (controller.signal.aborted) return;
        performance.mark('scoutbook:import-planned', { detail: { rows: loaded.file.summary.rowCount } });
        setPlanResult({ ...inputs, state: { kind: 'planned', plan } });
      } catch (e) {
        if (!isAbortError(e)) setPlanResult({ ...inputs, state: { kind: 'failed', text: (e as Error).message } });
      }
    })();
    return () => controller.abort();
  }, [loaded, named, pipelineId, overwrite, pipelines]);
  const planState: PlanState | undefined = !loaded
    ? undefined
    : !named
      ? { kind: 'no-name' }
      : planResult && planResult.loaded === loaded && planResult.pipelineId === pipelineId && planResult.overwrite === overwrite
        ? planResult.state
        : { kind: 'planning', progress: 0 };

  const reset = () => {
    abort.current?.abort();
    setLoaded(undefined);
    setPhase({ kind: 'idle' });
  };

  const confirm = async (plan: ImportPlan) => {
    const controller = fresh();
    const total = plan.create.length + plan.merge.length + plan.possibleDuplicates.length;
    setPhase({ kind: 'writing', done: 0, total });
    // Nothing shows the file, its table or the dry run's inputs while writing (nor after): let them
    // go now, not after the commit, so the collector does not walk 100,000 parsed rows after every batch.
    setLoaded(undefined);
    setPlanResult(undefined);
    existing.current = undefined;
    performance.mark('scoutbook:import-write-start');
    try {
      const result = await writeFromPage((store) =>
        applyImport(store, plan, { decisions, signal: controller.signal, onProgress: throttledProgress((p) => setPhase({ kind: 'writing', done: p.done, total: p.total })) }),
      );
      performance.mark('scoutbook:import-done', { detail: { created: result.created, merged: result.merged } });
      setLoaded(undefined);
      setPhase({ kind: 'done', result });
    } catch (e) {
      setPhase({ kind: 'error', text: isAbortError(e) ? t('data.import.cancelled') : (e as Error).message });
    }
  };

  const decideEvery = (choice: BulkDecision) => {
    if (planState?.kind === 'planned') setDecisions(decideAll(planState.plan, choice));
  };

  return (
    <section className="panel import-panel" aria-label={t('data.import.title')}>
      <h2>{t('data.import.title')}</h2>
      <p className="hint">{t('data.import.hint')}</p>
      <input
        type="file"
        data-testid="sb-import-file"
        accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={phase.kind === 'writing'}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          // Marks for the import benchmark, on this extension page's own timeline.
          performance.mark('scoutbook:import-start', { detail: { bytes: file.size } });
          void file.arrayBuffer().then((buffer) => read(file.name, new Uint8Array(buffer)));
        }}
      />
      {phase.kind === 'reading' && (
        <p role="status">
          {t('data.import.reading', { file: phase.file, percent: Math.round(phase.progress * 100) })}{' '}
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('data.cancel')}
          </button>
        </p>
      )}
      {loaded && phase.kind === 'ready' && (
        <>
          <ImportSource
            loaded={loaded}
            onPreset={(presetId) => setLoaded({ ...loaded, ...resolveMapping(loaded.file.summary.header, { presetId }) })}
            onSheet={(sheet) => void read(loaded.name, loaded.bytes, { sheet, presetId: loaded.preset.id })}
            onDelimiter={(delimiter) => void read(loaded.name, loaded.bytes, { delimiter, presetId: loaded.preset.id })}
          />
          <details className="mapping-details" open>
            <summary>{t('data.import.mapping.title')}</summary>
            <MappingTable
              header={loaded.file.summary.header}
              sample={loaded.file.summary.sample}
              mapping={loaded.mapping}
              onChange={(mapping) => setLoaded({ ...loaded, mapping })}
            />
          </details>
          {loaded.mapping.stage !== undefined && (
            <label className="inline">
              {t('data.import.stagePipeline')}{' '}
              <select data-testid="sb-import-pipeline" value={pipelineId ?? ''} onChange={(e) => setPipelineId(e.target.value || undefined)}>
                <option value="">{t('data.import.stagePipeline.none')}</option>
                <NamedOptions items={(pipelines ?? [])} />
              </select>
            </label>
          )}
          <label className="inline">
            <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> {t('data.import.overwrite')}
          </label>
          {planState?.kind === 'no-name' && (
            <p className="error" role="alert" data-testid="sb-import-error">
              {t('data.import.mapping.noName')}
            </p>
          )}
          {planState?.kind === 'failed' && (
            <p className="error" role="alert" data-testid="sb-import-error">
              {planState.text}
            </p>
          )}
          {planState?.kind === 'planning' && (
            <p role="status">{t('data.import.checking', { rows: loaded.file.summary.rowCount, percent: Math.round(planState.progress * 100) })}</p>
          )}
          {planState?.kind === 'planned' && (
            <DryRun
              plan={planState.plan}
              decisions={decisions}
              onDecide={(line, decision) =>
                setDecisions((now) => {
                  const next = new Map(now);
                  if (decision === undefined) next.delete(line);
                  else next.set(line, decision);
                  return next;
                })
              }
              onDecideAll={decideEvery}
              onConfirm={() => void confirm(planState.plan)}
              onCancel={reset}
            />
          )}
          {planState?.kind !== 'planned' && (
            <div className="buttons">
              <button type="button" onClick={reset}>
                {t('data.cancel')}
              </button>
            </div>
          )}
        </>
      )}
      {phase.kind === 'writing' && (
        <p role="status">
          <progress max={Math.max(1, phase.total)} value={phase.done} /> {t('data.import.writing', { done: phase.done, total: phase.total })}{' '}
          <button type="button" data-testid="sb-import-cancel-write" onClick={() => abort.current?.abort()}>
            {t('data.cancel')}
          </button>
        </p>
      )}
      {phase.kind === 'done' && (
        <p className="ok" role="status" data-testid="sb-import-result">
          {t('data.import.done', { created: phase.result.created, merged: phase.result.merged, notes: phase.result.notes, entries: phase.result.entries })}
          {phase.result.skipped.length > 0 && t('data.import.done.skipped', { count: phase.result.skipped.length })}
        </p>
      )}
      {phase.kind === 'error' && (
        <p className="error" role="alert" data-testid="sb-import-error">
          {phase.text}
        </p>
      )}
    </section>
  );
}
