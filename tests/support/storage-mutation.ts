import Dexie, { type ObservabilitySet } from 'dexie';

/** The next storage mutation Dexie announces: what an open popup hears after a write anywhere. */
export function nextMutation(): Promise<ObservabilitySet> {
  return new Promise((resolve) => {
    const once = (parts: ObservabilitySet) => {
      Dexie.on.storagemutated.unsubscribe(once);
      resolve(parts);
    };
    Dexie.on('storagemutated', once);
  });
}
