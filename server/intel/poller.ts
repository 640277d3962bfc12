import type { Kysely } from 'kysely';
import type { Logger } from '../logger';
import { feedsDue, listFeeds, recordPoll } from '../store/feeds';
import type { Database, FeedsTable } from '../store/schema';
import type { KnownCompany } from './companies';
import { decodeFeed, DEFAULT_FETCH_POLICY, fetchFeed, type FetchPolicy } from './fetch';
import { ingestFeed, loadKnownCompanies } from './ingest';

type Db = Kysely<Database>;

export const DEFAULT_POLL_INTERVAL_MS = 30 * 60_000;

export interface PollOutcome {
  feedId: string;
  teamId: string;
  name: string;
  ok: boolean;
  notModified?: boolean;
  items?: number;
  added?: number;
  duplicates?: number;
  error?: string;
}

/** Fetches one feed (conditionally, with its ETag and Last-Modified) and stores its new stories. */
export async function pollFeed(
  db: Db,
  feed: FeedsTable,
  options: { policy?: Partial<FetchPolicy>; now?: () => Date; signal?: AbortSignal; known?: KnownCompany[] } = {},
): Promise<PollOutcome> {
  const now = options.now ?? (() => new Date());
  const policy = { ...DEFAULT_FETCH_POLICY, ...options.policy };
  const base = { feedId: feed.id, teamId: feed.team_id, name: feed.name };
  try {
    const fetched = await fetchFeed(feed.url, policy, { etag: feed.etag, lastModified: feed.last_modified, signal: options.signal });
    if (fetched.status === 304) {
      await recordPoll(db, feed.id, { at: now(), ok: true, added: 0 });
      return { ...base, ok: true, notModified: true, items: 0, added: 0, duplicates: 0 };
    }
    const result = await ingestFeed(db, feed.team_id, decodeFeed(fetched.body, fetched.contentType), {
      source: feed.name,
      feedId: feed.id,
      now: now(),
      ...(options.known && { known: options.known }),
    });
    if (result.format === 'unknown' && result.items === 0) throw new Error('the answer is not an RSS or Atom feed');
    await recordPoll(db, feed.id, { at: now(), ok: true, added: result.added, etag: fetched.etag ?? null, lastModified: fetched.lastModified ?? null });
    return { ...base, ok: true, items: result.items, added: result.added, duplicates: result.duplicates };
  } catch (error) {
    const message = (error as Error).message;
    await recordPoll(db, feed.id, { at: now(), ok: false, error: message }).catch(() => {});
    return { ...base, ok: false, error: message };
  }
}

/** Polls feeds one after another, loading each team's known companies once per round. */
export async function pollFeeds(
  db: Db,
  feeds: readonly FeedsTable[],
  options: { policy?: Partial<FetchPolicy>; now?: () => Date; signal?: AbortSignal; logger?: Logger } = {},
): Promise<PollOutcome[]> {
  const outcomes: PollOutcome[] = [];
  const known = new Map<string, KnownCompany[]>();
  for (const feed of feeds) {
    if (options.signal?.aborted) break;
    if (!known.has(feed.team_id)) known.set(feed.team_id, await loadKnownCompanies(db, feed.team_id));
    const started = performance.now();
    const outcome = await pollFeed(db, feed, { ...options, known: known.get(feed.team_id)! });
    // The feed's URL may carry a private key in its query: logs name the feed by id.
    options.logger?.[outcome.ok ? 'info' : 'warn']('feed polled', {
      team: feed.team_id,
      feed: feed.id,
      ok: outcome.ok,
      added: outcome.added,
      duplicates: outcome.duplicates,
      notModified: outcome.notModified,
      error: outcome.error,
      ms: Math.round(performance.now() - started),
    });
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Every feed of a team, due or not: `feed poll` from the CLI. */
export async function pollTeamFeeds(db: Db, teamId: string, options: { policy?: Partial<FetchPolicy>; logger?: Logger } = {}): Promise<PollOutcome[]> {
  return pollFeeds(db, await listFeeds(db, teamId), options);
}

/**
 * The serve process's schedule: every feed is polled when its last poll is `intervalMs` old.
 * Checks run every minute (or every interval, when shorter), so that a newly added feed is
 * fetched soon. One round at a time; stop() aborts a fetch in progress and waits for the round.
 */
export class FeedPoller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly db: Db,
    private readonly options: { intervalMs: number; policy?: Partial<FetchPolicy>; logger?: Logger; now?: () => Date },
  ) {}

  start(): void {
    const every = Math.max(50, Math.min(this.options.intervalMs, 60_000));
    this.timer = setInterval(() => void this.tick(), every);
    this.timer.unref();
    void this.tick();
  }

  /** One round now, unless one is running. */
  tick(): Promise<unknown> {
    if (this.running || this.abort.signal.aborted) return this.running ?? Promise.resolve();
    const now = this.options.now ?? (() => new Date());
    this.running = feedsDue(this.db, this.options.intervalMs, now())
      .then((due) => pollFeeds(this.db, due, { ...this.options, signal: this.abort.signal }))
      .catch((error: Error) => this.options.logger?.error('feed poll round failed', { error: error.message }))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.abort.abort();
    await this.running;
  }
}
