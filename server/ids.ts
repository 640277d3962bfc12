import { monotonicFactory } from 'ulidx';

/** ULIDs that increase within a millisecond too, so that "oldest first" by id is exact within this process. */
export const newId: () => string = monotonicFactory();
