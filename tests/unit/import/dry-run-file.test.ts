import { describe, expect, it } from 'vitest';
import { planImport, type ExistingPerson } from '@/utils/import/plan';
import { dryRunFile } from '@/utils/import/dry-run';
import { decodeText } from '@/utils/import/decode';
import { parseCsv } from '@/utils/import/parse-csv';
import { openImportFile, readImportFile, resolveMapping } from '@/utils/import/read-import';
import type { TableRow } from '@/utils/import/table';
import { bytes, ownBytes } from './helpers';

/** A Connections-style file with what the dry run sorts: repeats, blank names, bad URLs, blank lines, a multi-line note. */
function connections(n: number): Uint8Array {
  const lines = ['Notes:', '"Exported ""as is"",', 'with a line break"', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    if (i % 97 === 0) lines.push(',,,,,,02 Jun 2022');
    else if (i % 89 === 0) lines.push('');
    else if (i % 83 === 0) lines.push(`Bad,Url,https://example.com/${i},,Acme,Eng,01 May 2024`);
    else if (i % 13 === 0) lines.push(`伟,张,https://www.linkedin.com/in/p${i - 1},p${i}@example.com,"字节跳动","工程师,\n基础架构",30 May 2024`);
    else lines.push(`Ada${i},"O""Brien",https://www.linkedin.com/in/p${i},${i % 5 ? '' : `p${i}@example.com`},"Acme, Inc.",Engineer,12 Jan 2023`);
  }
  return bytes(`${lines.join('\r\n')}\r\n`);
}

const SAVED: ExistingPerson[] = [
  { id: 'saved-1', name: 'Ada10', profileKeys: ['linkedin:in/p10'] },
  { id: 'saved-2', name: 'Someone', profileKeys: ['linkedin:in/elsewhere'], emails: ['p25@example.com'] },
];

/** The reference: the whole file decoded at once and every row kept. */
async function fullParse(file: Uint8Array) {
  const { text, encoding } = decodeText(file);
  return parseCsv(text, { encoding });
}

describe('the dry run in one pass over the file', () => {
  it('opens a file with the same header, line, counts and first rows as a full parse', async () => {
    for (const file of [connections(3000), ownBytes('connections-2024.csv'), ownBytes('gbk-people.csv'), ownBytes('shares-utf16le-tab.csv'), ownBytes('ragged-semicolon.csv')]) {
      const table = await fullParse(file);
      const { summary } = await openImportFile(file);
      expect(summary).toEqual({
        header: table.header,
        headerLine: table.headerLine,
        blankRows: table.blankRows,
        rowCount: table.rows.length,
        sample: table.rows.slice(0, 20),
        source: table.source,
      });
    }
    // Below a preamble whose quoted field spans two lines, and a blank line.
    expect((await openImportFile(connections(10))).summary.headerLine).toBe(5);
  });

  it('plans exactly what mapping every row first and then planning them plans', async () => {
    const file = connections(5000);
    const table = await fullParse(file);
    const { mapping } = resolveMapping(table.header);
    const before = await planImport((await readImportFile(file)).rows, SAVED);
    const opened = await openImportFile(file);
    const plan = await dryRunFile(opened, mapping, SAVED);
    expect(plan).toEqual(before);
    expect(plan.create.length).toBeGreaterThan(4000);
    expect(plan.rejected.some((r) => r.reason.startsWith('no name'))).toBe(true);
    expect(plan.rejected.some((r) => r.reason.startsWith('not a LinkedIn profile URL'))).toBe(true);
    expect(plan.merge.map((m) => m.personId).sort()).toEqual(['saved-1', 'saved-2']);
    // The same file can be planned again with another mapping: the rows are re-read, not kept.
    const noCompany = await dryRunFile(opened, { ...mapping, company: undefined }, SAVED);
    expect(noCompany.create.every((c) => c.person.companyName === undefined)).toBe(true);
  });

  it('checks each row as it is parsed: rows are visited between the parse’s slices, not after it', async () => {
    const opened = await openImportFile(connections(20_000));
    let visited = 0;
    const visitedAtEachPause: number[] = [];
    await opened.visitRows({ sliceMs: 0, onProgress: () => visitedAtEachPause.push(visited) }, (row: TableRow) => {
      expect(row.cells.length).toBeGreaterThan(0);
      visited++;
    });
    expect(visited).toBe(opened.summary.rowCount);
    // With every row its own slice, the parse pauses after each one, the row already checked.
    expect(visitedAtEachPause.length).toBeGreaterThan(1000);
    expect(visitedAtEachPause[0]).toBeLessThan(5);
    expect(visitedAtEachPause.at(-1)).toBeGreaterThan(visited - 5);
  });

  it('a cancel stops the pass and plans nothing', async () => {
    const opened = await openImportFile(connections(20_000));
    const controller = new AbortController();
    const { mapping } = resolveMapping(opened.summary.header);
    let pauses = 0;
    const planning = dryRunFile(opened, mapping, [], { sliceMs: 0, signal: controller.signal, onProgress: () => ++pauses === 50 && controller.abort() });
    await expect(planning).rejects.toMatchObject({ name: 'AbortError' });
  });
});
