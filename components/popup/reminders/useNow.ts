import { useSyncExternalStore } from 'react';

/** One clock for every view that shows "due" or "stale": a follow-up due at 14:00 turns overdue on its own. */
const TICK_MS = 60_000;

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(onChange);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, to the minute. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
