import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

/**
 * Fetching feeds that team admins configure. The server fetches URLs that its users chose, so by
 * default it refuses addresses inside private networks (loopback, RFC 1918, link-local such as
 * cloud metadata at 169.254.169.254, unique-local IPv6), checked on the address actually connected
 * to — after DNS, and again on every redirect. Bodies are capped, time is bounded.
 */
export interface FetchPolicy {
  /** Allow loopback and private addresses (tests serve their feeds on 127.0.0.1; so may an intranet). */
  allowPrivate: boolean;
  timeoutMs: number;
  /** Cap on the decompressed body. */
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = { allowPrivate: false, timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 };

const USER_AGENT = 'ScoutbookFeedPoller/1 (+self-hosted sync API)';

export class FetchError extends Error {
  override name = 'FetchError';
}

export interface Fetched {
  status: 200 | 304;
  body: Buffer;
  contentType: string | undefined;
  etag: string | undefined;
  lastModified: string | undefined;
}

function v4(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** Loopback, private, link-local, CGNAT, multicast and reserved ranges. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) {
    const [a = 0, b = 0] = v4(ip);
    return (
      a === 0 || a === 10 || a === 127 || a >= 224 ||
      (a === 100 && b >= 64 && b < 128) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b < 32) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0 && v4(ip)[2] === 0) ||
      (a === 198 && (b === 18 || b === 19))
    );
  }
  if (family === 6) {
    const x = ip.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(x);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return x === '::' || x === '::1' || /^f[cd]/.test(x) || /^fe[89ab]/.test(x) || /^ff/.test(x) || x.startsWith('64:ff9b:');
  }
  return true;
}

/** Whether a feed URL may be stored under this policy, judged without DNS (literal addresses and localhost). */
export function refuseFeedUrl(raw: string, policy: Pick<FetchPolicy, 'allowPrivate'>): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https feeds are fetched';
  if (url.username || url.password) return 'put no credentials in a feed URL';
  if (policy.allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && isPrivateAddress(host))) {
    return 'feeds on private or loopback addresses are refused (the server can be started with --allow-private-feeds)';
  }
  return undefined;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' }), '', 0);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

export async function fetchFeed(raw: string, policy: FetchPolicy, options: FetchOptions = {}): Promise<Fetched> {
  let url = raw;
  for (let hop = 0; ; hop++) {
    const problem = refuseFeedUrl(url, policy);
    if (problem) throw new FetchError(problem);
    const res = await requestOnce(new URL(url), policy, hop === 0 ? options : { signal: options.signal });
    if ('redirect' in res) {
      if (hop >= policy.maxRedirects) throw new FetchError(`more than ${policy.maxRedirects} redirects`);
      url = new URL(res.redirect, url).toString();
      continue;
    }
    return res;
  }
}

function requestOnce(url: URL, policy: FetchPolicy, options: FetchOptions): Promise<Fetched | { redirect: string }> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!policy.allowPrivate && isIP(host) && isPrivateAddress(host)) {
      reject(new FetchError('feeds on private or loopback addresses are refused'));
      return;
    }
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: 'GET', headers, lookup: guardedLookup(policy.allowPrivate) as never, signal: options.signal });
    const timer = setTimeout(() => req.destroy(new FetchError(`no complete answer within ${policy.timeoutMs} ms`)), policy.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error instanceof FetchError ? error : new FetchError(error.message));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const header = (name: string) => {
        const v = res.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      if (status >= 300 && status < 400 && status !== 304 && header('location')) {
        res.resume();
        clearTimeout(timer);
        resolve({ redirect: header('location')! });
        return;
      }
      if (status !== 200 && status !== 304) {
        res.resume();
        fail(new FetchError(`HTTP ${status}`));
        return;
      }
      const encoding = (header('content-encoding') ?? '').toLowerCase().trim();
      let stream: Readable = res;
      if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
      else if (encoding === 'deflate') stream = res.pipe(createInflate());
      else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
      const parts: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > policy.maxBytes) {
          req.destroy();
          stream.destroy();
          fail(new FetchError(`feed is larger than ${policy.maxBytes} bytes`));
          return;
        }
        parts.push(chunk);
      });
      stream.on('error', fail);
      stream.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: status as 200 | 304,
          body: Buffer.concat(parts),
          contentType: header('content-type'),
          etag: header('etag'),
          lastModified: header('last-modified'),
        });
      });
    });
    req.end();
  });
}

/** Text of a feed body: BOM, then the XML declaration's encoding, then the Content-Type charset, else UTF-8. */
export function decodeFeed(body: Buffer, contentType?: string): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return new TextDecoder('utf-8').decode(body.subarray(3));
  if (body[0] === 0xff && body[1] === 0xfe) return new TextDecoder('utf-16le').decode(body.subarray(2));
  if (body[0] === 0xfe && body[1] === 0xff) return new TextDecoder('utf-16be').decode(body.subarray(2));
  const head = body.subarray(0, 300).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
