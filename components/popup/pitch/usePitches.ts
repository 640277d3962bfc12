import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type PitchRow } from '@/utils/db/database';
import { STARTER_PITCHES, type PitchTemplateDraft } from '@/utils/pipelines/pitch';
import { pitchesOf } from '@/utils/pipelines/pitch-store';
import type { Pipeline } from '@/utils/schema';


export type UsablePitch = PitchTemplateDraft & { id?: string };

/** A pipeline's saved templates, live; undefined while loading. */
export function useSavedPitches(pipelineId: string | undefined): PitchRow[] | undefined {
  return useLiveQuery(() => (pipelineId ? pitchesOf(getDb(), pipelineId) : []), [pipelineId]);
}

/** What Copy can use: the saved templates, or the starter ones of the kind while there are none. */
export function useUsablePitches(pipeline: Pick<Pipeline, 'id' | 'kind'>): UsablePitch[] | undefined {
  const saved = useSavedPitches(pipeline.id);
  if (!saved) return undefined;
  return saved.length ? saved : STARTER_PITCHES[pipeline.kind];
}

/** The user's own name, for {{myName}} (set in Options). */
export function useMyName(): string | undefined {
  return useLiveQuery(async () => {
    const value = (await getDb().meta.get('settings'))?.value as { userName?: string } | undefined;
    return value?.userName?.trim() || '';
  }, []) || undefined;
}
