export {
  buildIndex,
  buildIndexAsync,
  indexSize,
  matchPerson,
  removeFromIndex,
  search,
  searchFields,
  updateIndex,
  type ExtrasSource,
  type SearchIndex,
} from './search-index';
export { Rank, type SearchExtras, type SearchablePerson } from './document';
export { searchExtras } from './extras';
export { normalize, queryTokens } from './normalize';
export { toSimplified } from './simplified';
export { pinyinForms, type PinyinForms } from './pinyin';
export { keystrokeTimes, quantile } from './measure';
