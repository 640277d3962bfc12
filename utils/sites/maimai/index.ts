/** Maimai (脉脉) site adapter: URL detectors and extractors over the page's embedded JSON. */
export {
  companyKeyFromHref,
  isCompanyPage,
  isPersonProfile,
  pageTarget,
  personKeyFromHref,
  profileKey,
} from './urls';
export { extractCompany, extractPerson } from './extract';
