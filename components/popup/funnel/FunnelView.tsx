import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { getDb, type StoredEntry } from '@/utils/db/database';
import { funnel, leaderboard, type FunnelMode } from '@/utils/pipelines/funnel';
import { recordsReferrer } from '@/utils/pipelines/templates';
import type { Pipeline } from '@/utils/schema';
import { EmptyState } from '../EmptyState';
import { useI18n } from '../i18n/I18nProvider';
import { FunnelChart } from './FunnelChart';
import { Leaderboard } from './Leaderboard';
import { PERIOD_PRESETS, periodOf, type PeriodChoice } from './period';
import { NamedOptions } from '../NamedOptions';

/** Conversion per stage of one pipeline over a period, and for referral pipelines the points per referrer. */
export function FunnelView({ pipelines, now: fixedNow }: { pipelines: readonly Pipeline[]; now?: number }) {
  const { t } = useI18n();
  // Periods are relative to when the view opened: a chart that shifted every render would flicker.
  const [now] = useState(() => fixedNow ?? Date.now());
  const [pipelineId, setPipelineId] = useState(pipelines[0]?.id ?? '');
  const pipeline = pipelines.find((p) => p.id === pipelineId) ?? pipelines[0];
  const [choice, setChoice] = useState<PeriodChoice>({ preset: '30d' });
  const [mode, setMode] = useState<FunnelMode>('activity');
  const entries = useLiveQuery(
    async (): Promise<StoredEntry[]> =>
      pipeline ? getDb().entries.where('[pipelineId+stageId]').between([pipeline.id, Dexie.minKey], [pipeline.id, Dexie.maxKey]).toArray() : [],
    [pipeline?.id],
  );
  const chosen = periodOf(choice, now);
  const report = useMemo(() => {
    if (!pipeline || !entries || !('period' in chosen)) return undefined;
    return {
      funnel: funnel(entries, pipeline, chosen.period, mode),
      leaders: recordsReferrer(pipeline) ? leaderboard(entries, pipeline, chosen.period) : undefined,
    };
    // `chosen` is derived from `choice` and `now`, which are the real inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pipeline, entries, choice, now, mode]);

  if (!pipeline) return <EmptyState>{t('funnel.noPipelines')}</EmptyState>;

  return (
    <div className="funnel-view" data-testid="sb-funnel">
      <div className="funnel-controls">
        <label>
          {t('funnel.pipeline')}
          <select data-testid="sb-funnel-pipeline" value={pipeline.id} onChange={(e) => setPipelineId(e.target.value)}>
            <NamedOptions items={pipelines} />
          </select>
        </label>
        <label>
          {t('funnel.period')}
          <select
            data-testid="sb-funnel-period"
            value={choice.preset}
            onChange={(e) => setChoice((c) => ({ ...c, preset: e.target.value as PeriodChoice['preset'] }))}
          >
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`funnel.period.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {choice.preset === 'custom' && (
          <>
            <label>
              {t('funnel.from')}
              <input type="date" data-testid="sb-funnel-from" value={choice.from ?? ''} onChange={(e) => setChoice((c) => ({ ...c, from: e.target.value }))} />
            </label>
            <label>
              {t('funnel.to')}
              <input type="date" data-testid="sb-funnel-to" value={choice.to ?? ''} onChange={(e) => setChoice((c) => ({ ...c, to: e.target.value }))} />
            </label>
          </>
        )}
        <label>
          {t('funnel.mode')}
          <select data-testid="sb-funnel-mode" value={mode} onChange={(e) => setMode(e.target.value as FunnelMode)}>
            <option value="activity">{t('funnel.mode.activity')}</option>
            <option value="cohort">{t('funnel.mode.cohort')}</option>
          </select>
        </label>
      </div>
      {'error' in chosen ? (
        <p className="error" role="alert">
          {t('funnel.badRange')}
        </p>
      ) : !report ? null : report.funnel.entries === 0 ? (
        <EmptyState testId="sb-funnel-empty">{t('funnel.empty', { pipeline: pipeline.name })}</EmptyState>
      ) : (
        <>
          <p className="hint" data-testid="sb-funnel-total">
            {t('funnel.entries', { count: report.funnel.entries })}
          </p>
          <FunnelChart funnel={report.funnel} pipelineName={pipeline.name} />
        </>
      )}
      {report?.leaders && <Leaderboard rows={report.leaders} />}
    </div>
  );
}
