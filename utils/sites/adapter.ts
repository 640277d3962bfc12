import type { CompanyProfile, Extraction, PageTarget, PersonProfile } from './types';

/** One site family (LinkedIn now; Maimai and GitHub later): pure URL detection plus DOM extractors. */
export interface SiteAdapter {
  site: string;
  target(url: string): PageTarget | undefined;
  extractPerson(doc: Document): Extraction<PersonProfile>;
  extractCompany(doc: Document): Extraction<CompanyProfile>;
}
