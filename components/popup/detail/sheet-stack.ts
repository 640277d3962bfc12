import { useSyncExternalStore } from 'react';

/** The full-size views that open over the app: each one on top of the last, Esc closes the top one. */
export type SheetRequest =
  | { kind: 'manage' }
  | { kind: 'due' }
  | { kind: 'pitches'; pipelineId?: string }
  | { kind: 'person'; id: string }
  | { kind: 'company'; id: string };

let stack: readonly SheetRequest[] = [];
const listeners = new Set<() => void>();

function set(next: readonly SheetRequest[]): void {
  stack = next;
  for (const l of listeners) l();
}

function same(a: SheetRequest, b: SheetRequest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Open a view on top; opening the one already on top does nothing. */
export function openSheet(request: SheetRequest): void {
  const top = stack[stack.length - 1];
  if (top && same(top, request)) return;
  set([...stack, request]);
}

export function closeTopSheet(): void {
  set(stack.slice(0, -1));
}

export function closeAllSheets(): void {
  set([]);
}

export function openPerson(id: string): void {
  openSheet({ kind: 'person', id });
}

export function openCompany(id: string): void {
  openSheet({ kind: 'company', id });
}

export function useSheets(): readonly SheetRequest[] {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => stack,
  );
}
