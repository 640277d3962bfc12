import { Agent, request } from 'node:http';
import { ulid } from 'ulidx';
import { formatHlc } from '../../utils/sync/hlc';
import type { Mutation, PushRequest } from '../../utils/sync/protocol';

/**
 * A closed-loop HTTP load generator for the sync API: `concurrency` workers each send one request,
 * wait for the answer, and send the next, over keep-alive connections to 127.0.0.1 only. Bounded
 * by a number of requests and a duration, whichever comes first.
 */
export interface LoadOptions {
  /** Base URL of a running server; must be on the loopback interface. */
  url: string;
  tokens: string[];
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  /** Builds request i (path, method, body). */
  next: (i: number) => { method: 'GET' | 'POST'; path: string; body?: string; token: string };
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** First few error descriptions. */
  errorSamples: string[];
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== '::1' && host !== '[::1]' && host !== 'localhost') {
    throw new Error(`the load generator only targets the loopback interface, not ${host}`);
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  assertLoopback(options.url);
  const base = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  const once = (i: number) =>
    new Promise<void>((resolve) => {
      const r = options.next(i);
      const t0 = performance.now();
      const req = request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method: r.method,
          path: r.path,
          headers: { authorization: `Bearer ${r.token}`, ...(r.body !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) }) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            if (res.statusCode !== 200) {
              errors += 1;
              if (errorSamples.length < 5) errorSamples.push(`${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`);
            }
            resolve();
          });
        },
      );
      req.on('error', (e) => {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(e.message);
        resolve();
      });
      req.end(r.body);
    });

  const worker = async () => {
    while (issued < options.maxRequests && performance.now() < deadline) await once(issued++);
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
    errorSamples,
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let idPrefix = ulid().slice(0, 16);
let idCounter = 0;

/** Unique ULID-shaped ids, fast: one random prefix, then a counter (ulid() draws random bytes per character). */
export function loadId(): string {
  if (idCounter >= 32 ** 10) {
    idPrefix = ulid().slice(0, 16);
    idCounter = 0;
  }
  let n = idCounter++;
  let tail = '';
  for (let i = 0; i < 10; i++) {
    tail = CROCKFORD[n % 32]! + tail;
    n = Math.floor(n / 32);
  }
  return idPrefix + tail;
}

/** A push batch of `size` new people, with clocks from `node`. */
export function personBatch(size: number, node: string, at = Date.now()): PushRequest {
  const mutations: Mutation[] = Array.from({ length: size }, (_, i) => {
    const id = loadId();
    const slug = `load-${id.toLowerCase()}`;
    return {
      mutationId: loadId(),
      entity: 'person',
      id,
      hlc: formatHlc({ ms: at, counter: i, node }),
      fields: {
        name: `Load Person ${i}`,
        headline: 'Senior Engineer at Example',
        companyName: 'Example',
        createdAt: at,
        profileKeys: [`linkedin:in/${slug}`],
        profileUrl: `https://www.linkedin.com/in/${slug}`,
        tags: ['load'],
      },
    };
  });
  return { clientId: node, mutations };
}
