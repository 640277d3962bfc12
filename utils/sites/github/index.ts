/** GitHub site adapter: URL detectors, the page-side user/org decision, and extractors. */
export { accountKeyFromHref, isLogin, isOrgPage, isProfilePage, pageTarget, profileKey, RESERVED_NAMES } from './urls';
export { pageKind, refineTarget } from './page';
export { extractCompany, extractPerson } from './extract';
