import { describe, expect, it, vi } from 'vitest';
import { BankMirror } from '@/components/popup/bank-mirror';
import { talentRows } from '@/utils/export/talent-bank';
import { applyImport } from '@/utils/import/apply';
import { planImport } from '@/utils/import/plan';
import { nextMutation } from '../../support/storage-mutation';
import { freshStore, linkedInRows } from './helpers';


describe("the popup's talent bank after an import", () => {
  it('reads the imported people back in pages, not in one read of the whole table, and lists them all', async () => {
    const store = await freshStore();
    const mirror = new BankMirror(store.db);
    await mirror.loadAll();
    const rows = linkedInRows(300);
    const heard = nextMutation();
    await applyImport(store, await planImport(rows, []));
    // An import's batches name no keys (Dexie records a range for a bulk write): the popup re-reads the table.
    const wholeTable = vi.spyOn(store.db.people, 'toArray');
    expect(await mirror.apply(await heard)).toBe(true);
    expect(wholeTable).not.toHaveBeenCalled();

    const people = await store.db.people.orderBy('updatedAt').reverse().toArray();
    const bare = people.map(({ clocks: _clocks, ...rest }) => rest);
    expect(mirror.snapshot().rows).toEqual(talentRows(bare, [], []));
    expect(mirror.snapshot().rows).toHaveLength(300);
  });
});
