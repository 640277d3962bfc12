import type { Extraction } from '../sites/types';

/**
 * SPA pages render the profile after the URL changes. Re-run the extractor when the page mutates
 * (at most once per animation frame) until it succeeds, `accept` agrees, or time runs out.
 */
export function waitForExtraction<T>(
  extract: () => Extraction<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Extraction<T>> {
  return new Promise((resolve) => {
    let last = extract();
    if (last.ok && accept(last.value)) return resolve(last);
    let scheduled = false;
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve(last);
    };
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        last = extract();
        if (last.ok && accept(last.value)) finish();
      });
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(finish, timeoutMs);
    signal.addEventListener('abort', finish);
  });
}
