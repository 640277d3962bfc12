/**
 * How many records an import writes per batch. Each batch is one task of the popup's thread
 * (building the changes, merging, validating and cloning them into IndexedDB), and its cost per
 * record depends on the machine and on how busy it is: ~0.1 ms on a quiet machine, three times that
 * on a loaded one, where a fixed 200 made tasks of 150-250 ms. The size follows the measured cost
 * so that a batch's task stays near `targetMs`, and grows back when the machine is quiet, up to
 * `max` (fewer, larger batches are fewer round trips to the database; the default max is the
 * former fixed size, since a batch sized on a quiet moment becomes a long task if the load returns).
 */
export interface BatchSizeOptions {
  initial: number;
  min: number;
  max: number;
  targetMs: number;
}

const DEFAULTS: BatchSizeOptions = { initial: 100, min: 25, max: 200, targetMs: 40 };

export class BatchSizer {
  private msPerRecord: number | undefined;
  private current: number;
  private readonly options: BatchSizeOptions;

  constructor(options: Partial<BatchSizeOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.current = this.options.initial;
  }

  get size(): number {
    return this.current;
  }

  /** One batch of `records` took a task of `ms` (undefined: not measured, nothing changes). */
  record(records: number, ms: number | undefined): void {
    if (ms === undefined || !(ms >= 0) || records <= 0) return;
    const sample = ms / records;
    // A slower batch counts at once (a long task is what this avoids); a faster one half.
    this.msPerRecord = this.msPerRecord === undefined || sample > this.msPerRecord ? sample : (this.msPerRecord + sample) / 2;
    const fits = this.msPerRecord > 0 ? Math.floor(this.options.targetMs / this.msPerRecord) : this.options.max;
    // Grows by half at most per batch, so one lucky measurement does not make a long task.
    const next = Math.min(fits, Math.ceil(this.current * 1.5));
    this.current = Math.max(this.options.min, Math.min(this.options.max, next));
  }
}

/**
 * The moment the current task ends, as `end` (performance.now() ms), set by a message posted now:
 * it is delivered once the thread is free. Without MessageChannel, `end` stays undefined.
 */
export function taskEndProbe(): { end?: number } {
  const probe: { end?: number } = {};
  if (typeof MessageChannel === 'undefined') return probe;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    probe.end = performance.now();
    channel.port1.close();
    channel.port2.close();
  };
  channel.port2.postMessage(null);
  return probe;
}
