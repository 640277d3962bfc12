import { describe, expect, it } from 'vitest';
import { applyImport, existingPeople } from '@/utils/import/apply';
import { ImportError } from '@/utils/import/import-error';
import { planImport } from '@/utils/import/plan';
import { readImportFile, type ReadImportOptions } from '@/utils/import/read-import';
import { hasSharedFixtures } from '../../support/shared-fixtures';
import { bytes, freshStore, ownBytes, sharedBytes } from './helpers';

/**
 * The bad-input list, end to end: each file goes through read → dry run → the one write,
 * into a fresh profile. A file that cannot be imported at all throws an ImportError whose message
 * says why, and writes nothing; a file with bad rows writes exactly the good ones, and each bad
 * row is rejected with its line and a reason.
 */

async function importInto(file: Uint8Array, options: ReadImportOptions = {}) {
  const store = await freshStore();
  const before = await store.db.people.count();
  try {
    const preview = await readImportFile(file, options);
    const plan = await planImport(preview.rows, await existingPeople(store.db));
    const result = await applyImport(store, plan);
    const names = (await store.db.people.toArray()).map((p) => p.name);
    return { plan, result, names, added: (await store.db.people.count()) - before, error: undefined };
  } catch (e) {
    return { plan: undefined, result: undefined, names: [], added: (await store.db.people.count()) - before, error: e };
  }
}

function refusedWith(outcome: Awaited<ReturnType<typeof importInto>>, code: string, message: RegExp) {
  expect(outcome.error).toBeInstanceOf(ImportError);
  expect(outcome.error).toMatchObject({ code, message: expect.stringMatching(message) });
  expect(outcome.added).toBe(0);
}

describe('bad input, on our own files (always run)', () => {
  it('a UTF-16 tab-separated Shares.csv: read correctly, refused for having no people, nothing written', async () => {
    refusedWith(await importInto(ownBytes('shares-utf16le-tab.csv')), 'no-name-column', /^No name column found/);
  });

  it('ragged rows and a NUL: the good rows are written, the bad ones rejected by line', async () => {
    const out = await importInto(ownBytes('ragged-semicolon.csv'));
    expect(out.error).toBeUndefined();
    expect(out.plan!.rejected.length).toBeGreaterThan(0);
    expect(out.plan!.rejected.every((r) => /^(ragged row|field \d+ contains a NUL|broken quoting)/.test(r.reason))).toBe(true);
    expect(out.added).toBe(out.plan!.create.length);
    expect(out.result!.created).toBe(out.added);
  });

  it.each([
    ['a PNG named .csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'not-csv', /PNG image/],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'not-csv', /PDF document/],
    ['an HTML page saved as .csv', bytes('<!DOCTYPE html><html><body>Sign in</body></html>'), 'not-csv', /web page/],
    ['a JSON file', bytes('[{"name":"Ada"}]'), 'not-csv', /JSON file/],
    ['an empty file', new Uint8Array(), 'empty', /empty/],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'legacy-excel', /old Excel \.xls/],
    ['a zip that is not a workbook', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 0, 0]), 'not-csv', /zip archive/],
  ])('%s is refused with a clear message and writes nothing', async (_what, file, code, message) => {
    refusedWith(await importInto(file), code, message);
  });
});

const CSVKIT = 'csvkit__wireservice/examples';
const EXPORT_2018 = 'Abhishek-Mathur-Complete_LinkedInDataExport_11-04-2018__abhishekwebcode';

describe.skipIf(!hasSharedFixtures)('bad input, on the real files in ../shared/fixtures', () => {
  it('the real 2024 Connections.csv: its 1,581 people are written, none of the 47 blank-name rows', async () => {
    const out = await importInto(sharedBytes('linkedin-export-sorting__JasonToups/Connections.csv'));
    expect(out.added).toBe(1581);
    expect(out.plan!.rejected).toHaveLength(47);
    expect(out.names.every((n) => n.trim() !== '')).toBe(true);
  });

  it('LinkedIn’s own Shares.csv (UTF-16LE, tab-separated, named .csv) is refused, nothing written', async () => {
    refusedWith(await importInto(sharedBytes(`${EXPORT_2018}/Shares.csv`)), 'no-name-column', /"Date", "Share Title"/);
  });

  it('csvkit bad.csv and null_byte.csv: only whole, clean rows are written', async () => {
    const bad = await importInto(sharedBytes(`${CSVKIT}/bad.csv`), { mapping: { fullName: 0 } });
    expect([bad.added, bad.plan!.rejected.map((r) => r.line)]).toEqual([1, [2, 3]]);
    const nul = await importInto(sharedBytes(`${CSVKIT}/null_byte.csv`), { mapping: { fullName: 0 } });
    expect(nul.plan!.rejected).toEqual([{ line: 2, reason: expect.stringContaining('NUL') }]);
    expect(nul.names.some((n) => n.includes('\u0000'))).toBe(false);
  });

  it('a workbook of several sheets: refused when no sheet has people; the chosen sheet is imported', async () => {
    refusedWith(await importInto(sharedBytes(`${CSVKIT}/sheets.xlsx`)), 'no-name-column', /"text", "date", "integer"/);
    const data = await importInto(sharedBytes(`${CSVKIT}/sheets.xlsx`), { sheet: 'data', mapping: { fullName: 0 } });
    expect(data.names.sort()).toEqual(['Chicago Reader', 'Chicago Sun-Times', 'Chicago Tribune', 'This row has blanks', 'Unicode! Σ']);
  });
});
