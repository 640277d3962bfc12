/** State the probe keeps in the popup page (main world) for the benchmark to read. */
export interface ProbeState {
  /** When the first talent-bank row was painted (ms since the popup's navigation). */
  firstRowAt: number;
  /** The last keydown (event time) and when the list change it caused was painted. */
  keyAt: number;
  listPaintedAt: number;
  /** When the last long task (> 50 ms on the main thread) ended. */
  lastLongTaskEnd: number;
}

/**
 * SELF-CONTAINED init script for popup.html. Polls once per frame (no MutationObserver: with 100k
 * rows its records would add work to the very renders we time). A change is timed at the start of
 * the first frame after React commits it: the frame that paints it. (Not "rAF, then a task": under
 * React's time-sliced rendering that task can wait seconds behind other work.)
 */
export function popupProbe(): void {
  const state: ProbeState = { firstRowAt: -1, keyAt: -1, listPaintedAt: -1, lastLongTaskEnd: 0 };
  (globalThis as unknown as { __sbProbe: ProbeState }).__sbProbe = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.lastLongTaskEnd = Math.max(state.lastLongTaskEnd, e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const waitFirstRow = () => {
    if (document.querySelector('[data-testid=sb-row]')) state.firstRowAt = performance.now();
    else requestAnimationFrame(waitFirstRow);
  };
  requestAnimationFrame(waitFirstRow);

  /** Cheap even with 100,000 rows in the DOM: the row count, the list height (virtualised lists), the first rows' text. */
  const signature = () => {
    const main = document.querySelector('main.content');
    const rows = main?.querySelector('.rows');
    if (!rows) return main?.textContent?.slice(0, 200) ?? '';
    let text = '';
    for (let row = rows.firstElementChild, k = 0; row && k < 20; row = row.nextElementSibling, k++) text += `${row.textContent?.slice(0, 60)}|`;
    return `${rows.childElementCount}|${(rows as HTMLElement).style.height}|${text}`;
  };
  addEventListener(
    'keydown',
    (e) => {
      state.keyAt = e.timeStamp || performance.now();
      const before = signature();
      const watch = () => {
        if (signature() !== before) state.listPaintedAt = performance.now();
        else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    },
    true,
  );
}

/** SELF-CONTAINED: resolves once the list has not changed for `quietMs` (checked every frame). */
export async function listSettled({ quietMs, timeoutMs }: { quietMs: number; timeoutMs: number }): Promise<void> {
  /** Cheap even with 100,000 rows in the DOM: the row count, the list height (virtualised lists), the first rows' text. */
  const signature = () => {
    const main = document.querySelector('main.content');
    const rows = main?.querySelector('.rows');
    if (!rows) return main?.textContent?.slice(0, 200) ?? '';
    let text = '';
    for (let row = rows.firstElementChild, k = 0; row && k < 20; row = row.nextElementSibling, k++) text += `${row.textContent?.slice(0, 60)}|`;
    return `${rows.childElementCount}|${(rows as HTMLElement).style.height}|${text}`;
  };
  const started = performance.now();
  let last = signature();
  let since = performance.now();
  while (performance.now() - since < quietMs) {
    await new Promise((r) => requestAnimationFrame(r));
    const now = signature();
    if (now !== last) [last, since] = [now, performance.now()];
    if (performance.now() - started > timeoutMs) throw new Error('the popup list did not settle');
  }
}

/** SELF-CONTAINED: whether the main thread has had no long task for `quietMs` (background work done). */
export function mainThreadQuiet(quietMs: number): boolean {
  const s = (globalThis as unknown as { __sbProbe: ProbeState }).__sbProbe;
  return performance.now() - s.lastLongTaskEnd > quietMs;
}

/** SELF-CONTAINED: the probe's state. */
export function probeState(): ProbeState {
  return (globalThis as unknown as { __sbProbe: ProbeState }).__sbProbe;
}

/** SELF-CONTAINED: whether the list was repainted after the last keydown. */
export function listRepainted(): boolean {
  const s = (globalThis as unknown as { __sbProbe: ProbeState }).__sbProbe;
  return s.listPaintedAt > s.keyAt;
}
