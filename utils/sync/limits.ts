// Plain numbers, apart from protocol.ts's zod schemas: the local database (database.ts) needs them,
// and the popup's first paint should not evaluate zod for them (see README, popup.first_paint).

/** Largest push batch the server accepts; the client splits its outbox into batches of this size. */
export const MAX_PUSH_BATCH = 200;
export const MAX_PULL_LIMIT = 1000;
