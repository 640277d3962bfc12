/** LinkedIn site adapter: URL detectors and DOM extractors (DESIGN §2 "Site adapters"). */
export {
  companyKeyFromHref,
  isCompanyPage,
  isPersonProfile,
  isPersonSubpage,
  pageTarget,
  personKeyFromHref,
  profileKey,
} from './urls';
export { extractPerson } from './extract-person';
export { extractCompany } from './extract-company';
export { pageIdentity } from './identity';
