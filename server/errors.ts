import { z } from 'zod';

export const ERROR_CODES = [
  'invalid_json',
  'invalid_request',
  'invalid_record',
  'private_note',
  'clock_ahead',
  'unauthorized',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error the API returns has this shape, so clients need one parser. */
export const ErrorBody = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export type ErrorStatus = 400 | 401 | 404 | 413 | 415 | 500;

/** An error whose message is meant for the client; anything else becomes a bare 500. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}
