import type { Kysely } from 'kysely';
import type { Database } from './store/schema';
import type { Principal } from './store/tokens';

export interface AppDeps {
  db: Kysely<Database>;
  /** Injected so that tests can move time; defaults to the wall clock. */
  now?: () => Date;
  /** Where unexpected errors are reported; defaults to stderr. */
  log?: (line: string) => void;
}

export type ResolvedDeps = Required<AppDeps>;

export interface AppEnv {
  Variables: { principal: Principal };
}
