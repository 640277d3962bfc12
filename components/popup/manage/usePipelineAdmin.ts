import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type StoredPipeline } from '@/utils/db/database';

export interface PipelineSummary {
  pipeline: StoredPipeline;
  /** Live entries per stage id (entries on a stage no longer in the pipeline included). */
  counts: Map<string, number>;
  total: number;
}

/** Every pipeline (archived too), oldest first, with how many entries sit at each stage. */
export function usePipelineSummaries(): PipelineSummary[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const pipelines = (await db.pipelines.toArray()).filter((p) => !p.deleted).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    return Promise.all(
      pipelines.map(async (pipeline) => {
        const counts = new Map<string, number>();
        let total = 0;
        await db.entries
          .where('[pipelineId+stageId]')
          .between([pipeline.id, Dexie.minKey], [pipeline.id, Dexie.maxKey])
          .each((e) => {
            if (e.deleted) return;
            counts.set(e.stageId, (counts.get(e.stageId) ?? 0) + 1);
            total++;
          });
        return { pipeline, counts, total };
      }),
    );
  }, []);
}
