import { describe, expect, it } from 'vitest';
import { planImport, planSummary } from '@/utils/import/plan';
import { readImportFile } from '@/utils/import/read-import';

/** A 2024-style Connections.csv of about 50 MB: preamble, quoted commas, Chinese, a blank-name row every 1,000. */
function bigConnections(targetBytes: number): { bytes: Uint8Array; rows: number } {
  const parts = ['Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'];
  let size = Buffer.byteLength(parts.join(''));
  let rows = 0;
  while (size < targetBytes) {
    const line =
      rows % 1000 === 999
        ? ',,,,,,02 Jun 2022\n'
        : rows % 3 === 0
          ? `伟${rows},张,https://www.linkedin.com/in/zhang-wei-${rows},,字节跳动,"高级工程师, 基础架构",30 May 2024\n`
          : `Person${rows},"O""Brien, Jr.",https://www.linkedin.com/in/person-${rows},p${rows}@example.com,"Acme, Inc.",Senior Software Engineer,12 Jan 2023\n`;
    parts.push(line);
    size += Buffer.byteLength(line);
    rows++;
  }
  return { bytes: new TextEncoder().encode(parts.join('')), rows };
}

describe('a 50 MB CSV', () => {
  it('parses and plans within seconds, with every row accounted for', async () => {
    const { bytes, rows } = bigConnections(50 * 1024 * 1024);
    expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let progressCalls = 0;
    const preview = await readImportFile(bytes, { onProgress: () => progressCalls++ });
    const parsed = performance.now();
    const plan = await planImport(preview.rows, []);
    const planned = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    console.info(
      `[big-file] ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${rows} rows: parse ${Math.round(parsed - started)} ms, plan ${Math.round(planned - parsed)} ms (CPU ${Math.round(cpuMs)} ms), heap +${Math.round(heapMb)} MB`,
    );

    expect(preview.rows).toHaveLength(rows);
    expect(preview.rows.at(-1)!.line).toBe(rows + 4);
    const blanks = Math.floor(rows / 1000);
    expect(planSummary(plan)).toEqual({ create: rows - blanks, merge: 0, unchanged: 0, possibleDuplicates: 0, rejected: blanks, warnings: 0 });
    expect(plan.rejected[0]).toEqual({ line: 999 + 5, reason: expect.stringMatching(/^no name/) });
    expect(progressCalls).toBeGreaterThan(5);
    // CPU time, not wall time: test files run in parallel on shared machines. Wall time is bounded loosely.
    expect(cpuMs).toBeLessThan(15_000);
    expect(planned - started).toBeLessThan(40_000);
  }, 60_000);
});
