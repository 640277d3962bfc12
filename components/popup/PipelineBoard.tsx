import { useState } from 'react';
import type { TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline } from '@/utils/schema';
import { StageSelect } from './StageSelect';

/** One pipeline, its stages as columns, each person at their stage. */
export function PipelineBoard({ rows, pipelines }: { rows: TalentRow[]; pipelines: Pipeline[] }) {
  const people = pipelines.filter((p) => p.kind !== 'sales');
  const [pipelineId, setPipelineId] = useState(people[0]?.id);
  const pipeline = people.find((p) => p.id === pipelineId) ?? people[0];
  if (!pipeline) return <p className="empty">No pipelines yet.</p>;
  return (
    <div className="board">
      <select aria-label="Pipeline" data-testid="sb-pipeline" value={pipeline.id} onChange={(e) => setPipelineId(e.target.value)}>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {pipeline.stages.map((stage) => {
        const here = rows.flatMap((r) =>
          r.stages.filter((s) => s.pipelineId === pipeline.id && s.stageId === stage.id).map((s) => ({ row: r, entryId: s.entryId })),
        );
        return (
          <section key={stage.id} className="stage" data-testid="sb-board-stage" aria-label={stage.name}>
            <h3>
              {stage.name} <span className="count">{here.length}</span>
            </h3>
            {here.map(({ row, entryId }) => (
              <div key={entryId} className="board-card" data-testid="sb-board-card">
                <span className="row-name">{row.person.name}</span>
                <StageSelect entryId={entryId} pipeline={pipeline} stageId={stage.id} label={`Stage of ${row.person.name}`} />
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
