import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppEnv, ResolvedDeps } from '../context';

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness and database check (no authentication)',
  responses: {
    200: { description: 'The server is up and its database answers', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
    503: {
      description: 'The database does not answer',
      content: { 'application/json': { schema: z.object({ ok: z.literal(false), error: z.string() }) } },
    },
  },
});

export function addHealthRoute(app: OpenAPIHono<AppEnv>, deps: ResolvedDeps): void {
  app.openapi(route, async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      return c.json({ ok: true as const }, 200);
    } catch (error) {
      deps.logger.error('health check failed', { error: (error as Error).message });
      return c.json({ ok: false as const, error: 'database unavailable' }, 503);
    }
  });
}
