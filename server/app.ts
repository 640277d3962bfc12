import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import { describeZodError } from '../utils/schema';
import { rateLimit, requireAdmin, requireToken } from './auth';
import { resolveDeps, type AppDeps, type AppEnv, type ResolvedDeps } from './context';
import { extensionCors } from './cors';
import { DOCS_HEADERS, DOCS_HTML } from './docs';
import { ApiError } from './errors';
import { addAdminRoutes } from './routes/admin';
import { addHealthRoute } from './routes/health';
import { addIntelRoute } from './routes/intel';
import { addPullRoute } from './routes/pull';
import { nodeRequest } from './json-body';
import { addPushRoute, MAX_BODY_BYTES, PUSH_PATH } from './routes/push';
import { addTeamRoutes } from './routes/team';

export { MAX_BODY_BYTES };

/** The sync API as a fetch handler: no listening, so tests can call `app.request()`. */
export function createApp(options: AppDeps): OpenAPIHono<AppEnv> {
  const deps = resolveDeps(options);
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ApiError(400, 'invalid_request', describeZodError(result.error));
    },
  });

  app.use('*', requestLog(deps));
  app.use('*', extensionCors);
  app.use('/v1/*', requireToken(deps));
  app.use('/v1/*', rateLimit(deps));
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `request body is larger than ${MAX_BODY_BYTES} bytes`);
    },
  });
  // Only requests that may carry a body: looking for one makes the Node adapter build a full
  // Request object, a cost every pull would pay for nothing. A push served by Node reads its
  // Node stream itself, within the same limit (json-body.ts).
  app.use('/v1/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || (c.req.path === PUSH_PATH && nodeRequest(c)) ? next() : limitBody(c, next),
  );
  app.use('/v1/admin/*', requireAdmin);

  addHealthRoute(app, deps);
  addPushRoute(app, deps);
  addPullRoute(app, deps);
  addIntelRoute(app, deps);
  addTeamRoutes(app, deps);
  addAdminRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'Scoutbook sync API', version: '1' } });
  app.get('/docs', (c) => c.body(DOCS_HTML, 200, DOCS_HEADERS));

  app.notFound((c) => c.json(new ApiError(404, 'not_found', `no route for ${c.req.method} ${c.req.path}`).toBody(), 404));
  app.onError((error, c) => respondToError(error, c, deps));
  return app;
}

/** The route pattern that handled the request (`/v1/admin/tokens/:id`), never the path with its ids. */
function routePattern(c: Context): string | null {
  const handler = matchedRoutes(c)
    .filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'))
    .at(-1);
  return handler?.path ?? null;
}

/**
 * One JSON line per request: method, route pattern, status, duration, team id. Never the URL's
 * query or path values, headers or bodies — they carry tokens, profile keys and note text.
 */
function requestLog(deps: ResolvedDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info('request', {
      method: c.req.method,
      route: routePattern(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      team: c.get('principal')?.teamId ?? null,
    });
  };
}

function respondToError(error: Error, c: Context<AppEnv>, deps: ResolvedDeps): Response {
  const known = asApiError(error);
  if (known) {
    const headers: Record<string, string> = { ...known.headers, ...(known.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}) };
    return c.json(known.toBody(), known.status, headers);
  }
  // Route pattern and the error only: headers and bodies hold tokens and note text.
  deps.logger.error('unhandled error', {
    method: c.req.method,
    route: routePattern(c),
    team: c.get('principal')?.teamId ?? null,
    error: error.stack ?? `${error.name}: ${error.message}`,
  });
  return c.json(new ApiError(500, 'internal', 'internal server error').toBody(), 500);
}

/** Hono's own exceptions come from its body parsing and media-type checks, before any route runs. */
function asApiError(error: Error): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (!(error instanceof HTTPException)) return undefined;
  switch (error.status) {
    case 400:
      return new ApiError(400, 'invalid_json', 'request body is not valid JSON');
    case 413:
      return new ApiError(413, 'payload_too_large', `request body is larger than ${MAX_BODY_BYTES} bytes`);
    case 415:
      return new ApiError(415, 'unsupported_media_type', 'send the request body as application/json');
    default:
      return undefined;
  }
}
