import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { AppDeps } from './context';
import { DEFAULT_HOST, DEFAULT_PORT } from './defaults';
import type { FetchPolicy } from './intel/fetch';
import { DEFAULT_POLL_INTERVAL_MS, FeedPoller } from './intel/poller';
import { createLogger, stderrSink } from './logger';
import type { RateLimitConfig } from './rate-limit';
import { prune } from './store/maintenance';
import { openStore, type Store } from './store/open';

export interface ServerOptions {
  /** postgres:// URL, SQLite file path or `:memory:`. */
  db: string;
  /** 0 picks a free port; the returned url tells which. */
  port?: number;
  host?: string;
  log?: AppDeps['log'];
  rateLimit?: RateLimitConfig | false;
  /** Feed polling: the interval, or false for none (tests). Defaults to every 30 minutes. */
  poll?: { intervalMs: number } | false;
  feedPolicy?: Partial<FetchPolicy>;
  /** Days to keep applied mutation ids (see store/maintenance.ts). */
  keepMutationIdsDays?: number;
  /** How long close() lets requests in progress finish before it cuts their connections. */
  drainMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The open database, e.g. for tests that create tokens in-process. */
  store: Store;
  poller: FeedPoller | undefined;
  /** Stops accepting connections, lets requests in progress finish, then closes the database. */
  close(): Promise<void>;
}

const MAINTENANCE_EVERY_MS = 6 * 3600_000;

/** Opens the database and serves the sync API on it until `close()`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const sink = options.log ?? stderrSink;
  const logger = createLogger(sink);
  const store = await openStore(options.db, {
    backgroundCheckpoints: { onError: (reason) => logger.warn('background checkpoint failed; SQLite checkpoints in line again', { reason }) },
  });
  const app = createApp({
    db: store.db,
    log: sink,
    ...(options.rateLimit !== undefined && { rateLimit: options.rateLimit }),
    ...(options.feedPolicy && { feedPolicy: options.feedPolicy }),
  });
  const host = options.host ?? DEFAULT_HOST;
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    await store.close();
    throw error;
  }

  // Requests in progress, so that close() can wait for them (graceful shutdown).
  let inFlight = 0;
  let closing = false;
  const drained: (() => void)[] = [];
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    // While closing, finished responses tell keep-alive clients to go away.
    if (closing && !res.headersSent) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight -= 1;
      if (closing) {
        setImmediate(() => 'closeIdleConnections' in server && server.closeIdleConnections());
        if (inFlight === 0) for (const done of drained.splice(0)) done();
      }
    });
  });

  const poller =
    options.poll === false ? undefined : new FeedPoller(store.db, { intervalMs: options.poll?.intervalMs ?? DEFAULT_POLL_INTERVAL_MS, policy: options.feedPolicy, logger });
  poller?.start();
  const maintain = () =>
    prune(store.db, new Date(), { mutationIdDays: options.keepMutationIdsDays })
      .then((r) => (r.mutationIds || r.alerts ? logger.info('pruned', { mutationIds: r.mutationIds, alerts: r.alerts }) : undefined))
      .catch((error: Error) => logger.error('prune failed', { error: error.message }));
  const maintenance = setInterval(maintain, MAINTENANCE_EVERY_MS);
  maintenance.unref();
  void maintain();

  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    store,
    poller,
    close: () =>
      (closed ??= (async () => {
        closing = true;
        clearInterval(maintenance);
        await poller?.stop();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive connections would otherwise hold close() open for seconds.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        if (inFlight > 0) {
          const drainMs = options.drainMs ?? 10_000;
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([new Promise<void>((r) => drained.push(r)), new Promise<void>((r) => (timer = setTimeout(r, drainMs)))]);
          clearTimeout(timer);
        }
        if ('closeAllConnections' in server) server.closeAllConnections();
        await stopped;
        await store.close();
      })()),
  };
}
