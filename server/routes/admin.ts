import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { Text } from '../../utils/schema';
import type { AppEnv, ResolvedDeps } from '../context';
import { ApiError } from '../errors';
import { refuseFeedUrl } from '../intel/fetch';
import { addAlias, AliasInfo, listAliases, removeAlias, toAliasInfo } from '../store/aliases';
import { addFeed, FeedInfo, listFeeds, removeFeed, toFeedInfo } from '../store/feeds';
import { ROLES } from '../store/schema';
import { ensureUser, insertToken, normalizeEmail, revokeToken } from '../store/tokens';
import { listTeamTokens, listUsers, setRole } from '../store/users';
import { inWriteTransaction } from '../store/write-transaction';
import { adminErrors, bearerSecurity, errorResponses, json } from './responses';

const Role = z.enum(ROLES);
const Email = z.email('must be an e-mail address').max(200).transform(normalizeEmail);
const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id as listed');

const UserInfo = z.object({
  email: z.string(),
  role: Role,
  createdAt: z.string(),
  activeTokens: z.number().int(),
  lastUsedAt: z.string().nullable(),
});
const TokenInfo = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const common = { security: bearerSecurity, tags: ['admin'] };

const routes = {
  listUsers: createRoute({
    ...common,
    method: 'get',
    path: '/v1/admin/users',
    summary: "The team's users with their roles and live token counts",
    responses: { 200: json(z.object({ users: z.array(UserInfo) }), 'Users by e-mail'), ...adminErrors },
  }),
  setRole: createRoute({
    ...common,
    method: 'patch',
    path: '/v1/admin/users/{email}',
    summary: "Change a user's role (a team keeps at least one admin)",
    request: { params: z.object({ email: Email }), ...body(z.object({ role: Role })) },
    responses: {
      200: json(z.object({ email: z.string(), role: Role }), 'The role now held'),
      ...errorResponses.badRequest,
      ...errorResponses.notFound,
      ...errorResponses.conflict,
      ...adminErrors,
    },
  }),
  listTokens: createRoute({
    ...common,
    method: 'get',
    path: '/v1/admin/tokens',
    summary: "The team's tokens, without their secrets",
    responses: { 200: json(z.object({ tokens: z.array(TokenInfo) }), 'Tokens, oldest first'), ...adminErrors },
  }),
  createToken: createRoute({
    ...common,
    method: 'post',
    path: '/v1/admin/tokens',
    summary: 'Create a token for a user of the team (the user is added when new); the token is shown once',
    request: body(z.object({ email: Email, role: Role.optional().describe('For a new user (default member), or a change for an existing one') })),
    responses: {
      201: json(z.object({ id: z.string(), token: z.string(), email: z.string(), role: Role, userCreated: z.boolean() }), 'The new token'),
      ...errorResponses.badRequest,
      ...errorResponses.conflict,
      ...adminErrors,
    },
  }),
  revokeToken: createRoute({
    ...common,
    method: 'delete',
    path: '/v1/admin/tokens/{id}',
    summary: 'Revoke a token of the team',
    request: { params: z.object({ id: Ulid }) },
    responses: {
      200: json(z.object({ id: z.string(), revoked: z.literal(true) }), 'Revoked'),
      ...errorResponses.badRequest,
      ...errorResponses.notFound,
      ...adminErrors,
    },
  }),
  listFeeds: createRoute({
    ...common,
    method: 'get',
    path: '/v1/admin/feeds',
    summary: "The team's RSS and Atom feeds, with the outcome of their last poll",
    responses: { 200: json(z.object({ feeds: z.array(FeedInfo) }), 'Feeds'), ...adminErrors },
  }),
  addFeed: createRoute({
    ...common,
    method: 'post',
    path: '/v1/admin/feeds',
    summary: 'Add an RSS 2.0 or Atom feed; the server polls it on its schedule',
    request: body(
      z.object({
        url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }).max(2000),
        name: Text(120).min(1, 'name is required'),
      }),
    ),
    responses: { 201: json(FeedInfo, 'The feed'), ...errorResponses.badRequest, ...errorResponses.conflict, ...adminErrors },
  }),
  removeFeed: createRoute({
    ...common,
    method: 'delete',
    path: '/v1/admin/feeds/{id}',
    summary: 'Stop polling a feed (the intel it brought stays)',
    request: { params: z.object({ id: Ulid }) },
    responses: { 200: json(z.object({ id: z.string(), removed: z.literal(true) }), 'Removed'), ...errorResponses.badRequest, ...errorResponses.notFound, ...adminErrors },
  }),
  listAliases: createRoute({
    ...common,
    method: 'get',
    path: '/v1/admin/aliases',
    summary: "The team's company aliases (besides the built-in ones such as 领英 = LinkedIn)",
    responses: { 200: json(z.object({ aliases: z.array(AliasInfo) }), 'Aliases'), ...adminErrors },
  }),
  addAlias: createRoute({
    ...common,
    method: 'post',
    path: '/v1/admin/aliases',
    summary: 'Say that a name (or a domain such as acme.com) means a company, for intel matching',
    request: body(z.object({ alias: Text(200).min(2, 'alias needs at least 2 characters'), companyName: Text(200).min(1, 'companyName is required') })),
    responses: { 201: json(AliasInfo, 'The alias'), ...errorResponses.badRequest, ...errorResponses.conflict, ...adminErrors },
  }),
  removeAlias: createRoute({
    ...common,
    method: 'delete',
    path: '/v1/admin/aliases/{id}',
    summary: 'Remove a company alias',
    request: { params: z.object({ id: Ulid }) },
    responses: { 200: json(z.object({ id: z.string(), removed: z.literal(true) }), 'Removed'), ...errorResponses.badRequest, ...errorResponses.notFound, ...adminErrors },
  }),
};

