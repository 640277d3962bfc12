import { describe, expect, it } from 'vitest';
import { throttledProgress } from '@/components/popup/throttled-progress';

describe('throttledProgress', () => {
  it('passes the first report, then one per interval, and always the last', () => {
    let now = 0;
    const seen: number[] = [];
    const report = throttledProgress((p) => seen.push(p.done), 250, () => now);
    for (let done = 0; done <= 100; done += 10) {
      report({ done, total: 100 });
      now += 60;
    }
    // Reports at t = 0, 60, …, 600: kept at 0, 300 (≥ 250 after 0), 600 (done).
    expect(seen).toEqual([0, 50, 100]);
  });
});
