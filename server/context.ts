import type { Kysely } from 'kysely';
import type { FetchPolicy } from './intel/fetch';
import { createLogger, stderrSink, type Logger, type LogSink } from './logger';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitConfig } from './rate-limit';
import type { Database } from './store/schema';
import type { Principal } from './store/tokens';

export interface AppDeps {
  db: Kysely<Database>;
  /** Injected so that tests can move time; defaults to the wall clock. */
  now?: () => Date;
  /** Where log lines (one JSON object each) go; defaults to stderr. */
  log?: LogSink;
  /** Per-token request budget (or a limiter, e.g. with a test clock); false turns it off. Defaults to DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitConfig | RateLimiter | false;
  /** How feeds may be fetched when an admin adds one (e.g. whether private addresses are allowed). */
  feedPolicy?: Partial<FetchPolicy>;
}

export interface ResolvedDeps {
  db: Kysely<Database>;
  now: () => Date;
  logger: Logger;
  limiter: RateLimiter | undefined;
  feedPolicy: Partial<FetchPolicy>;
}

export function resolveDeps(options: AppDeps): ResolvedDeps {
  const now = options.now ?? (() => new Date());
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  return {
    db: options.db,
    now,
    logger: createLogger(options.log ?? stderrSink, now),
    limiter: rateLimit === false ? undefined : rateLimit instanceof RateLimiter ? rateLimit : new RateLimiter(rateLimit),
    feedPolicy: options.feedPolicy ?? {},
  };
}

export interface AppEnv {
  Variables: { principal: Principal };
}
