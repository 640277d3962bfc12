/**
 * Long loops over user data (exports, parses, dry runs) run on the UI thread of the popup. These
 * helpers let them hand the thread back between chunks and stop when the user cancels.
 */

export interface Progress {
  done: number;
  total: number;
}

export interface CooperativeOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** How long one slice of work may hold the thread before yielding (default 30 ms). */
  sliceMs?: number;
}

/** A DOMException named AbortError, the same thing `fetch` throws, so callers test one name. */
export function abortError(message: string): DOMException {
  return new DOMException(message, 'AbortError');
}

/** True for our AbortError, and for Dexie's wrapper around it when it was thrown inside a transaction. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Dexie wraps an error thrown inside a transaction when its name is one of IndexedDB's (an
 * AbortError is); callers should see what was thrown.
 */
export function unwrapDexieError(error: unknown): unknown {
  const inner = (error as { inner?: unknown } | null)?.inner;
  return inner instanceof Error || inner instanceof DOMException ? inner : error;
}

export function throwIfAborted(signal: AbortSignal | undefined, message: string): void {
  if (signal?.aborted) throw abortError(message);
}

type Scheduler = { yield?: () => Promise<void> };

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/**
 * Let the browser paint and handle clicks. `scheduler.yield` keeps our place at the front of the
 * queue where it exists; one shared MessageChannel avoids the 4 ms clamp of nested setTimeout;
 * Node (tests, benchmarks) has setImmediate.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel !== 'undefined') {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    const port = channel.port2;
    return new Promise((resolve) => {
      waiting.push(resolve);
      port.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Hands the thread back when the current slice has run for `budgetMs`: slicing by time rather
 * than by a fixed row count keeps slices short on slow machines without wasting yields on fast ones.
 */
export class TimeSlicer {
  private sliceStart = now();
  private readonly budgetMs: number;

  constructor(private readonly options: CooperativeOptions & { what: string }) {
    this.budgetMs = options.sliceMs ?? 30;
  }

  due(): boolean {
    return now() - this.sliceStart >= this.budgetMs;
  }

  restart(): void {
    this.sliceStart = now();
  }

  /** For async loops: call once per item; yields and reports progress when the slice is used up. */
  async step(done: number, total: number): Promise<void> {
    throwIfAborted(this.options.signal, `${this.options.what} cancelled`);
    if (!this.due()) return;
    this.options.onProgress?.({ done, total });
    await yieldToEventLoop();
    throwIfAborted(this.options.signal, `${this.options.what} cancelled`);
    this.restart();
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
