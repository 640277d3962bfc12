import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ProfileKey } from '../../utils/schema';
import type { AppEnv, ResolvedDeps } from '../context';
import { ApiError } from '../errors';
import { AlertsResponse, MAX_OWNER_KEYS, MeResponse, OwnersResponse } from '../../utils/sync/protocol';
import { listAlerts } from '../store/alerts';
import { findOwners } from '../store/owners';
import { authErrors, bearerSecurity, errorResponses, json } from './responses';

export { MAX_OWNER_KEYS };
export const MAX_ALERTS_LIMIT = 500;

const meRoute = createRoute({
  method: 'get',
  path: '/v1/me',
  summary: "Who the token acts for: \"you are X in team Y\"; the e-mail is the owner id the extension writes",
  security: bearerSecurity,
  responses: { 200: json(MeResponse, 'The token’s user and team'), ...authErrors },
});

const OwnersQuery = z.object({
  keys: z
    .string()
    .min(1, 'give at least one profile key')
    .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(ProfileKey).min(1, 'give at least one profile key').max(MAX_OWNER_KEYS, `at most ${MAX_OWNER_KEYS} keys`))
    .describe('Comma-separated profile keys, e.g. linkedin:in/jane-doe,maimai:dstu/123'),
});

const ownersRoute = createRoute({
  method: 'get',
  path: '/v1/owners',
  summary: 'Who on the team owns each person: their pipeline entries (owner, pipeline, stage) by profile key',
  security: bearerSecurity,
  request: { query: OwnersQuery },
  responses: { 200: json(OwnersResponse, 'One result per key, in the order given'), ...errorResponses.badRequest, ...authErrors },
});

const AlertsQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0).describe('The cursor of the previous answer; 0 for all'),
  limit: z.coerce.number().int().min(1).max(MAX_ALERTS_LIMIT).default(100),
});

const alertsRoute = createRoute({
  method: 'get',
  path: '/v1/alerts',
  summary: "The calling user's alerts after a cursor: teammates adding or moving your people, your people's job changes",
  security: bearerSecurity,
  request: { query: AlertsQuery },
  responses: { 200: json(AlertsResponse, 'One page of alerts, oldest first'), ...errorResponses.badRequest, ...authErrors },
});

export function addTeamRoutes(app: OpenAPIHono<AppEnv>, deps: ResolvedDeps): void {
  app.openapi(meRoute, (c) => {
    const p = c.get('principal');
    return c.json({ team: p.teamName, user: { email: p.email, role: p.role } }, 200);
  });
  app.openapi(ownersRoute, async (c) => {
    const { keys } = c.req.valid('query');
    return c.json({ owners: await findOwners(deps.db, c.get('principal').teamId, keys) }, 200);
  });
  app.openapi(alertsRoute, async (c) => {
    const { since, limit } = c.req.valid('query');
    const p = c.get('principal');
    if (!Number.isSafeInteger(since)) throw new ApiError(400, 'invalid_request', 'since: too large');
    return c.json(await listAlerts(deps.db, p.teamId, p.userId, since, limit), 200);
  });
}
