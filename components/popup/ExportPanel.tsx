import { useEffect, useMemo, useState } from 'react';
import { getDb } from '@/utils/db/database';
import { DEFAULT_EXPORT_PREFS, loadExportPrefs, saveExportPrefs, toggleColumn, type ExportPrefs } from '@/utils/export/column-prefs';
import { EXPORT_COLUMNS, EXPORT_MIME, pickColumns, type ExportFormat } from '@/utils/export/columns';
import { runExport } from '@/utils/export/run-export';
import { exportFileName, scopeRows, type ExportScope } from '@/utils/export/scope';
import type { TalentRow } from '@/utils/export/talent-bank';
import { isoDate } from '@/utils/format/relative-time';
import type { PopupMessageKey } from '@/utils/i18n/popup';
import { isAbortError, type Progress } from '@/utils/import/cooperative';
import type { Pipeline } from '@/utils/schema';
import { useI18n } from './i18n/I18nProvider';
import type { LastNoteMirror } from './last-note-mirror';
import { throttledProgress } from './throttled-progress';
import { NamedOptions } from './NamedOptions';

/**
 * What the App gives the export panel. `rows` is required; the rest widen the choice of scope.
 */
export interface ExportPanelProps {
  /** The people listed now, search and filters applied, in list order ("the list as shown"). */
  rows: readonly TalentRow[];
  /** Live pipelines, for the pipeline and stage scopes and for stage names in the file. */
  pipelines: readonly Pipeline[];
  /** The whole talent bank, for the "whole bank", pipeline and stage scopes; `rows` when absent. */
  allRows?: readonly TalentRow[];
  /** Person ids ticked in the list; the "selection" scope is offered when there is at least one. */
  selectedIds?: ReadonlySet<string>;
  /** The scope to start with, e.g. `selection` when opened from the bulk-action bar. */
  initialScope?: ExportScope['kind'];
  /** The popup's mirror of each person's newest note; without it (or until it is ready) the export reads them. */
  lastNotes?: LastNoteMirror;
}

