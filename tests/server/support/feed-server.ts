import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface FeedRoute {
  body: string | Buffer;
  type?: string;
  status?: number;
  etag?: string;
  gzip?: boolean;
  location?: string;
}

/** A tiny HTTP server on 127.0.0.1 serving feeds to the poller, and counting what it was asked. */
export class FeedServer {
  readonly routes = new Map<string, FeedRoute>();
  readonly hits: { path: string; ifNoneMatch?: string }[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? '/';
      this.hits.push({ path, ...(req.headers['if-none-match'] && { ifNoneMatch: String(req.headers['if-none-match']) }) });
      const route = this.routes.get(path);
      if (!route) {
        res.writeHead(404).end('not found');
        return;
      }
      if (route.location) {
        res.writeHead(route.status ?? 302, { location: route.location }).end();
        return;
      }
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag }).end();
        return;
      }
      const headers: Record<string, string> = { 'content-type': route.type ?? 'application/rss+xml; charset=utf-8' };
      if (route.etag) headers.etag = route.etag;
      let body = typeof route.body === 'string' ? Buffer.from(route.body) : route.body;
      if (route.gzip) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(route.status ?? 200, headers).end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
