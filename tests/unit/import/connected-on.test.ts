import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { exportRows, pickColumns, type ExportRow } from '@/utils/export/columns';
import { applyImport, existingPeople } from '@/utils/import/apply';
import { parseConnectedOn } from '@/utils/import/connected-on';
import { planImport } from '@/utils/import/plan';
import { readImportFile } from '@/utils/import/read-import';
import { bytes, freshStore, ownBytes } from './helpers';

const day = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('parseConnectedOn', () => {
  it.each([
    ['30 May 2024', day(2024, 5, 30)],
    ['02 Jun 2022', day(2022, 6, 2)],
    ['1 Sept 2021', day(2021, 9, 1)],
    ['May 30, 2024', day(2024, 5, 30)],
    ['1/8/18, 6:14 PM', day(2018, 1, 8, 18, 14)],
    ['4/4/18, 10:35 AM', day(2018, 4, 4, 10, 35)],
    ['12/1/18, 12:05 AM', day(2018, 12, 1, 0, 5)],
    ['12/31/2020', day(2020, 12, 31)],
    ['31/12/2020', day(2020, 12, 31)],
    ['2024-05-30', day(2024, 5, 30)],
    ['2024/5/30', day(2024, 5, 30)],
    ['2024年5月30日', day(2024, 5, 30)],
    ['2024-05-30 14:05', day(2024, 5, 30, 14, 5)],
    ['2024-05-30T14:05:00.000Z', Date.UTC(2024, 4, 30, 14, 5)],
  ])('%s', (text, expected) => {
    expect(parseConnectedOn(text)).toBe(expected);
  });

  it.each(['', 'yesterday', '31 Feb 2024', '13/13/2020', '2024-13-01', '1/8/18, 13:14 PM', 'Smarch 3, 2020'])('refuses %j', (text) => {
    expect(parseConnectedOn(text)).toBeUndefined();
  });
});

describe('"Connected On" from import to export', () => {
  it('is stored on the person, warned about when unreadable, and exported as a day', async () => {
    const store = await freshStore();
    const file = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Programmer,30 May 2024',
      'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,Navy,Admiral,sometime in 1944',
    ].join('\n');
    const { rows } = await readImportFile(bytes(file));
    const plan = await planImport(rows, await existingPeople(store.db));
    expect(plan.warnings).toEqual([{ line: 3, reason: '"Connected on" date not understood, left empty: sometime in 1944' }]);
    await applyImport(store, plan);
    const people = await store.db.people.orderBy('name').toArray();
    expect(people.map((p) => [p.name, p.connectedAt])).toEqual([
      ['Ada Lovelace', day(2024, 5, 30)],
      ['Grace Hopper', undefined],
    ]);

    const exportable: ExportRow[] = people.map((person) => ({ person, entries: [] }));
    const columns = pickColumns(['name', 'connectedAt']);
    const csv = new TextDecoder().decode(await (await exportRows(exportable, 'csv', columns)).arrayBuffer());
    expect(csv).toBe('Name,Connected on\r\nAda Lovelace,2024-05-30\r\nGrace Hopper,\r\n');
    const json = JSON.parse(await (await exportRows(exportable, 'json', columns)).text()) as unknown[];
    expect(json).toEqual([
      { name: 'Ada Lovelace', connectedAt: '2024-05-30' },
      { name: 'Grace Hopper', connectedAt: null },
    ]);
    // XLSX: a real date cell, which read-excel-file returns as a Date (Excel's zone-less wall clock, read as UTC).
    const [sheet] = await readXlsxFile(await exportRows(exportable, 'xlsx', columns));
    expect((sheet!.data as unknown[][])[1]).toEqual(['Ada Lovelace', new Date(Date.UTC(2024, 4, 30))]);
  });

  it('fills the date into people saved before, and the 2018 file gives the time too', async () => {
    const store = await freshStore();
    const first = await planImport((await readImportFile(ownBytes('connections-2018.csv'))).rows, []);
    await applyImport(store, first);
    const claudia = await store.db.people.where('name').equals('Claudia Berg').first();
    expect(claudia?.connectedAt).toBe(day(2018, 1, 8, 18, 14));
  });
});
