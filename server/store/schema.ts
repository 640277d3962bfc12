/**
 * Row types of the sync database, shared by SQLite and PostgreSQL. Times are ISO 8601 text and
 * booleans are 0/1 integers because better-sqlite3 binds neither dates nor booleans.
 */
export interface TeamsTable {
  id: string;
  name: string;
  /** Last server sequence number handed out in this team; see store/records.ts. */
  seq: number;
  created_at: string;
}

export interface UsersTable {
  id: string;
  team_id: string;
  email: string;
  created_at: string;
}

export interface TokensTable {
  id: string;
  team_id: string;
  user_id: string;
  /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface RecordsTable {
  team_id: string;
  entity: string;
  id: string;
  seq: number;
  /** JSON object: the merged fields plus `id` and `updatedAt`. */
  data: string;
  /** JSON object: field name → HLC of the write that set it. */
  clocks: string;
  deleted: number;
}

export interface AppliedMutationsTable {
  team_id: string;
  mutation_id: string;
  applied_at: string;
}

export interface IntelItemsTable {
  id: string;
  team_id: string;
  company_key: string | null;
  company_name: string;
  /** Trimmed, lower-cased copy of company_name, so that name lookups can use an index. */
  company_name_lower: string;
  type: string;
  title: string;
  url: string;
  /** UTC ISO 8601 (`toISOString`), so that text order is time order whatever offset was imported. */
  published_at: string;
  summary: string | null;
  source: string | null;
  created_at: string;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  tokens: TokensTable;
  records: RecordsTable;
  applied_mutations: AppliedMutationsTable;
  intel_items: IntelItemsTable;
}
