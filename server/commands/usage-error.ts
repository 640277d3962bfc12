/** A mistake in how the CLI was called: the CLI answers it with the usage text and exit code 2. */
export class UsageError extends Error {}

export type Values = Partial<Record<'db' | 'port' | 'host' | 'team' | 'user', string>>;
