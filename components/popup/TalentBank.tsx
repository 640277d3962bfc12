import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import type { TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline } from '@/utils/schema';
import { statusLabel } from './filters/filter-labels';
import { isStageStale } from './filters/row-facts';
import { useI18n } from './i18n/I18nProvider';
import { StageSelect } from './StageSelect';
import type { TableSelection } from './table/TalentTable';
import { OpenDetailButton, ProfileLink } from './detail/OpenDetailButton';

const ROW_ESTIMATE = 86;

/** Every listed person, virtualised: 100,000 rows keep a few dozen in the DOM. */
export function TalentBank(props: {
  rows: readonly TalentRow[];
  pipelines: readonly Pipeline[];
  selection: TableSelection;
  staleAfterDays: number;
  now: number;
}) {
  const { t } = useI18n();
  const { rows, selection } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const order = useMemo(() => rows.map((r) => r.person.id), [rows]);
  // Stable while the rows are: a new function makes the virtualiser re-measure every row (O(rows)) on every render.
  const itemKey = useCallback((i: number) => rows[i]!.person.id, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoise; this component is not compiled.
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    getItemKey: itemKey,
  });
  const byId = new Map(props.pipelines.map((p) => [p.id, p]));
  return (
    <div ref={scroller} className="scroller">
      <ul className="rows" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((item) => {
          const { person, stages } = rows[item.index]!;
          const selected = selection.has(person.id);
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtual.measureElement}
              data-testid="sb-row"
              className={`row${selected ? ' selected' : ''}`}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <input
                type="checkbox"
                className="row-check"
                data-testid="sb-row-select"
                aria-label={t('bank.select', { name: person.name })}
                checked={selected}
                onChange={() => {}}
                onClick={(e) => selection.toggle(person.id, e.shiftKey, order)}
              />
              <div className="row-body">
                <div className="row-main">
                  <OpenDetailButton personId={person.id} name={person.name} className="row-name" />
                  {person.profileUrl && <ProfileLink href={person.profileUrl} />}
                  <span className={`status status-${person.status}`}>{statusLabel(t, person.status)}</span>
                </div>
                {person.headline && <div className="row-sub">{person.headline}</div>}
                <div className="row-meta">{[person.companyName, person.location].filter(Boolean).join(' · ')}</div>
                {person.tags.length > 0 && (
                  <div className="row-tags">
                    {person.tags.map((tag) => (
                      <span key={tag} className="tag">
                        {tag}
                      </span>
                    ))}
                  </div>
                )}
                {stages.map((s) => {
                  const pipeline = byId.get(s.pipelineId);
                  return (
                    <div key={s.entryId} className="row-stage">
                      <span className="row-pipeline">{s.pipeline}</span>
                      {pipeline ? (
                        <StageSelect entryId={s.entryId} pipeline={pipeline} stageId={s.stageId} label={t('bank.stageOf', { name: person.name, pipeline: s.pipeline })} />
                      ) : (
                        <span>{s.stage}</span>
                      )}
                      {isStageStale(s, pipeline, props.now, props.staleAfterDays) && (
                        <span className="stale" title={t('bank.staleTitle', { days: props.staleAfterDays })}>
                          {t('bank.stale')}
                        </span>
                      )}
                    </div>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
