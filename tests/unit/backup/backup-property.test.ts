import fc from 'fast-check';
import { ulid } from 'ulidx';
import { describe, expect, it } from 'vitest';
import { addNote, savePerson, setStage } from '@/utils/db/actions';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import { applyLocalChange } from '@/utils/db/local-change';
import { exportBackup } from '@/utils/backup/export-backup';
import type { Backup } from '@/utils/backup/format';
import { BACKUP_TABLES } from '@/utils/backup/format';
import { restoreBackup } from '@/utils/backup/restore-backup';
import { freshStore } from '../import/helpers';

type Store = Awaited<ReturnType<typeof freshStore>>;

/** Text users really write: Chinese, accents, emoji, quotes, commas, line breaks, formula-looking cells. */
const piece = fc.constantFrom('张', '伟', '字节跳动', 'Zoë', 'O\'Brien', '"quoted"', ',', ' ', '\n', '\r\n', '😀', '👩‍💻', '=1+2', '「」', 'a', 'Z', '\t', '\\');
const text = (max: number) =>
  fc
    .oneof(fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }))
    .map((s) => s.slice(0, max))
    .filter((s) => s.trim().length > 0);

const op = fc.oneof(
  fc.record({ kind: fc.constant('person' as const), slug: fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/), name: text(60), headline: fc.option(text(80), { nil: undefined }), company: fc.option(text(40), { nil: undefined }) }),
  fc.record({ kind: fc.constant('note' as const), who: fc.nat(), body: text(200), private: fc.boolean() }),
  fc.record({ kind: fc.constant('stage' as const), who: fc.nat(), pipeline: fc.nat(2), stage: fc.nat(7) }),
  fc.record({ kind: fc.constant('tags' as const), who: fc.nat(), tags: fc.array(text(20), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('erase' as const), who: fc.nat() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** Apply operations through the real write path, so every record is one the app could have made. */
async function play(store: Store, ops: Op[]): Promise<void> {
  for (const o of ops) {
    const people = (await store.db.people.toArray()).filter((p) => !p.deleted);
    const who = 'who' in o && people.length ? people[o.who % people.length]! : undefined;
    if (o.kind === 'person') {
      await savePerson(store, { kind: 'person', key: `linkedin:in/${o.slug}`, url: `https://www.linkedin.com/in/${o.slug}/` }, { name: o.name, headline: o.headline, companyName: o.company });
    } else if (o.kind === 'note' && who) {
      if (o.private) await applyLocalChange(store.db, store.clock, 'note', ulid(), { personId: who.id, body: o.body, visibility: 'private', createdAt: store.now(), deleted: false });
      else await addNote(store, { personId: who.id }, o.body);
    } else if (o.kind === 'stage' && who) {
      const pipeline = DEFAULT_PIPELINES[o.pipeline]!;
      await setStage(store, { personId: who.id }, pipeline.id, pipeline.stages[o.stage % pipeline.stages.length]!.id);
    } else if (o.kind === 'tags' && who) {
      await applyLocalChange(store.db, store.clock, 'person', who.id, { tags: [...new Set(o.tags.map((t) => t.trim()))] });
    } else if (o.kind === 'erase' && who) {
      // Unsetting a field (null on the wire) leaves a clock without a value: restores must carry that too.
      await applyLocalChange(store.db, store.clock, 'person', who.id, { headline: null });
    }
  }
}

const withoutStamp = ({ exportedAt: _e, meta: _m, ...rest }: Backup) => rest;
/** As a file: what restore really receives. */
const viaFile = (b: Backup) => JSON.parse(JSON.stringify(b)) as unknown;

type Row = Record<string, unknown> & { id: string; clocks: Record<string, string> };

/** Nothing lost: every field either side wrote is in the result at its clock, or overtaken by a later write. */
function expectNothingLost(merged: Backup, sides: Backup[]): void {
  for (const [key] of BACKUP_TABLES) {
    const byId = new Map((merged[key] as Row[]).map((r) => [r.id, r]));
    for (const side of sides) {
      for (const row of side[key] as Row[]) {
        const got = byId.get(row.id);
        expect(got, `${key} ${row.id} is missing`).toBeDefined();
        for (const [field, clock] of Object.entries(row.clocks)) {
          expect(got!.clocks[field]! >= clock, `${key} ${row.id}.${field} went back in time`).toBe(true);
          if (got!.clocks[field] === clock) expect(got![field], `${key} ${row.id}.${field}`).toEqual(row[field]);
        }
      }
    }
  }
}

describe('backup round trips (property)', () => {
  it('export → restore into an empty profile → export gives the same backup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), fc.constantFrom('replace' as const, 'merge' as const), async (ops, mode) => {
        const source = await freshStore();
        await play(source, ops);
        const backup = await exportBackup(source.db);
        const target = await freshStore(1_763_900_000_000);
        await restoreBackup(target, viaFile(backup), { mode });
        expect(withoutStamp(await exportBackup(target.db))).toEqual(withoutStamp(backup));
      }),
      { numRuns: 25 },
    );
  });

  it('restore (merge) into a profile that has its own changes loses nothing from either side', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 8 }), fc.array(op, { maxLength: 8 }), fc.array(op, { maxLength: 8 }), async (shared, onA, onB) => {
        const a = await freshStore(1_763_700_000_000);
        await play(a, shared);
        const b = await freshStore(1_763_700_000_000 + 7);
        await restoreBackup(b, viaFile(await exportBackup(a.db)), { mode: 'replace' });
        // Then both devices carry on, sometimes editing the same people.
        await play(a, onA);
        await play(b, onB);
        const sideA = await exportBackup(a.db);
        const sideB = await exportBackup(b.db);
        await restoreBackup(a, viaFile(sideB), { mode: 'merge' });
        expectNothingLost(await exportBackup(a.db), [sideA, sideB]);
      }),
      { numRuns: 25 },
    );
  });
});
