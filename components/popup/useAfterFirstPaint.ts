import { useEffect, useState } from 'react';

/**
 * False until the frame after `ready` first held has started: for parts the first paint does not
 * need (the alerts bell, the sync footer), whose database reads would otherwise compete with the
 * first page's.
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setAfter(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}
