/** What a site adapter reads off a person's profile page. Every field is plain text. */
export interface PersonProfile {
  name: string;
  headline?: string;
  location?: string;
  companyName?: string;
  /** Profile key of the current company's page, e.g. `linkedin:company/novare-potential`, when linked. */
  companyKey?: string;
}

/** What a site adapter reads off a company page. */
export interface CompanyProfile {
  name: string;
  industry?: string;
}

/**
 * An extractor never throws: it says which dated alternative matched, or why the page is not a
 * profile (a "Profile Not Found" page, an auth wall, a details sub-page…).
 */
export type Extraction<T> = { ok: true; value: T; matched: string } | { ok: false; reason: string };

/** The page the content script is looking at, as far as the URL tells. */
export type PageTarget = { kind: 'person'; key: string; url: string } | { kind: 'company'; key: string; url: string };
