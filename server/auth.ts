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

/** Spends one request of the token's budget; 429 with Retry-After (whole seconds) when it is spent. */
export function rateLimit(deps: ResolvedDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wait = deps.limiter?.take(c.get('principal').tokenId) ?? 0;
    if (wait > 0) {
      const seconds = Math.max(1, Math.ceil(wait));
      throw new ApiError(429, 'rate_limited', `too many requests with this token; retry in ${seconds} s`, { 'Retry-After': String(seconds) });
    }
    await next();
  };
}

/** Team administration is for the team's admins; members get 403. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('principal').role !== 'admin') throw new ApiError(403, 'forbidden', 'this needs the admin role in your team');
  await next();
};
