import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../context';

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness check (no authentication)',
  responses: {
    200: { description: 'The server is up', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
  },
});

export function addHealthRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, (c) => c.json({ ok: true as const }, 200));
}
