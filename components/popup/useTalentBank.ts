import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import { talentRows, type TalentRow } from '@/utils/export/talent-bank';
import type { Pipeline } from '@/utils/schema';

/** Every saved person with their pipelines and stages, live: changes anywhere show at once. */
export function useTalentBank(): { rows: TalentRow[]; pipelines: Pipeline[] } | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [people, entries, pipelines] = await Promise.all([db.people.toArray(), db.entries.toArray(), db.pipelines.toArray()]);
    const live = pipelines.filter((p) => !p.deleted && !p.archived);
    const rows = talentRows(people, entries, live).sort((a, b) => b.person.updatedAt.localeCompare(a.person.updatedAt));
    return { rows, pipelines: live };
  });
}
