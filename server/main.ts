import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { AppDeps } from './context';
import { DEFAULT_HOST, DEFAULT_PORT } from './defaults';
import { openStore, type Store } from './store/open';

export interface ServerOptions {
  /** postgres:// URL, SQLite file path or `:memory:`. */
  db: string;
  /** 0 picks a free port; the returned url tells which. */
  port?: number;
  host?: string;
  log?: AppDeps['log'];
}

export interface RunningServer {
  url: string;
  port: number;
  /** The open database, e.g. for tests that create tokens in-process. */
  store: Store;
  close(): Promise<void>;
}

/** Opens the database and serves the sync API on it until `close()`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = await openStore(options.db);
  const app = createApp({ db: store.db, ...(options.log && { log: options.log }) });
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
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    store,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive connections would otherwise hold close() open for seconds.
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await store.close();
      })()),
  };
}
