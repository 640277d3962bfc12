import { useState } from 'react';
import type { Pipeline } from '@/utils/schema';
import { NamedOptions } from './NamedOptions';

/** Loaded on demand (an already loaded module by the time anyone moves a stage): it brings zod, which the first paint does without. */
const sending = () => import('@/utils/messaging/send');

/**
 * Move one pipeline entry to another stage. The chosen stage shows at once (the move is sent in the
 * change handler, before any re-render) and stays until the stored entry catches up, or goes back
 * with the error if the move is refused.
 */
export function StageSelect({ entryId, pipeline, stageId, label }: { entryId: string; pipeline: Pipeline; stageId: string; label: string }) {
  const [error, setError] = useState<string>();
  // The stage chosen here, and the stored stage it was chosen over: once the stored stage changes, it wins.
  const [chosen, setChosen] = useState<{ stageId: string; over: string }>();
  const shown = chosen && chosen.over === stageId ? chosen.stageId : stageId;
  return (
    <>
      <select
        aria-label={label}
        data-testid="sb-row-stage"
        value={shown}
        onChange={(e) => {
          const target = e.target.value;
          sending()
            .then(({ send }) => send({ type: 'moveEntry', entryId, stageId: target }))
            .catch((err: unknown) => {
              setChosen(undefined);
              setError((err as Error).message);
            });
          setError(undefined);
          setChosen({ stageId: target, over: stageId });
        }}
      >
        <NamedOptions items={pipeline.stages} />
      </select>
      {error && <span className="error">{error}</span>}
    </>
  );
}
