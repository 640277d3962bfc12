import { ErrorBody } from '../errors';

const errorContent = { 'application/json': { schema: ErrorBody } };

/** Error responses shared by the routes, for the OpenAPI document. */
export const errorResponses = {
  badRequest: { 400: { description: 'The request is malformed or would leave an invalid record', content: errorContent } },
  unauthorized: { 401: { description: 'Missing, unknown or revoked bearer token', content: errorContent } },
} as const;

export const bearerSecurity = [{ bearerAuth: [] }];
