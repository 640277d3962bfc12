import { useState, type FormEvent } from 'react';
import type { BulkResult } from '@/utils/pipelines/bulk';
import { recordsReferrer } from '@/utils/pipelines/templates';
import type { PersonStatus, Pipeline } from '@/utils/schema';
import { statusLabel } from '../filters/filter-labels';
import { useI18n } from '../i18n/I18nProvider';
import { runBulkAction, type BulkAction } from './bulk-actions';
import { NamedOptions } from '../NamedOptions';
import { StatusOptions } from '../StatusOptions';

export interface BulkOutcome {
  text: string;
  result?: BulkResult;
  error?: boolean;
}

type Open = BulkAction['kind'] | undefined;

/** What to do with the selected people: each action is one transaction, undoable from the toast. */
export function BulkBar(props: {
  selectedIds: readonly string[];
  pipelines: readonly Pipeline[];
  onOutcome: (outcome: BulkOutcome) => void;
  onExport: () => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>();
  const [busy, setBusy] = useState(false);
  const [pipelineId, setPipelineId] = useState(props.pipelines[0]?.id ?? '');
  const found = props.pipelines.find((p) => p.id === pipelineId);
  // A chosen pipeline removed elsewhere while the bar is open stays the target, so that applying
  // says it is gone rather than quietly moving people into whichever pipeline is listed first.
  const [kept, setKept] = useState<Pipeline>();
  if (found && found !== kept) setKept(found);
  const pipeline = found ?? (kept?.id === pipelineId ? kept : undefined) ?? props.pipelines[0];
  const [stageId, setStageId] = useState('');
  const stage = pipeline?.stages.find((s) => s.id === stageId) ?? pipeline?.stages[0];
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<PersonStatus>('active');
  const [referrer, setReferrer] = useState('');
  const count = props.selectedIds.length;
  const needsReferrer = open === 'add' && !!pipeline && recordsReferrer(pipeline);

  const toggle = (kind: BulkAction['kind']) => setOpen((o) => (o === kind ? undefined : kind));

  const action = (): BulkAction | undefined => {
    switch (open) {
      case 'move':
        return pipeline && stage ? { kind: 'move', pipelineId: pipeline.id, stageId: stage.id } : undefined;
      case 'add':
        return pipeline && stage ? { kind: 'add', pipelineId: pipeline.id, stageId: stage.id, referrer: referrer.trim() || undefined } : undefined;
      case 'tag':
        return tag.trim() ? { kind: 'tag', tag: tag.trim() } : undefined;
      case 'status':
        return { kind: 'status', status };
      case 'delete':
        return { kind: 'delete' };
      default:
        return undefined;
    }
  };

  const doneText = (a: BulkAction, people: number): string => {
    switch (a.kind) {
      case 'move':
        return t('bulk.done.move', { count: people, stage: stage?.name ?? a.stageId });
      case 'add':
        return t('bulk.done.add', { count: people, pipeline: pipeline?.name ?? '', stage: stage?.name ?? a.stageId });
      case 'tag':
        return t('bulk.done.tag', { count: people, tag: a.tag });
      case 'status':
        return t('bulk.done.status', { count: people, status: statusLabel(t, a.status) });
      case 'delete':
        return t('bulk.done.delete', { count: people });
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const a = action();
    if (!a || busy) return;
    setBusy(true);
    try {
      const result = await runBulkAction(a, props.selectedIds);
      const people = count - result.skipped;
      const skipped = result.skipped ? ` ${t('bulk.skipped', { count: result.skipped })}` : '';
      props.onOutcome({ text: doneText(a, people) + skipped, result: result.changed ? result : undefined });
      setOpen(undefined);
      setTag('');
      if (a.kind === 'delete') props.onClear();
    } catch (err) {
      props.onOutcome({ text: t('bulk.failed', { reason: (err as Error).message }), error: true });
    } finally {
      setBusy(false);
    }
  };

  const pipelineAndStage = (
    <>
      <label>
        {t('bulk.pipeline')}
        <select
          data-testid="sb-bulk-pipeline"
          value={pipeline?.id ?? ''}
          onChange={(e) => {
            setPipelineId(e.target.value);
            setStageId('');
          }}
        >
          <NamedOptions items={props.pipelines} />
        </select>
      </label>
      <label>
        {t('bulk.stage')}
        <select data-testid="sb-bulk-stage" value={stage?.id ?? ''} onChange={(e) => setStageId(e.target.value)}>
          <NamedOptions items={pipeline?.stages} />
        </select>
      </label>
    </>
  );

  const actionButton = (kind: BulkAction['kind'], label: string) => (
    <button type="button" aria-expanded={open === kind} data-testid={`sb-bulk-${kind}`} onClick={() => toggle(kind)}>
      {label}
    </button>
  );

  return (
    <section className="bulk-bar" data-testid="sb-bulk-bar" aria-label={t('bulk.label')}>
      <div className="bulk-actions">
        <strong data-testid="sb-bulk-count">{t('bulk.selected', { count })}</strong>
        {actionButton('move', t('bulk.move'))}
        {actionButton('tag', t('bulk.tag'))}
        {actionButton('status', t('bulk.status'))}
        {actionButton('add', t('bulk.add'))}
        <button type="button" data-testid="sb-bulk-export" onClick={props.onExport}>
          {t('bulk.export')}
        </button>
        {actionButton('delete', t('bulk.delete'))}
        <button type="button" className="bulk-clear" aria-label={t('bulk.clear')} title={t('bulk.clear')} onClick={props.onClear}>
          ×
        </button>
      </div>
      {open && (
        <form className="bulk-form" onSubmit={(e) => void submit(e)} data-testid="sb-bulk-form">
          {(open === 'move' || open === 'add') && pipelineAndStage}
          {open === 'tag' && (
            <label>
              {t('bulk.tag')}
              <input data-testid="sb-bulk-tag-input" value={tag} maxLength={60} placeholder={t('bulk.tagPlaceholder')} onChange={(e) => setTag(e.target.value)} autoFocus />
            </label>
          )}
          {open === 'status' && (
            <label>
              {t('bulk.status')}
              <select data-testid="sb-bulk-status-select" value={status} onChange={(e) => setStatus(e.target.value as PersonStatus)}>
                <StatusOptions />
              </select>
            </label>
          )}
          {needsReferrer && (
            <label className="wide">
              {t('bulk.referrer')}
              <input
                data-testid="sb-bulk-referrer"
                value={referrer}
                required
                maxLength={200}
                placeholder={t('bulk.referrerPlaceholder')}
                onChange={(e) => setReferrer(e.target.value)}
              />
              <span className="hint">{t('bulk.referrerHint')}</span>
            </label>
          )}
          {open === 'delete' && <p className="wide warn">{t('bulk.deleteConfirm', { count })}</p>}
          <div className="bulk-form-buttons">
            <button
              type="submit"
              className={open === 'delete' ? 'danger' : 'primary'}
              data-testid="sb-bulk-apply"
              disabled={busy || !action() || (needsReferrer && !referrer.trim())}
            >
              {busy ? t('bulk.working') : open === 'delete' ? t('bulk.delete') : t('bulk.apply')}
            </button>
            <button type="button" onClick={() => setOpen(undefined)}>
              {t('bulk.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
