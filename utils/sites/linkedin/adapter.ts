import type { SiteAdapter } from '../adapter';
import { extractCompany } from './extract-company';
import { extractPerson } from './extract-person';
import { pageTarget } from './urls';

export const linkedinAdapter: SiteAdapter = {
  site: 'linkedin',
  target: (url) => pageTarget(url),
  extractPerson,
  extractCompany,
};
