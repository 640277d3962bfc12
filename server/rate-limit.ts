/**
 * Per-token request budget: an in-memory token bucket. Each token starts with `burst` requests and
 * regains `perSecond` of them per second, up to `burst`. Memory stays bounded: buckets that have
 * refilled completely carry no information and are swept once the map grows.
 */
export interface RateLimitConfig {
  /** Sustained requests per second per token. */
  perSecond: number;
  /** Requests a token may make at once after being idle. */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { perSecond: 50, burst: 300 };

interface Bucket {
  tokens: number;
  at: number;
}

const SWEEP_ABOVE = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly config: RateLimitConfig,
    private readonly clock: () => number = () => performance.now(),
  ) {
    if (!(config.perSecond > 0) || !(config.burst >= 1)) throw new Error('rate limit needs perSecond > 0 and burst ≥ 1');
  }

  /** Takes one request from `key`'s budget: 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const now = this.clock();
    const { perSecond, burst } = this.config;
    const held = this.buckets.get(key);
    const tokens = held ? Math.min(burst, held.tokens + ((now - held.at) / 1000) * perSecond) : burst;
    if (tokens >= 1) {
      if (!held && this.buckets.size >= SWEEP_ABOVE) this.sweep(now);
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return (1 - tokens) / perSecond;
  }

  private sweep(now: number): void {
    const full = (this.config.burst / this.config.perSecond) * 1000;
    for (const [key, b] of this.buckets) if (now - b.at >= full) this.buckets.delete(key);
  }
}
