/** A mistake in how the CLI was called: the CLI answers it with the usage text and exit code 2. */
export class UsageError extends Error {}

type StringOption =
  | 'db'
  | 'port'
  | 'host'
  | 'team'
  | 'user'
  | 'role'
  | 'name'
  | 'poll-interval'
  | 'rate-limit'
  | 'rate-burst'
  | 'keep-days';
type BooleanOption = 'no-poll' | 'allow-private-feeds';

export type Values = Partial<Record<StringOption, string>> & Partial<Record<BooleanOption, boolean>>;
