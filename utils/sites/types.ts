/** What a site adapter reads off a person's profile page. Every field is plain text. */
export interface PersonProfile {
  name: string;
  headline?: string;
  location?: string;
  companyName?: string;
  /** Profile key of the current company's page, e.g. `linkedin:company/novare-potential`, when linked. */
  companyKey?: string;
  /**
   * Other profile keys of this same person that the page itself reveals, for the store to attach
   * to the one record "once seen": the member URN `linkedin:in/acoaa…` on a vanity page and the
   * vanity on an `/in/ACoAA…` page, the `/in/` profile linked from a Recruiter or Sales Navigator
   * page, a Maimai share card's `dstu`. Never the key of the page's own address when it is known.
   */
  altKeys?: string[];
}

/** What a site adapter reads off a company page. */
export interface CompanyProfile {
  /** The name people use (Maimai's short name, e.g. 字节跳动). */
  name: string;
  /** The full legal name when the site shows it apart from `name` (Maimai `stdname`, e.g. 北京字节跳动科技有限公司). */
  legalName?: string;
  industry?: string;
  /** Other profile keys of this same company that the page reveals (e.g. a Sales Navigator account's `/company/<id>`). */
  altKeys?: string[];
}

/**
 * An extractor never throws: it says which dated alternative matched, or why the page is not a
 * profile (a "Profile Not Found" page, an auth wall, a details sub-page…).
 */
export type Extraction<T> = { ok: true; value: T; matched: string } | { ok: false; reason: string };

/**
 * The page the content script is looking at, as far as the URL tells. `subpage: true` marks a part
 * of a profile (LinkedIn `/in/<slug>/details/…`): same key and canonical URL as the profile, but
 * nothing to extract — show the card from the stored record.
 */
export type PageTarget =
  | { kind: 'person'; key: string; url: string; subpage?: boolean }
  | { kind: 'company'; key: string; url: string; subpage?: boolean };
