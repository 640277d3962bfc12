import { cors } from 'hono/cors';

// Chrome ids are 32 letters a-p, Firefox uses a per-install UUID; both are hosts without ports.
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;

/**
 * The extension reaches the server with plain CORS instead of a host permission (DESIGN §4), so
 * extension origins are allowed and web pages get no Access-Control-Allow-Origin at all.
 */
export const extensionCors = cors({
  origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type'],
  maxAge: 600,
});
