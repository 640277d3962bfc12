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

export type Role = 'admin' | 'member';
export { TEAM_ROLES as ROLES } from '../../utils/sync/protocol';

export interface UsersTable {
  id: string;
  team_id: string;
  email: string;
  /** 002: admins manage the team's users, tokens, feeds and aliases. */
  role: Role;
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
  /** 003, derived from data on every save: the person an entry or a note is about. */
  person_id: string | null;
  /** 003: a person's companyName, a company's name (for intel matching). */
  company_name: string | null;
  /** 003: a person's companyKey, a company's first profile key. */
  company_key: string | null;
}

/** 003: every profile key of every live person and company, for lookups by key. */
export interface RecordKeysTable {
  team_id: string;
  profile_key: string;
  entity: string;
  id: string;
}

export interface AppliedMutationsTable {
  team_id: string;
  mutation_id: string;
  applied_at: string;
}

/** 003: what a user should hear about: a teammate touched their person, or their person changed jobs. */
export interface AlertsTable {
  team_id: string;
  /** The recipient. */
  user_id: string;
  /** The team seq of the change that raised it: the alerts feed's cursor. */
  seq: number;
  kind: string;
  /** E-mail of the user whose push raised it. */
  actor: string;
  person_id: string;
  person_name: string;
  entity: string;
  entity_id: string;
  /** JSON object, see store/alerts.ts. */
  detail: string;
  created_at: string;
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
  /** 004 */
  amount: string | null;
  round: string | null;
  /** 004: host (without www.) + path + the query without tracking parameters: one story, one key. */
  canonical_url: string | null;
  /** 004: the title normalised for near-duplicate detection. */
  title_key: string | null;
  /** 004: the feed it came from, null for imports. */
  feed_id: string | null;
}

/** 004: which companies an intel item is about; its id is the id clients see. */
export interface IntelLinksTable {
  id: string;
  team_id: string;
  item_id: string;
  company_name: string;
  company_name_lower: string;
  company_key: string | null;
  /** How it was matched: import, name, alias, domain, mention. */
  match: string;
  created_at: string;
}

export interface FeedsTable {
  id: string;
  team_id: string;
  url: string;
  name: string;
  created_at: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_added: number;
}

export interface CompanyAliasesTable {
  id: string;
  team_id: string;
  alias: string;
  alias_lower: string;
  company_name: string;
  created_at: string;
}

/** 004: 36Kr project-link ids seen per article, so that an id recurring across articles can vouch for its name. */
export interface ProjectLinksTable {
  team_id: string;
  data_id: string;
  name: string;
  article: string;
  seen_at: string;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  tokens: TokensTable;
  records: RecordsTable;
  record_keys: RecordKeysTable;
  applied_mutations: AppliedMutationsTable;
  alerts: AlertsTable;
  intel_items: IntelItemsTable;
  intel_links: IntelLinksTable;
  feeds: FeedsTable;
  company_aliases: CompanyAliasesTable;
  project_links: ProjectLinksTable;
}
