import type { EntityTable, IDType, ObservabilitySet } from 'dexie';
import type { ScoutbookDb, StoredEntry, StoredPerson, StoredPipeline } from '@/utils/db/database';
import { visitInPages } from '@/utils/export/read-pages';
import { talentRows, type TalentRow } from '@/utils/export/talent-bank';
import { yieldToEventLoop } from '@/utils/import/cooperative';
import type { Person, Pipeline, PipelineEntry } from '@/utils/schema';
import { changedKeys, type TableChange } from './changed-keys';

export interface BankSnapshot {
  rows: TalentRow[];
  pipelines: Pipeline[];
}

/**
 * A record as the talent bank holds it: without its field clocks, which only sync merges read (from
 * the database). They were a third of the popup's heap at 100,000 people (one HLC string per field
 * per record); detail views read the full record by id when opened.
 */
function withoutClocks<T extends { clocks: Record<string, string> }>(record: T): Omit<T, 'clocks'> {
  const { clocks: _clocks, ...rest } = record;
  return rest;
}

/**
 * Records per IndexedDB read, and people per slice of row building. Deserialising a read is one
 * task: 100,000 people in one toArray held the popup's thread for about two seconds, so a page of
 * 1,000 is some 20 ms.
 */
export const BANK_PAGE = 1000;

/**
 * A whole table in pages, each deserialised in a task of its own: after an import of 100,000
 * people, one toArray of them held the popup's thread for over a second.
 */
async function readAll<T extends { id: string }>(table: EntityTable<T, 'id'>): Promise<T[]> {
  const all: T[] = [];
  await visitInPages(table, (record) => void all.push(record), undefined, BANK_PAGE);
  return all;
}

/**
 * Every person, newest change first (the talent bank's order), without field clocks: read page by
 * page down the `updatedAt` index (keyset paging: each page starts below the last one's clock), so
 * no read deserialises more than a page and nothing has to be sorted afterwards. People sharing
 * the clock at a page's end (one write can stamp several) are read together, whole, so none is
 * lost or read twice at the boundary.
 */
export async function readPeopleNewestFirst(table: EntityTable<StoredPerson, 'id'>, pageSize = BANK_PAGE): Promise<Person[]> {
  const out: Person[] = [];
  let page = await table.orderBy('updatedAt').reverse().limit(pageSize).toArray();
  while (page.length) {
    if (page.length < pageSize) {
      for (const p of page) out.push(withoutClocks(p));
      break;
    }
    const boundary = page[page.length - 1]!.updatedAt;
    let cut = page.length;
    while (cut > 0 && page[cut - 1]!.updatedAt === boundary) cut--;
    for (let i = 0; i < cut; i++) out.push(withoutClocks(page[i]!));
    // In the index, equal clocks are ordered by id, as newerFirst orders them.
    for (const p of await table.where('updatedAt').equals(boundary).reverse().toArray()) out.push(withoutClocks(p));
    await yieldToEventLoop();
    page = await table.where('updatedAt').below(boundary).reverse().limit(pageSize).toArray();
  }
  return out;
}

/**
 * The talent bank's rows for `people` (in their order), built `sliceSize` people at a time with
 * the event loop free in between: 100,000 rows built at once were a long task after every import.
 */
export async function talentRowsInSlices(
  people: readonly Person[],
  entriesOf: ReadonlyMap<string, PipelineEntry[]>,
  pipelines: Pipeline[],
  sliceSize = BANK_PAGE,
  pause: () => Promise<void> = yieldToEventLoop,
): Promise<TalentRow[]> {
  const rows: TalentRow[] = [];
  for (let i = 0; i < people.length; i += sliceSize) {
    if (i > 0) await pause();
    const slice = people.slice(i, i + sliceSize);
    for (const row of talentRows(slice, slice.flatMap((p) => entriesOf.get(p.id) ?? []), pipelines)) rows.push(row);
  }
  return rows;
}

/** The talent bank's order: newest change first, as `people.orderBy('updatedAt').reverse()` reads it (ties: id descending). */
function newerFirst(a: Person, b: Person): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

/**
 * The whole talent bank in memory, kept in step with the database change by change. A stage move
 * re-reads the one entry it wrote and rebuilds that person's row; every other row object stays the
 * same, so nothing downstream re-derives them. (A live query re-read all 10,000 entries and rebuilt
 * every row on each move, holding the popup's thread for a fifth of a second.) Changes that do not
 * name their rows (a clear, a range) fall back to reading the table whole.
 */
export class BankMirror {
  private people: Person[] = [];
  private entries = new Map<string, PipelineEntry>();
  private entriesOf = new Map<string, PipelineEntry[]>();
  private livePipelines: StoredPipeline[] = [];
  private rowOf = new Map<string, TalentRow>();
  private rows: TalentRow[] = [];

  constructor(private readonly db: ScoutbookDb) {}

  snapshot(): BankSnapshot {
    return { rows: this.rows, pipelines: this.livePipelines };
  }

