/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter plus the node id.
 * Serialised fixed-width so that comparing the strings compares the clocks; the node id breaks
 * ties, which makes the order total and every merge deterministic.
 */
export interface HlcState {
  ms: number;
  counter: number;
  node: string;
}

const MS_WIDTH = 15;
const COUNTER_WIDTH = 5;
const MAX_COUNTER = 99_999;
/** A clock running further ahead than this is refused: one bad peer must not freeze everyone's writes. */
export const MAX_DRIFT_MS = 24 * 3600 * 1000;

export function formatHlc(s: HlcState): string {
  return `${String(s.ms).padStart(MS_WIDTH, '0')}:${String(s.counter).padStart(COUNTER_WIDTH, '0')}:${s.node}`;
}

export function parseHlc(value: string): HlcState {
  const m = /^(\d{15}):(\d{5}):([0-9a-z]{1,32})$/.exec(value);
  if (!m) throw new Error(`not a hybrid logical clock: ${JSON.stringify(value).slice(0, 60)}`);
  return { ms: Number(m[1]), counter: Number(m[2]), node: m[3]! };
}

export class HybridClock {
  private last: HlcState;

  constructor(
    node: string,
    private readonly now: () => number = Date.now,
    last?: string,
  ) {
    if (!/^[0-9a-z]{1,32}$/.test(node)) throw new Error('HLC node id must be 1-32 lower-case letters or digits');
    this.last = last ? { ...parseHlc(last), node } : { ms: 0, counter: 0, node };
  }

  /** A clock for a local event, greater than every clock this node has issued or seen. */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.ms) this.last = { ms: wall, counter: 0, node: this.last.node };
    else this.bumpCounter();
    return formatHlc(this.last);
  }

  /** Fold in a clock received from a peer so that later local events order after it. */
  receive(remote: string): void {
    const r = parseHlc(remote);
    const wall = this.now();
    if (r.ms > wall + MAX_DRIFT_MS) throw new Error('remote clock is more than a day ahead');
    if (r.ms > this.last.ms && r.ms >= wall) this.last = { ms: r.ms, counter: r.counter, node: this.last.node };
    else if (r.ms === this.last.ms) this.last = { ...this.last, counter: Math.max(this.last.counter, r.counter) };
    if (wall > this.last.ms) this.last = { ms: wall, counter: 0, node: this.last.node };
  }

  current(): string {
    return formatHlc(this.last);
  }

  private bumpCounter(): void {
    if (this.last.counter >= MAX_COUNTER) this.last = { ms: this.last.ms + 1, counter: 0, node: this.last.node };
    else this.last = { ...this.last, counter: this.last.counter + 1 };
  }
}
