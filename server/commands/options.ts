import { z } from 'zod';
import { describeZodError } from '../../utils/schema';
import { DEFAULT_DB } from '../defaults';
import { openStore, type Store } from '../store/open';
import { UsageError, type Values } from './usage-error';

export const TeamName = z.string().trim().min(1, 'team name is required').max(100, 'team name is too long');

/** `--db` wins over DATABASE_URL, which wins over the default file. */
export function dbLocation(values: Values): string {
  return values.db ?? process.env.DATABASE_URL ?? DEFAULT_DB;
}

export async function withStore<T>(values: Values, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(dbLocation(values));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function checked<T>(schema: z.ZodType<T>, value: string | undefined, option: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`--${option}: ${describeZodError(result.error)}`);
  return result.data;
}
