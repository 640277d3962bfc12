import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { PushRequest, PushResponse } from '../../utils/sync/protocol';
import type { AppEnv, ResolvedDeps } from '../context';
import { parseJsonBody } from '../json-body';
import { createPushQueue } from '../push-queue';
import { authErrors, bearerSecurity, errorResponses } from './responses';

export const PUSH_PATH = '/v1/sync/push';
/** A full push batch of long notes stays under this; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

const route = createRoute({
  method: 'post',
  path: PUSH_PATH,
  summary: "Apply a batch of mutations to the team's records, all or nothing",
  security: bearerSecurity,
  request: { body: { content: { 'application/json': { schema: PushRequest } }, required: true } },
  responses: {
    200: { description: 'The batch was applied', content: { 'application/json': { schema: PushResponse } } },
    ...errorResponses.badRequest,
    ...errorResponses.payloadTooLarge,
    ...authErrors,
  },
});

/**
 * Published in the OpenAPI document like every route, but served by a plain handler that reads and
 * validates the body itself (json-body.ts): the push is the hot write path.
 */
export function addPushRoute(app: OpenAPIHono<AppEnv>, deps: ResolvedDeps): void {
  app.openAPIRegistry.registerPath(route);
  // Pushes that arrive together are committed together on SQLite (push-queue.ts).
  const queue = createPushQueue(deps.db);
  app.post(PUSH_PATH, async (c) => {
    const { mutations } = await parseJsonBody(c, PushRequest, MAX_BODY_BYTES);
    const { teamId, email } = c.get('principal');
    return c.json(await queue.push({ teamId, email }, mutations, deps.now()), 200);
  });
}
