import type { CardData } from '@/utils/messaging/protocol';
import { send } from '@/utils/messaging/send';
import { relativeTime } from '@/utils/format/relative-time';
import { useCardEnv } from './CardContext';

/** Every pipeline the profile is in ("Interview · Li Wei · 3 days ago"), and one select to put it at a stage. */
export function CardStage({ data }: { data: CardData }) {
  const { t, act, lang } = useCardEnv();
  const latest = [...data.entries].sort((a, b) => b.entry.updatedAt.localeCompare(a.entry.updatedAt))[0];
  const value = latest ? `${latest.entry.pipelineId}/${latest.entry.stageId}` : '';
  return (
    <section className="sb-section" aria-label={t('stage.add')}>
      {data.entries.map(({ entry, pipelineName, stageName }) => {
        const last = entry.history[entry.history.length - 1];
        return (
          <div key={entry.id} className="sb-entry" data-testid="sb-entry">
            <span className="sb-entry-pipeline">{pipelineName}</span>
            <span className="sb-entry-stage">{stageName}</span>
            {entry.ownerId && <span className="sb-muted">{t('entry.by', { owner: entry.ownerId })}</span>}
            {last && <span className="sb-muted">{relativeTime(last.at, lang)}</span>}
          </div>
        );
      })}
      <label className="sb-label">
        <span>{data.entries.length ? t('stage.move') : t('stage.add')}</span>
        <select
          data-testid="sb-stage"
          value={value}
          onChange={(e) => {
            const [pipelineId, stageId] = e.target.value.split('/');
            if (pipelineId && stageId) void act((subject) => send({ type: 'setStage', subject, pipelineId, stageId }));
          }}
        >
          <option value="">{t('stage.choose')}</option>
          {data.pipelines.map((p) => (
            <optgroup key={p.id} label={p.name}>
              {p.stages.map((s) => (
                <option key={s.id} value={`${p.id}/${s.id}`}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    </section>
  );
}
