import type { ScoutbookDb, StoredCompany, StoredEntry, StoredPerson, StoredPipeline } from '../db/database';
import { dayBounds, dueToday, overdue } from '../pipelines/reminders';

/** One follow-up to do: the entry, who it is about, and where they stand. */
export interface DueItem {
  entry: StoredEntry;
  person?: StoredPerson;
  company?: StoredCompany;
  pipeline: StoredPipeline;
  stageName: string;
  /** Due on an earlier day than today. */
  overdue: boolean;
}

/** Entries with a next action at or before `upTo`, read through the nextActionAt index. */
export async function entriesDueBefore(db: ScoutbookDb, upTo: number, from = 0): Promise<StoredEntry[]> {
  const rows = await db.entries.where('nextActionAt').between(from, upTo, true, false).toArray();
  return rows.filter((e) => !e.deleted);
}

/** Add who and where to each entry; entries of a deleted person, company or pipeline are left out. */
export async function describeEntries(db: ScoutbookDb, entries: StoredEntry[]): Promise<Omit<DueItem, 'overdue'>[]> {
  const [people, companies, pipelines] = await Promise.all([
    db.people.bulkGet(entries.map((e) => e.personId ?? '')),
    db.companies.bulkGet(entries.map((e) => e.companyId ?? '')),
    db.pipelines.bulkGet(entries.map((e) => e.pipelineId)),
  ]);
  const out: Omit<DueItem, 'overdue'>[] = [];
  entries.forEach((entry, i) => {
    const person = people[i];
    const company = companies[i];
    const pipeline = pipelines[i];
    const subject = person ?? company;
    if (!pipeline || pipeline.deleted || !subject || subject.deleted) return;
    const stageName = pipeline.stages.find((s) => s.id === entry.stageId)?.name ?? entry.stageId;
    out.push({ entry, person, company, pipeline, stageName });
  });
  return out;
}

/** The "Due today" list: overdue first (oldest first), then today's (earliest first). */
export async function dueList(db: ScoutbookDb, now: number, timeZone?: string): Promise<DueItem[]> {
  const [, end] = dayBounds(now, timeZone);
  const entries = await entriesDueBefore(db, end);
  const late = new Set(overdue(entries, now, timeZone).map((e) => e.id));
  const ordered = [...overdue(entries, now, timeZone), ...dueToday(entries, now, timeZone)];
  return (await describeEntries(db, ordered)).map((item) => ({ ...item, overdue: late.has(item.entry.id) }));
}
