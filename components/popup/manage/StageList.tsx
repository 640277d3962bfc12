import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { writeFromPage } from '@/utils/db/page-writes';
import { moveStage } from '@/utils/pipelines/edit';
import type { Stage } from '@/utils/schema';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { RemoveStagePanel } from './RemoveStagePanel';
import { StageFields } from './StageFields';
import type { PipelineSummary } from './usePipelineAdmin';
import { ActionError } from '../detail/ActionError';

const DRAG_TYPE = 'application/x-scoutbook-stage';

/** `ids` with `id` moved to `to` (an index into the result). */
export function moved(ids: readonly string[], id: string, to: number): string[] {
  const rest = ids.filter((x) => x !== id);
  rest.splice(Math.max(0, Math.min(rest.length, to)), 0, id);
  return rest;
}

/** The stages in order: drag one, or Alt+↑ / Alt+↓ on it (also ↑ / ↓ buttons); rename, points, remove. */
export function StageList({ summary }: { summary: PipelineSummary }) {
  const { t } = useI18n();
  const { pipeline, counts } = summary;
  const [removing, setRemoving] = useState<string>();
  const [dragging, setDragging] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const refocus = useRef<string | undefined>(undefined);
  const list = useRef<HTMLOListElement>(null);
  const action = useAction();
  const stored = pipeline.stages.map((s) => s.id);
  // Moves show at once and are written one after another, so quick Alt+↑ presses all count.
  const [optimistic, setOptimistic] = useState<string[] | null>(null);
  if (optimistic && (optimistic.join() === stored.join() || optimistic.length !== stored.length)) setOptimistic(null);
  const ids = optimistic ?? stored;
  const byId = new Map(pipeline.stages.map((s) => [s.id, s]));
  const stages = ids.map((id) => byId.get(id)!).filter(Boolean);
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  // A moved row is re-inserted in the DOM, which drops focus: put it back on the row's handle.
  useEffect(() => {
    if (!refocus.current) return;
    list.current?.querySelector<HTMLElement>(`[data-stage-id="${CSS.escape(refocus.current)}"] .sb-stage-handle`)?.focus();
    refocus.current = undefined;
  });

  const move = (stage: Stage, to: number) => {
    const order = moved(ids, stage.id, to);
    if (order.join() === ids.join()) return;
    refocus.current = stage.id;
    setOptimistic(order);
    setAnnouncement(t('manage.moved', { stage: stage.name, position: order.indexOf(stage.id) + 1 }));
    writes.current = writes.current.then(() =>
      action.run(() => writeFromPage((store) => moveStage(store, pipeline.id, stage.id, order[order.indexOf(stage.id) + 1]))).then((ok) => ok || setOptimistic(null)),
    );
  };

  const onKey = (e: KeyboardEvent, stage: Stage, index: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(stage, index + (e.key === 'ArrowUp' ? -1 : 1));
  };

  return (
    <>
      <p className="sr-only" aria-live="polite" data-testid="sb-stage-announcement">
        {announcement}
      </p>
      <ol className="sb-stages" ref={list} data-testid="sb-stage-list">
        {stages.map((stage, index) => (
          <li
            key={stage.id}
            data-stage-id={stage.id}
            data-testid="sb-stage-row"
            className={`sb-stage-row${dragging === stage.id ? ' dragging' : ''}`}
            onKeyDown={(e) => onKey(e, stage, index)}
            onDragOver={(e) => {
              if (!dragging) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
            }}
            onDrop={(e) => {
              e.preventDefault();
              const id = e.dataTransfer.getData(DRAG_TYPE) || dragging;
              const dragged = id ? byId.get(id) : undefined;
              setDragging(undefined);
              if (dragged) move(dragged, index);
            }}
          >
            <span
              className="sb-stage-handle"
              tabIndex={0}
              role="button"
              draggable
              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
              aria-label={`${index + 1}. ${stage.name}`}
              title={t('manage.stagesHint')}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, stage.id);
                e.dataTransfer.effectAllowed = 'move';
                setDragging(stage.id);
              }}
              onDragEnd={() => setDragging(undefined)}
            >
              ⠿ {index + 1}
            </span>
            <StageFields pipeline={pipeline} stage={stage} position={index + 1} />
            <span className="sb-stage-count" data-testid="sb-stage-count">
              {t('manage.stageEntries', { count: counts.get(stage.id) ?? 0 })}
            </span>
            <span className="sb-stage-buttons">
              <button type="button" aria-label={t('manage.moveUp', { stage: stage.name })} disabled={index === 0} onClick={() => move(stage, index - 1)}>
                ↑
              </button>
              <button
                type="button"
                aria-label={t('manage.moveDown', { stage: stage.name })}
                disabled={index === ids.length - 1}
                onClick={() => move(stage, index + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="danger"
                data-testid="sb-stage-remove"
                aria-label={t('manage.remove', { stage: stage.name })}
                title={ids.length <= 1 ? t('manage.lastStage') : t('manage.remove', { stage: stage.name })}
                disabled={ids.length <= 1}
                onClick={() => setRemoving(stage.id)}
              >
                ×
              </button>
            </span>
            {removing === stage.id && (
              <RemoveStagePanel pipeline={pipeline} stage={stage} count={counts.get(stage.id) ?? 0} onClose={() => setRemoving(undefined)} />
            )}
          </li>
        ))}
      </ol>
      <ActionError error={action.error} message="manage.failed" />
    </>
  );
}
