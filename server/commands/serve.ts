import { z } from 'zod';
import { DEFAULT_HOST, DEFAULT_PORT } from '../defaults';
import { DEFAULT_RATE_LIMIT } from '../rate-limit';
import { DEFAULT_POLL_INTERVAL_MS } from '../intel/poller';
import { createLogger, stderrSink } from '../logger';
import { startServer } from '../main';
import { checked, dbLocation, durationMs } from './options';
import type { Values } from './usage-error';

/** Serves until SIGINT or SIGTERM, then lets requests in progress finish and closes the database. */
export async function serve(values: Values): Promise<number> {
  const port = checked(z.coerce.number().int().min(0).max(65_535), values.port ?? String(DEFAULT_PORT), 'port');
  const perSecond = checked(z.coerce.number().min(0), values['rate-limit'] ?? String(DEFAULT_RATE_LIMIT.perSecond), 'rate-limit');
  const burst = checked(z.coerce.number().int().min(1), values['rate-burst'] ?? String(Math.max(DEFAULT_RATE_LIMIT.burst, perSecond)), 'rate-burst');
  const keepDays = values['keep-days'] === undefined ? undefined : checked(z.coerce.number().min(1), values['keep-days'], 'keep-days');
  const server = await startServer({
    db: dbLocation(values),
    port,
    host: values.host ?? DEFAULT_HOST,
    rateLimit: perSecond === 0 ? false : { perSecond, burst },
    poll: values['no-poll'] ? false : { intervalMs: values['poll-interval'] ? durationMs(values['poll-interval'], 'poll-interval') : DEFAULT_POLL_INTERVAL_MS },
    feedPolicy: { allowPrivate: values['allow-private-feeds'] ?? false },
    ...(keepDays !== undefined && { keepMutationIdsDays: keepDays }),
  });
  console.log(`Scoutbook sync API listening on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      createLogger(stderrSink).info('shutting down', { signal });
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
