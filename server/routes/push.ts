import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { PushRequest, PushResponse } from '../../utils/sync/protocol';
import { applyPush } from '../apply-push';
import type { AppEnv, ResolvedDeps } from '../context';
import { authErrors, bearerSecurity, errorResponses } from './responses';

const route = createRoute({
  method: 'post',
  path: '/v1/sync/push',
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

export function addPushRoute(app: OpenAPIHono<AppEnv>, deps: ResolvedDeps): void {
  app.openapi(route, async (c) => {
    const { mutations } = c.req.valid('json');
    const { teamId, email } = c.get('principal');
    return c.json(await applyPush(deps.db, { teamId, email }, mutations, deps.now()), 200);
  });
}
