import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ResolvedDeps } from './context';
import { ApiError } from './errors';
import { authenticate } from './store/tokens';

/** Admits requests with a live bearer token and remembers whose team they act for. */
export function requireToken(deps: ResolvedDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (token === undefined) throw new ApiError(401, 'unauthorized', 'missing bearer token: send "Authorization: Bearer <token>"');
    const principal = await authenticate(deps.db, token, deps.now());
    if (!principal) throw new ApiError(401, 'unauthorized', 'the token is not valid or has been revoked');
    c.set('principal', principal);
    await next();
  };
}
