import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { describeZodError } from '../utils/schema';
import { requireToken } from './auth';
import type { AppDeps, AppEnv, ResolvedDeps } from './context';
import { extensionCors } from './cors';
import { ApiError } from './errors';
import { addHealthRoute } from './routes/health';
import { addIntelRoute } from './routes/intel';
import { addPullRoute } from './routes/pull';
import { addPushRoute } from './routes/push';

/** A full push batch of long notes stays under this; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The sync API as a fetch handler: no listening, so tests can call `app.request()`. */
export function createApp(options: AppDeps): OpenAPIHono<AppEnv> {
  const deps: ResolvedDeps = {
    now: () => new Date(),
    log: (line) => console.error(line),
    ...options,
  };
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ApiError(400, 'invalid_request', describeZodError(result.error));
    },
  });

  app.use('*', extensionCors);
  app.use('/v1/*', requireToken(deps));
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `request body is larger than ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );

  addHealthRoute(app);
  addPushRoute(app, deps);
  addPullRoute(app, deps);
  addIntelRoute(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'Scoutbook sync API', version: '1' } });

  app.notFound((c) => c.json(new ApiError(404, 'not_found', `no route for ${c.req.method} ${c.req.path}`).toBody(), 404));
  app.onError((error, c) => respondToError(error, c, deps));
  return app;
}

function respondToError(error: Error, c: Context<AppEnv>, deps: ResolvedDeps): Response {
  const known = asApiError(error);
  if (known) {
    const headers: Record<string, string> = known.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
    return c.json(known.toBody(), known.status, headers);
  }
  // Method, path (without the query) and the error only: headers and bodies hold tokens and note text.
  deps.log(`${c.req.method} ${c.req.path} failed: ${error.stack ?? `${error.name}: ${error.message}`}`);
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
