import type { Progress } from '@/utils/import/cooperative';

/** Progress repaints per second at most: enough for a bar to move smoothly. */
const EVERY_MS = 250;

/**
 * Progress reports as often as a long job hands the thread back (every ~30 ms); each report
 * re-rendered the panel and repainted its bar, a fifth of a 100,000-row export's time in traces.
 * This passes on the first report, then at most one per EVERY_MS, and always the last one.
 */
export function throttledProgress(report: (p: Progress) => void, everyMs = EVERY_MS, now: () => number = () => performance.now()): (p: Progress) => void {
  let last = -Infinity;
  return (p) => {
    const t = now();
    if (p.done < p.total && t - last < everyMs) return;
    last = t;
    report(p);
  };
}
