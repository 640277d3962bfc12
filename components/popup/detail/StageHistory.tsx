import type { Pipeline, StageChange } from '@/utils/schema';
import { relativeTime } from '@/utils/format/relative-time';
import { dateTime } from './format';
import { useI18n } from '../i18n/I18nProvider';

/** Every stage change of an entry, newest first: which stage, when, and who moved it. */
export function StageHistory({ history, pipeline }: { history: readonly StageChange[]; pipeline: Pick<Pipeline, 'stages'> }) {
  const { t, lang } = useI18n();
  if (!history.length) return null;
  const names = new Map(pipeline.stages.map((s) => [s.id, s.name]));
  return (
    <details className="sb-history" open={history.length <= 4}>
      <summary>
        {t('detail.history')} ({history.length})
      </summary>
      <ol reversed className="sb-history-list" data-testid="sb-history">
        {[...history].reverse().map((h, i) => (
          <li key={`${h.at}-${i}`} data-testid="sb-history-item">
            <span className="sb-history-stage">{names.get(h.stageId) ?? t('detail.removedStage', { stage: h.stageId })}</span>{' '}
            <time dateTime={new Date(h.at).toISOString()} title={dateTime(h.at, lang)}>
              {dateTime(h.at, lang)} ({relativeTime(h.at, lang)})
            </time>
            {h.by && <span className="sb-history-by"> · {t('detail.historyBy', { who: h.by })}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