export function addAdminRoutes(app: OpenAPIHono<AppEnv>, deps: ResolvedDeps): void {
  const { db } = deps;
  app.openapi(routes.listUsers, async (c) => c.json({ users: await listUsers(db, c.get('principal').teamId) }, 200));

  app.openapi(routes.setRole, async (c) => {
    const { email } = c.req.valid('param');
    const { role } = c.req.valid('json');
    const outcome = await setRole(db, c.get('principal').teamId, email, role);
    if (outcome === 'no_such_user') throw new ApiError(404, 'not_found', `no user ${email} in your team`);
    if (outcome === 'last_admin') throw new ApiError(409, 'conflict', 'a team needs at least one admin: make someone else admin first');
    deps.logger.info('role changed', { team: c.get('principal').teamId, role });
    return c.json({ email, role }, 200);
  });

  app.openapi(routes.listTokens, async (c) => c.json({ tokens: await listTeamTokens(db, c.get('principal').teamId) }, 200));

  app.openapi(routes.createToken, async (c) => {
    const { email, role } = c.req.valid('json');
    const teamId = c.get('principal').teamId;
    const created = await inWriteTransaction(db, async (trx) => {
      const existing = await trx.selectFrom('users').select(['id', 'role']).where('team_id', '=', teamId).where('email', '=', email).executeTakeFirst();
      if (existing && role !== undefined && role !== existing.role) {
        const outcome = await setRole(trx, teamId, email, role);
        if (outcome === 'last_admin') throw new ApiError(409, 'conflict', 'a team needs at least one admin: make someone else admin first');
      }
      const user = existing ? { id: existing.id, role: role ?? existing.role, created: false } : await ensureUser(trx, teamId, email, role ?? 'member');
      const token = await insertToken(trx, teamId, user.id);
      return { ...token, email, role: user.role, userCreated: user.created };
    });
    deps.logger.info('token created', { team: teamId, tokenId: created.id });
    return c.json(created, 201);
  });

  app.openapi(routes.revokeToken, async (c) => {
    const { id } = c.req.valid('param');
    const teamId = c.get('principal').teamId;
    if (!(await revokeToken(db, id, deps.now(), teamId))) throw new ApiError(404, 'not_found', `no live token ${id} in your team`);
    deps.logger.info('token revoked', { team: teamId, tokenId: id });
    return c.json({ id, revoked: true as const }, 200);
  });

  app.openapi(routes.listFeeds, async (c) => c.json({ feeds: (await listFeeds(db, c.get('principal').teamId)).map(toFeedInfo) }, 200));

  app.openapi(routes.addFeed, async (c) => {
    const { url, name } = c.req.valid('json');
    const problem = refuseFeedUrl(url, { allowPrivate: deps.feedPolicy.allowPrivate ?? false });
    if (problem) throw new ApiError(400, 'invalid_request', `url: ${problem}`);
    const row = await addFeed(db, c.get('principal').teamId, url, name, deps.now());
    if (!row) throw new ApiError(409, 'conflict', 'your team already has a feed at this URL');
    return c.json(toFeedInfo(row), 201);
  });

  app.openapi(routes.removeFeed, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await removeFeed(db, c.get('principal').teamId, id))) throw new ApiError(404, 'not_found', `no feed ${id} in your team`);
    return c.json({ id, removed: true as const }, 200);
  });

  app.openapi(routes.listAliases, async (c) => c.json({ aliases: (await listAliases(db, c.get('principal').teamId)).map(toAliasInfo) }, 200));

  app.openapi(routes.addAlias, async (c) => {
    const { alias, companyName } = c.req.valid('json');
    const row = await addAlias(db, c.get('principal').teamId, alias, companyName, deps.now());
    if (!row) throw new ApiError(409, 'conflict', `the alias ${alias} is already defined in your team`);
    return c.json(toAliasInfo(row), 201);
  });

  app.openapi(routes.removeAlias, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await removeAlias(db, c.get('principal').teamId, id))) throw new ApiError(404, 'not_found', `no alias ${id} in your team`);
    return c.json({ id, removed: true as const }, 200);
  });
}
