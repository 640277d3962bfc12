import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ProfileKey, Text } from '../../utils/schema';
import type { AppEnv, ResolvedDeps } from '../context';
import { ApiError } from '../errors';
import { findIntel, INTEL_LOOKUP_LIMIT, ServedIntelItem } from '../store/intel';
import { authErrors, bearerSecurity, errorResponses } from './responses';

const IntelQuery = z.object({
  companyKey: ProfileKey.optional(),
  companyName: Text(200).min(1).optional(),
});

const route = createRoute({
  method: 'get',
  path: '/v1/intel',
  summary: "The team's intel about a company, by profile key or name (any case, aliases such as 领英 = LinkedIn included), newest first",
  security: bearerSecurity,
  request: { query: IntelQuery },
  responses: {
    200: {
      description: `At most ${INTEL_LOOKUP_LIMIT} items`,
      content: { 'application/json': { schema: z.object({ items: z.array(ServedIntelItem) }) } },
    },
    ...errorResponses.badRequest,
    ...authErrors,
  },
});

export function addIntelRoute(app: OpenAPIHono<AppEnv>, deps: ResolvedDeps): void {
  app.openapi(route, async (c) => {
    const { companyKey, companyName } = c.req.valid('query');
    if (companyKey === undefined && companyName === undefined) {
      throw new ApiError(400, 'invalid_request', 'give companyKey or companyName');
    }
    const items = await findIntel(deps.db, c.get('principal').teamId, { key: companyKey, name: companyName });
    return c.json({ items }, 200);
  });
}
