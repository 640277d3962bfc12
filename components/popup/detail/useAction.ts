import { useCallback, useState } from 'react';

export interface ActionState {
  busy: boolean;
  error?: string;
  done?: string;
  /** Run a write; its error is kept to show, never thrown at React. Returns whether it succeeded. */
  run: (work: () => Promise<unknown>, doneMessage?: string) => Promise<boolean>;
  reset: () => void;
}

/** One write at a time from a form, with its outcome to show next to it. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const run = useCallback(async (work: () => Promise<unknown>, doneMessage?: string) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await work();
      setDone(doneMessage);
      return true;
    } catch (e) {
      setError((e as Error).message || String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setError(undefined);
    setDone(undefined);
  }, []);
  return { busy, error, done, run, reset };
}
