import type { EntityTable, IDType, ObservabilitySet } from 'dexie';
import type { ScoutbookDb, StoredEntry, StoredPerson, StoredPipeline } from '@/utils/db/database';
import { visitInPages } from '@/utils/export/read-pages';
import { talentRows, type TalentRow } from '@/utils/export/talent-bank';
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
 * A whole table in pages, each deserialised in a task of its own: after an import of 100,000
 * people, one toArray of them held the popup's thread for over a second.
 */
async function readAll<T extends { id: string }>(table: EntityTable<T, 'id'>): Promise<T[]> {
  const all: T[] = [];
  await visitInPages(table, (record) => void all.push(record));
  return all;
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
    const [people, entries, pipelines] = await Promise.all([
      this.db.people.orderBy('updatedAt').reverse().toArray(),
      this.db.entries.toArray(),
      this.db.pipelines.toArray(),
    ]);
    this.people = people.map(withoutClocks);
    this.setEntries(entries.map(withoutClocks));
    this.setPipelines(pipelines);
    this.rebuildAll();
  }

  /** Applies one storage mutation; whether the bank changed. */
  async apply(parts: ObservabilitySet): Promise<boolean> {
    const name = this.db.name;
    const pipelines = changedKeys(parts, name, 'pipelines');
    const people = changedKeys(parts, name, 'people');
    const entries = changedKeys(parts, name, 'entries');
    if (!pipelines && !people && !entries) return false;
    const [pipelineRows, personRows, entryRows] = await Promise.all([
      pipelines ? this.db.pipelines.toArray() : undefined,
      this.read(this.db.people, people),
      this.read(this.db.entries, entries),
    ]);
    const touched = new Set<string>();
    if (personRows) this.patchPeople(personRows, people!, touched);
    if (entryRows) this.patchEntries(entryRows, entries!, touched);
    if (pipelineRows) this.setPipelines(pipelineRows);
    // Pipeline names and stages show in every row; a re-sorted bank re-lists every row.
    if (pipelineRows || people === 'everything' || entries === 'everything') this.rebuildAll();
    else this.rebuild(touched, !!personRows);
    return true;
  }

  private read<T extends { id: string }>(table: EntityTable<T, 'id'>, change: TableChange) {
    if (!change) return undefined;
    return change === 'everything' ? readAll(table) : table.bulkGet(change.keys as IDType<T, 'id'>[]);
  }

  private patchPeople(read: (StoredPerson | undefined)[], change: Exclude<TableChange, undefined>, touched: Set<string>): void {
    if (change === 'everything') {
      this.people = (read as StoredPerson[]).map(withoutClocks).sort(newerFirst);
      return;
    }
    const changed = new Set(change.keys);
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

  private rebuildAll(): void {
    this.rows = talentRows(this.people, [...this.entries.values()], this.livePipelines);
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
