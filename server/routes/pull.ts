import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { MAX_PULL_LIMIT, PullResponse } from '../../utils/sync/protocol';
import type { AppEnv, ResolvedDeps } from '../context';
import { pullRecords } from '../store/records';
import { bearerSecurity, errorResponses } from './responses';

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
    ...errorResponses.unauthorized,
  },
});

export function addPullRoute(app: OpenAPIHono<AppEnv>, deps: ResolvedDeps): void {
  app.openapi(route, async (c) => {
    const { cursor, limit } = c.req.valid('query');
    return c.json(await pullRecords(deps.db, c.get('principal').teamId, cursor, limit), 200);
  });
}
