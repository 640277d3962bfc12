import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import type { PitchContext } from '@/utils/pipelines/pitch';

/** How many of a pipeline's people the preview offers to fill from. */
const PREVIEW_PEOPLE = 50;

export interface PreviewSubject {
  id: string;
  label: string;
  context: Omit<PitchContext, 'pipeline' | 'myName'>;
}

/** People in the pipeline (most recently changed first), to preview a template with real values. */
export function usePreviewPeople(pipelineId: string | undefined): PreviewSubject[] {
  return (
    useLiveQuery(async () => {
      if (!pipelineId) return [];
      const db = getDb();
      const entries = (await db.entries.where('[pipelineId+stageId]').between([pipelineId, Dexie.minKey], [pipelineId, Dexie.maxKey]).toArray())
        .filter((e) => !e.deleted && e.personId)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .slice(0, PREVIEW_PEOPLE);
      const people = await db.people.bulkGet(entries.map((e) => e.personId!));
      const out: PreviewSubject[] = [];
      entries.forEach((entry, i) => {
        const person = people[i];
        if (person && !person.deleted)
          out.push({ id: entry.id, label: person.companyName ? `${person.name} · ${person.companyName}` : person.name, context: { person, entry } });
      });
      return out;
    }, [pipelineId]) ?? []
  );
}
