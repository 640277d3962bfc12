import { z } from 'zod';
import { DEFAULT_HOST, DEFAULT_PORT } from '../defaults';
import { startServer } from '../main';
import { checked, dbLocation } from './options';
import type { Values } from './usage-error';

/** Serves until SIGINT or SIGTERM, then closes the server and the database before returning. */
export async function serve(values: Values): Promise<number> {
  const port = checked(z.coerce.number().int().min(0).max(65_535), values.port ?? String(DEFAULT_PORT), 'port');
  const server = await startServer({ db: dbLocation(values), port, host: values.host ?? DEFAULT_HOST });
  console.log(`Scoutbook sync API listening on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.error(`${signal}: shutting down`);
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
