import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { MAX_PULL_LIMIT, PullResponse } from '../../utils/sync/protocol';
import type { AppEnv, ResolvedDeps } from '../context';
import { pullRecordsJson } from '../store/records';
import { authErrors, bearerSecurity, errorResponses } from './responses';

export const DEFAULT_PULL_LIMIT = 500;

const PullQuery = z.object({
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});

const route = createRoute({
  method: 'get',
  path: '/v1/sync/pull',
  summary: "The team's records changed after a cursor, in sequence order",
  security: bearerSecurity,
  request: { query: PullQuery },
  responses: {
    200: { description: 'One page of records', content: { 'application/json': { schema: PullResponse } } },
    ...errorResponses.badRequest,
    ...authErrors,
  },
});

export function addPullRoute(app: OpenAPIHono<AppEnv>, deps: ResolvedDeps): void {
  app.openapi(route, async (c) => {
    const { cursor, limit } = c.req.valid('query');
    // Spliced from the stored JSON rather than parsed and serialised again: pulls are the hot path.
    const body = await pullRecordsJson(deps.db, c.get('principal').teamId, cursor, limit);
    return c.body(body, 200, { 'content-type': 'application/json' }) as unknown as ReturnType<typeof c.json<PullResponse, 200>>;
  });
}
