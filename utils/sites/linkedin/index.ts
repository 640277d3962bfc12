/** LinkedIn site adapter: URL detectors and DOM extractors (DESIGN §2 "Site adapters"). */
export { companyKeyFromHref, isCompanyPage, isPersonProfile, pageTarget, profileKey } from './urls';
export { extractPerson } from './extract-person';
export { extractCompany } from './extract-company';
