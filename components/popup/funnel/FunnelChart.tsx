import type { Funnel } from '@/utils/pipelines/funnel';
import { useI18n } from '../i18n/I18nProvider';

function percent(ratio: number | null, lang: string): string {
  return ratio === null ? '–' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Conversion per stage as horizontal bars: the width is the share of the first stage; numbers say the rest. */
export function FunnelChart({ funnel, pipelineName }: { funnel: Funnel; pipelineName: string }) {
  const { t, lang } = useI18n();
  const first = funnel.steps[0]?.reached ?? 0;
  return (
    <figure className="funnel" aria-label={t('funnel.chartLabel', { pipeline: pipelineName })}>
      <ol className="funnel-steps" data-testid="sb-funnel-steps">
        {funnel.steps.map((step, i) => {
          const fromFirst = percent(step.fromFirst, lang);
          const fromPrevious = percent(step.fromPrevious, lang);
          return (
            <li
              key={step.stageId}
              className="funnel-step"
              data-testid="sb-funnel-step"
              aria-label={t('funnel.step', { stage: step.name, count: step.reached, fromFirst, fromPrevious })}
            >
              <span className="funnel-name">{step.name}</span>
              <span className="funnel-track" aria-hidden="true">
                <span className="funnel-bar" style={{ width: `${first ? (step.reached / first) * 100 : 0}%` }} />
              </span>
              <span className="funnel-count" data-testid="sb-funnel-count">
                {step.reached}
              </span>
              <span className="funnel-rate">
                {i === 0 ? '' : t('funnel.fromPrevious', { percent: fromPrevious })}
              </span>
            </li>
          );
        })}
      </ol>
      {funnel.side.some((s) => s.count) && (
        <p className="funnel-side" data-testid="sb-funnel-side">
          {t('funnel.side')}: {funnel.side.map((s) => t('funnel.sideCount', { stage: s.name, count: s.count })).join(' · ')}
        </p>
      )}
    </figure>
  );
}
