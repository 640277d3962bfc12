import { ErrorBody } from '../errors';

const errorContent = { 'application/json': { schema: ErrorBody } };

/** Error responses shared by the routes, for the OpenAPI document. */
export const errorResponses = {
  badRequest: { 400: { description: 'The request is malformed or would leave an invalid record', content: errorContent } },
  unauthorized: { 401: { description: 'Missing, unknown or revoked bearer token', content: errorContent } },
  forbidden: { 403: { description: 'The token’s user is not an admin of its team', content: errorContent } },
  notFound: { 404: { description: 'No such thing in the token’s team', content: errorContent } },
  conflict: { 409: { description: 'The change conflicts with the team’s current state', content: errorContent } },
  payloadTooLarge: { 413: { description: 'The body is larger than the server accepts', content: errorContent } },
  rateLimited: { 429: { description: 'The token’s request budget is spent; see Retry-After', content: errorContent } },
} as const;

/** What every authenticated route can answer besides its own responses. */
export const authErrors = { ...errorResponses.unauthorized, ...errorResponses.rateLimited } as const;
export const adminErrors = { ...authErrors, ...errorResponses.forbidden } as const;

export const bearerSecurity = [{ bearerAuth: [] }];

export function json<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