  async loadAll(): Promise<void> {
    const [people, entries, pipelines] = await Promise.all([readPeopleNewestFirst(this.db.people), readAll(this.db.entries), this.db.pipelines.toArray()]);
    this.people = people;
    this.setEntries(entries.map(withoutClocks));
    this.setPipelines(pipelines);
    await this.rebuildAll();
  }

  /** Applies one storage mutation; whether the bank changed. */
  async apply(parts: ObservabilitySet): Promise<boolean> {
    const name = this.db.name;
    const pipelines = changedKeys(parts, name, 'pipelines');
    const people = changedKeys(parts, name, 'people');
    const entries = changedKeys(parts, name, 'entries');
    if (!pipelines && !people && !entries) return false;
    const [pipelineRows, everyone, personRows, entryRows] = await Promise.all([
      pipelines ? this.db.pipelines.toArray() : undefined,
      people === 'everything' ? readPeopleNewestFirst(this.db.people) : undefined,
      people && people !== 'everything' ? this.db.people.bulkGet(people.keys) : undefined,
      this.read(this.db.entries, entries),
    ]);
    const touched = new Set<string>();
    if (everyone) this.people = everyone;
    if (personRows) this.patchPeople(personRows, new Set(people && people !== 'everything' ? people.keys : []), touched);
    if (entryRows) this.patchEntries(entryRows, entries!, touched);
    if (pipelineRows) this.setPipelines(pipelineRows);
    // Pipeline names and stages show in every row; a re-sorted bank re-lists every row.
    if (pipelineRows || everyone || entries === 'everything') await this.rebuildAll();
    else this.rebuild(touched, !!personRows);
    return true;
  }

  private read<T extends { id: string }>(table: EntityTable<T, 'id'>, change: TableChange) {
    if (!change) return undefined;
    return change === 'everything' ? readAll(table) : table.bulkGet(change.keys as IDType<T, 'id'>[]);
  }

  private patchPeople(read: (StoredPerson | undefined)[], changed: Set<string>, touched: Set<string>): void {
    const kept = this.people.filter((p) => !changed.has(p.id));
    for (const stored of read) {
      if (!stored) continue;
      const person = withoutClocks(stored);
      // Binary search for the person's place in the newest-first order.
      let lo = 0;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (newerFirst(kept[mid]!, person) < 0) lo = mid + 1;
        else hi = mid;
      }
      kept.splice(lo, 0, person);
    }
    this.people = kept;
    for (const id of changed) touched.add(id);
  }

  private patchEntries(read: (StoredEntry | undefined)[], change: Exclude<TableChange, undefined>, touched: Set<string>): void {
    if (change === 'everything') {
      this.setEntries((read as StoredEntry[]).map(withoutClocks));
      return;
    }
    change.keys.forEach((id, i) => {
      const before = this.entries.get(id);
      const stored = read[i];
      const after = stored && withoutClocks(stored);
      if (before?.personId) {
        touched.add(before.personId);
        const list = this.entriesOf.get(before.personId)?.filter((e) => e.id !== id);
        if (list?.length) this.entriesOf.set(before.personId, list);
        else this.entriesOf.delete(before.personId);
      }
      if (after) {
        this.entries.set(id, after);
        if (after.personId) {
          touched.add(after.personId);
          this.entriesOf.set(after.personId, [...(this.entriesOf.get(after.personId) ?? []), after]);
        }
      } else this.entries.delete(id);
    });
  }

  private setEntries(entries: PipelineEntry[]): void {
    this.entries = new Map(entries.map((e) => [e.id, e]));
    this.entriesOf = new Map();
    for (const e of entries) {
      if (!e.personId) continue;
      const list = this.entriesOf.get(e.personId);
      if (list) list.push(e);
      else this.entriesOf.set(e.personId, [e]);
    }
  }

  private setPipelines(pipelines: StoredPipeline[]): void {
    this.livePipelines = pipelines.filter((p) => !p.deleted && !p.archived);
  }

  private async rebuildAll(): Promise<void> {
    this.rows = await talentRowsInSlices(this.people, this.entriesOf, this.livePipelines);
    this.rowOf = new Map(this.rows.map((r) => [r.person.id, r]));
  }

  /** Rebuilds the rows of `touched` people; `reordered` when people moved in the order. */
  private rebuild(touched: Set<string>, reordered: boolean): void {
    if (!touched.size) return;
    // Entry changes leave people as they were: find them through their rows, not a map of everyone.
    const byId = reordered ? new Map(this.people.map((p) => [p.id, p])) : undefined;
    for (const id of touched) {
      const person = byId ? byId.get(id) : this.rowOf.get(id)?.person;
      const row = person && !person.deleted ? talentRows([person], this.entriesOf.get(id) ?? [], this.livePipelines)[0] : undefined;
      if (row) this.rowOf.set(id, row);
      else this.rowOf.delete(id);
    }
    this.rows = reordered
      ? this.people.flatMap((p) => this.rowOf.get(p.id) ?? [])
      : this.rows.map((r) => (touched.has(r.person.id) ? (this.rowOf.get(r.person.id) ?? r) : r));
  }
}
