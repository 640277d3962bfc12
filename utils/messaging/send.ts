import { describeZodError } from '../schema';
import { RESPONSES, type Envelope, type Request, type ResponseOf } from './protocol';

export class BackgroundError extends Error {}

/** Send a request to the background and parse its answer; an error answer is thrown. */
export async function send<T extends Request['type']>(request: Extract<Request, { type: T }>): Promise<ResponseOf<T>> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<unknown> | undefined;
  if (!envelope || typeof envelope !== 'object') throw new BackgroundError('no answer from the Scoutbook background');
  if (!envelope.ok) throw new BackgroundError(envelope.error);
  const parsed = RESPONSES[request.type as T].safeParse(envelope.value);
  if (!parsed.success) throw new BackgroundError(`malformed answer to ${request.type}: ${describeZodError(parsed.error)}`);
  return parsed.data as ResponseOf<T>;
}
