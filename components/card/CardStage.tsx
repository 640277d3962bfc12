import type { CardData } from '@/utils/messaging/protocol';
import { send } from '@/utils/messaging/send';
import { relativeTime } from '@/utils/format/relative-time';
import type { Act } from './act';


/** Pipelines the profile is in, and one select to put it at a stage (grouped by pipeline). */
export function CardStage({ data, act }: { data: CardData; act: Act }) {
  const latest = [...data.entries].sort((a, b) => b.entry.updatedAt.localeCompare(a.entry.updatedAt))[0];
  const value = latest ? `${latest.entry.pipelineId}/${latest.entry.stageId}` : '';
  return (
    <section className="sb-section" aria-label="Pipeline">
      {data.entries.map(({ entry, pipelineName, stageName }) => {
        const last = entry.history[entry.history.length - 1];
        return (
          <div key={entry.id} className="sb-entry">
            <span className="sb-entry-pipeline">{pipelineName}</span>
            <span className="sb-entry-stage">{stageName}</span>
            {last && <span className="sb-muted">{relativeTime(last.at)}</span>}
          </div>
        );
      })}
      <label className="sb-label">
        <span>{data.entries.length ? 'Move to stage' : 'Add to pipeline'}</span>
        <select
          data-testid="sb-stage"
          value={value}
          onChange={(e) => {
            const [pipelineId, stageId] = e.target.value.split('/');
            if (pipelineId && stageId)
              void act((subject) => send({ type: 'setStage', subject, pipelineId, stageId }));
          }}
        >
          <option value="">Choose a stage…</option>
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
