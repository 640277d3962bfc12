import Dexie, { type EntityTable } from 'dexie';
import type { Company, IntelItem, Note, Person, Pipeline, PipelineEntry } from '../schema';
import { MAX_PUSH_BATCH } from '../sync/limits';
import type { Mutation } from '../sync/protocol';

/** A synced record as stored locally: its data plus the clock of every field (utils/sync/merge.ts). */
export type Stored<T> = T & { clocks: Record<string, string> };

export type StoredPerson = Stored<Person>;
export type StoredCompany = Stored<Company>;
export type StoredNote = Stored<Note>;
export type StoredPipeline = Stored<Pipeline>;
export type StoredEntry = Stored<PipelineEntry>;
export type CachedIntel = IntelItem & { companyNameLower: string; fetchedAt: number };
/** Queued mutations of one local write, oldest first (utils/sync/outbox.ts). `size` is their count, indexed. */
export interface OutboxRow {
  seq?: number;
  mutations: Mutation[];
  size: number;
}
export interface MetaRow {
  key: string;
  value: unknown;
}
/**
 * A pitch template (话术) of one pipeline. Local to this device: the sync protocol has no entity
 * for it yet (utils/schema EntityName), so templates are not shared with the team.
 */
export interface PitchRow {
  id: string;
  pipelineId: string;
  name: string;
  body: string;
  createdAt: number;
  updatedAt: number;
}

export const DB_NAME = 'scoutbook';

/**
 * The extension's database. The background owns writes; extension pages read it with live queries;
 * content scripts never open it (IndexedDB is per origin) and ask the background instead.
 */
export class ScoutbookDb extends Dexie {
  people!: EntityTable<StoredPerson, 'id'>;
  companies!: EntityTable<StoredCompany, 'id'>;
  notes!: EntityTable<StoredNote, 'id'>;
  pipelines!: EntityTable<StoredPipeline, 'id'>;
  entries!: EntityTable<StoredEntry, 'id'>;
  intel!: EntityTable<CachedIntel, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  pitches!: EntityTable<PitchRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1. Add a version (never edit this one) and a test in tests/unit/db-migrations.test.ts for every change.
    this.version(1).stores({
      people: 'id, *profileKeys, name, companyKey, updatedAt',
      companies: 'id, *profileKeys, name',
      notes: 'id, [personId+createdAt], [companyId+createdAt]',
      pipelines: 'id',
      entries: 'id, personId, companyId, [pipelineId+stageId]',
      intel: 'id, companyKey, companyNameLower',
      outbox: '++seq',
      meta: 'key',
    });
    // v2 (issue 5): due reminders are read by next-action time; pitch templates per pipeline.
    this.version(2).stores({
      entries: 'id, personId, companyId, [pipelineId+stageId], nextActionAt',
      pitches: 'id, pipelineId',
    });
    // v3 (issue 7): the outbox holds one row per local write (its mutations), not one per mutation.
    this.version(3)
      .stores({ outbox: '++seq, size' })
      .upgrade(async (tx) => {
        const outbox = tx.table('outbox');
        const legacy = (await outbox.orderBy(':id').toArray()) as (Mutation & { seq: number })[];
        if (!legacy.length) return;
        // Consecutive mutations grouped into rows of at most one push, each keyed by its first
        // mutation's seq: the order of sending is unchanged, and later rows still number above.
        const rows: OutboxRow[] = [];
        for (let from = 0; from < legacy.length; from += MAX_PUSH_BATCH) {
          const chunk = legacy.slice(from, from + MAX_PUSH_BATCH);
          rows.push({ seq: chunk[0]!.seq, mutations: chunk.map(({ seq: _seq, ...m }) => m), size: chunk.length });
        }
        await outbox.clear();
        await outbox.bulkAdd(rows);
      });
  }
}

let shared: ScoutbookDb | undefined;
/** The one database instance of this extension context. */
export function getDb(): ScoutbookDb {
  shared ??= new ScoutbookDb();
  return shared;
}
