import { useState } from 'react';
import type { Pipeline } from '@/utils/schema';
import { send } from '@/utils/messaging/send';
import { NamedOptions } from './NamedOptions';

/** Move one pipeline entry to another stage. */
export function StageSelect({ entryId, pipeline, stageId, label }: { entryId: string; pipeline: Pipeline; stageId: string; label: string }) {
  const [error, setError] = useState<string>();
  return (
    <>
      <select
        aria-label={label}
        data-testid="sb-row-stage"
        value={stageId}
        onChange={(e) => {
          setError(undefined);
          send({ type: 'moveEntry', entryId, stageId: e.target.value }).catch((err: unknown) => setError((err as Error).message));
        }}
      >
        <NamedOptions items={pipeline.stages} />
      </select>
      {error && <span className="error">{error}</span>}
    </>
  );
}
