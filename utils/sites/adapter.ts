import type { CompanyProfile, Extraction, PageTarget, PersonProfile } from './types';

/** One site family (LinkedIn now; Maimai and GitHub later): pure URL detection plus DOM extractors. */
export interface SiteAdapter {
  site: string;
  target(url: string): PageTarget | undefined;
  /**
   * When the URL cannot tell (a GitHub user or organisation share one URL shape), the rendered page
   * decides: the target with its real kind, or undefined while the page is not (yet) that account.
   */
  refineTarget?(doc: Document, target: PageTarget): PageTarget | undefined;
  extractPerson(doc: Document, url?: string): Extraction<PersonProfile>;
  extractCompany(doc: Document, url?: string): Extraction<CompanyProfile>;
}