type Running = { abort: AbortController; done: number; total: number };

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export any list — as shown, the whole bank, a selection, a pipeline or one stage — in the columns picked. */
export function ExportPanel({ rows, pipelines, allRows, selectedIds, initialScope, lastNotes }: ExportPanelProps) {
  const { t } = useI18n();
  const all = allRows ?? rows;
  const hasSelection = (selectedIds?.size ?? 0) > 0;
  const firstPipeline = pipelines[0]?.id ?? '';
  const [scopeKind, setScopeKind] = useState<ExportScope['kind'] | 'stage'>(initialScope === 'selection' && !hasSelection ? 'listed' : (initialScope ?? 'listed'));
  const [pipelineId, setPipelineId] = useState(firstPipeline);
  const [stageId, setStageId] = useState<string>('');
  const [prefs, setPrefs] = useState<ExportPrefs>(DEFAULT_EXPORT_PREFS);
  const [running, setRunning] = useState<Running>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    let live = true;
    loadExportPrefs()
      .then((p) => live && setPrefs(p))
      .catch((e: unknown) => console.warn('[scoutbook] could not read the export columns:', e));
    return () => {
      live = false;
    };
  }, []);

  const update = (next: ExportPrefs) => {
    setPrefs(next);
    saveExportPrefs(next).catch((e: unknown) => console.warn('[scoutbook] could not save the export columns:', e));
  };

  const pipeline = pipelines.find((p) => p.id === pipelineId) ?? pipelines[0];
  const scopedPipeline = pipeline?.id ?? '';
  const scopedStage = scopeKind === 'stage' && stageId ? stageId : undefined;
  const scope = useMemo<ExportScope>(
    () =>
      scopeKind === 'pipeline' || scopeKind === 'stage'
        ? { kind: 'pipeline', pipelineId: scopedPipeline, stageId: scopedStage }
        : scopeKind === 'selection' && !hasSelection
          ? { kind: 'listed' }
          : { kind: scopeKind },
    [scopeKind, scopedPipeline, scopedStage, hasSelection],
  );
  const scoped = useMemo(() => scopeRows(scope, { listed: rows, all, selectedIds }), [scope, rows, all, selectedIds]);

  const run = async () => {
    const abort = new AbortController();
    const total = scoped.rows.length;
    setRunning({ abort, done: 0, total });
    setMessage(undefined);
    // Marks for the export benchmarks: this page's own timeline, never a web page's.
    performance.mark('scoutbook:export-start', { detail: { rows: total, format: prefs.format } });
    try {
      const options = { signal: abort.signal, onProgress: throttledProgress((p: Progress) => setRunning({ abort, done: p.done, total: p.total })) };
      const blob = await runExport(getDb(), scoped, pipelines, pickColumns(prefs.columns), prefs.format, { ...options, lastNotes });
      const stage = scope.kind === 'pipeline' ? pipeline?.stages.find((s) => s.id === scope.stageId)?.name : undefined;
      const name = scope.kind === 'pipeline' ? [pipeline?.name ?? '', stage ?? ''] : [scope.kind === 'listed' ? '' : scope.kind === 'all' ? 'talent-bank' : 'selection'];
      download(blob.type ? blob : new Blob([blob], { type: EXPORT_MIME[prefs.format] }), exportFileName(name, isoDate(Date.now()), prefs.format));
      performance.mark('scoutbook:export-done', { detail: { rows: total, bytes: blob.size } });
      setMessage({ ok: true, text: t('data.export.done', { count: total }) });
    } catch (e) {
      setMessage({ ok: false, text: isAbortError(e) ? t('data.export.cancelled') : t('data.export.failed', { reason: (e as Error).message }) });
    } finally {
      setRunning(undefined);
    }
  };

  const scopeOptions: [ExportScope['kind'] | 'stage', string][] = [
    ['listed', t('data.export.scope.listed', { count: rows.length })],
    ['all', t('data.export.scope.all', { count: all.length })],
    ...(hasSelection ? [['selection', t('data.export.scope.selection', { count: selectedIds!.size })] as [ExportScope['kind'], string]] : []),
    ...(pipelines.length
      ? ([
          ['pipeline', t('data.export.scope.pipeline')],
          ['stage', t('data.export.scope.stage')],
        ] as [ExportScope['kind'] | 'stage', string][])
      : []),
  ];

  return (
    <section className="panel export-panel" aria-label={t('data.export.title')}>
      <h2>{t('data.export.title')}</h2>
      <div className="export-row">
        <label>
          {t('data.export.scope')}{' '}
          <select data-testid="sb-export-scope" value={scopeKind} onChange={(e) => setScopeKind(e.target.value as ExportScope['kind'] | 'stage')}>
            {scopeOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {(scopeKind === 'pipeline' || scopeKind === 'stage') && pipeline && (
          <>
            <label>
              {t('data.export.pipeline')}{' '}
              <select
                data-testid="sb-export-pipeline"
                value={pipeline.id}
                onChange={(e) => {
                  setPipelineId(e.target.value);
                  setStageId('');
                }}
              >
                <NamedOptions items={pipelines} />
              </select>
            </label>
            {scopeKind === 'stage' && (
              <label>
                {t('data.export.stage')}{' '}
                <select data-testid="sb-export-stage" value={stageId} onChange={(e) => setStageId(e.target.value)}>
                  <option value="">{t('data.export.allStages')}</option>
                  <NamedOptions items={pipeline.stages} />
                </select>
              </label>
            )}
          </>
        )}
        <span className="count" data-testid="sb-export-count">
          {t('data.export.count', { count: scoped.rows.length })}
        </span>
      </div>
      <div className="export-row">
        <label>
          {t('data.export.format')}{' '}
          <select data-testid="sb-export-format" value={prefs.format} onChange={(e) => update({ ...prefs, format: e.target.value as ExportFormat })}>
            <option value="csv">{t('data.export.format.csv')}</option>
            <option value="xlsx">{t('data.export.format.xlsx')}</option>
            <option value="json">{t('data.export.format.json')}</option>
          </select>
        </label>
        {running ? (
          <>
            <progress max={Math.max(1, running.total)} value={running.done} data-testid="sb-export-progress" />
            <span role="status">{t('data.export.progress', { done: running.done, total: running.total })}</span>
            <button type="button" data-testid="sb-export-cancel" onClick={() => running.abort.abort()}>
              {t('data.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="sb-export-run"
            disabled={!scoped.rows.length || !prefs.columns.length}
            onClick={() => void run()}
          >
            {t('data.export.run')}
          </button>
        )}
      </div>
      <details>
        <summary>{t('data.export.columns', { count: prefs.columns.length })}</summary>
        <div className="column-picker" data-testid="sb-export-columns">
          {EXPORT_COLUMNS.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                data-testid={`sb-export-column-${c.id}`}
                checked={prefs.columns.includes(c.id)}
                onChange={(e) => update({ ...prefs, columns: toggleColumn(prefs.columns, c.id, e.target.checked) })}
              />
              {t(`data.column.${c.id}` as PopupMessageKey)}
            </label>
          ))}
        </div>
        <button type="button" className="link" onClick={() => update({ ...prefs, columns: [...DEFAULT_EXPORT_PREFS.columns] })}>
          {t('data.export.columns.defaults')}
        </button>
      </details>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role="status" data-testid="sb-export-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
