import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { z } from 'zod';
import { describeZodError } from '../utils/schema';
import { ApiError } from './errors';
import { fastParse } from './record-check';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** The Node request behind a Hono context, when served by @hono/node-server (not in app.request()). */
export function nodeRequest(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, 'payload_too_large', `request body is larger than ${maxBytes} bytes`);
}

function readIncoming(incoming: IncomingMessage, maxBytes: number): Promise<string> {
  if (Number(incoming.headers['content-length'] ?? 0) > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      incoming.off('data', onData);
      incoming.resume();
      reject(tooLarge(maxBytes));
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    incoming.once('error', reject);
  });
}

/**
 * A JSON body parsed and checked synchronously, for the hot push route: read straight from the Node
 * stream (Hono would build a fetch Request and a web stream around it first) and validated by the
 * check compiled from the zod schema (record-check.ts), with zod's synchronous safeParse deciding
 * whatever that check refuses. Same answers as the middleware: 415, 413, 400 invalid_json, 400
 * invalid_request. Outside Node (tests' app.request) the body limit middleware has already run.
 */
export async function parseJsonBody<T>(c: Context, schema: z.ZodType<T>, maxBytes: number): Promise<T> {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'send the request body as application/json');
  }
  const incoming = nodeRequest(c);
  const text = incoming ? await readIncoming(incoming, maxBytes) : await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'request body is not valid JSON');
  }
  // The compiled check gives zod's output when it accepts (record-check.ts); otherwise zod decides and words the error.
  const fast = fastParse(schema, json);
  if (fast) return fast.data;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(400, 'invalid_request', describeZodError(parsed.error));
  return parsed.data;
}
