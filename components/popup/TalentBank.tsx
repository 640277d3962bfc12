import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { TalentRow } from '@/utils/export/talent-bank';
import { STATUS_TEXT } from '@/utils/format/status';
import type { Pipeline } from '@/utils/schema';
import { StageSelect } from './StageSelect';

const ROW_ESTIMATE = 86;

/** Every saved person, virtualised: 100,000 rows keep a few dozen in the DOM. */
export function TalentBank({ rows, pipelines, total }: { rows: TalentRow[]; pipelines: Pipeline[]; total: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoise; this component is not compiled.
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    getItemKey: (i) => rows[i]!.person.id,
  });
  if (total === 0)
    return (
      <p className="empty">
        Your talent bank is empty. Open a LinkedIn profile and press <strong>Save to talent bank</strong> on the Scoutbook card.
      </p>
    );
  if (rows.length === 0) return <p className="empty">No one matches this search.</p>;
  const byId = new Map(pipelines.map((p) => [p.id, p]));
  return (
    <div ref={scroller} className="scroller">
      <ul className="rows" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((item) => {
          const { person, stages } = rows[item.index]!;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtual.measureElement}
              data-testid="sb-row"
              className="row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
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
          );
        })}
      </ul>
    </div>
  );
}
