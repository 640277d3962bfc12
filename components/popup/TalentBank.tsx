import { STATUS_TEXT } from '@/utils/format/status';
import type { TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline } from '@/utils/schema';
import { StageSelect } from './StageSelect';


export function TalentBank({ rows, pipelines, total }: { rows: TalentRow[]; pipelines: Pipeline[]; total: number }) {
  if (total === 0)
    return (
      <p className="empty">
        Your talent bank is empty. Open a LinkedIn profile and press <strong>Save to talent bank</strong> on the Scoutbook card.
      </p>
    );
  if (rows.length === 0) return <p className="empty">No one matches this search.</p>;
  const byId = new Map(pipelines.map((p) => [p.id, p]));
  return (
    <ul className="rows">
      {rows.map(({ person, stages }) => (
        <li key={person.id} data-testid="sb-row" className="row">
          <div className="row-main">
            <a className="row-name" href={person.profileUrl} target="_blank" rel="noopener noreferrer">
              {person.name}
            </a>
            <span className={`status status-${person.status}`}>{STATUS_TEXT[person.status]}</span>
          </div>
          {person.headline && <div className="row-sub">{person.headline}</div>}
          <div className="row-meta">{[person.companyName, person.location].filter(Boolean).join(' · ')}</div>
          {stages.map((s) => {
            const pipeline = byId.get(s.pipelineId);
            return (
              <div key={s.entryId} className="row-stage">
                <span className="row-pipeline">{s.pipeline}</span>
                {pipeline ? (
                  <StageSelect entryId={s.entryId} pipeline={pipeline} stageId={s.stageId} label={`Stage of ${person.name} in ${s.pipeline}`} />
                ) : (
                  <span>{s.stage}</span>
                )}
              </div>
            );
          })}
        </li>
      ))}
    </ul>
  );
}
