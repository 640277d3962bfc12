import { describe, expect, it } from 'vitest';
import { BatchSizer, taskEndProbe } from '@/utils/import/batch-size';

/** Runs batches on a machine where a record costs `msPerRecord`; returns the sizes chosen. */
function run(sizer: BatchSizer, msPerRecord: number, batches: number): number[] {
  const sizes: number[] = [];
  for (let i = 0; i < batches; i++) {
    sizes.push(sizer.size);
    sizer.record(sizer.size, sizer.size * msPerRecord);
  }
  return sizes;
}

describe('the import batch size', () => {
  it('shrinks on a loaded machine until a batch fits the task budget, and grows back when it is quiet', () => {
    const sizer = new BatchSizer({ initial: 200, min: 25, max: 500, targetMs: 40 });
    // 0.4 ms per record: 200 records were an 80 ms task.
    const loaded = run(sizer, 0.4, 5);
    expect(loaded[0]).toBe(200);
    expect(loaded.slice(1).every((n) => n * 0.4 <= 40)).toBe(true);
    expect(loaded.at(-1)).toBe(100);
    // Quiet again (0.05 ms per record): it grows, by half at most per batch, up to the maximum.
    const quiet = run(sizer, 0.05, 12);
    for (let i = 1; i < quiet.length; i++) expect(quiet[i]!).toBeLessThanOrEqual(Math.ceil(quiet[i - 1]! * 1.5));
    expect(quiet.at(-1)).toBe(500);
  });

  it('reacts to one slow batch at once (a long task is what it avoids), and keeps to its minimum', () => {
    const sizer = new BatchSizer({ initial: 200, min: 25, max: 500, targetMs: 40 });
    run(sizer, 0.1, 3);
    sizer.record(sizer.size, 2000); // a collector pause in the middle of a batch
    expect(sizer.size).toBe(25);
  });

  it('ignores what it could not measure', () => {
    const sizer = new BatchSizer({ initial: 150 });
    sizer.record(150, undefined);
    sizer.record(0, 10);
    expect(sizer.size).toBe(150);
  });

  it('a probe reports when the task that posted it has ended', async () => {
    const probe = taskEndProbe();
    const posted = performance.now();
    const spin = posted + 20;
    while (performance.now() < spin); // the rest of this task
    expect(probe.end).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probe.end).toBeGreaterThanOrEqual(spin);
  });
});
