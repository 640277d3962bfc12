// Apart from settings.ts's zod schema: the popup shows the default before it loads that module.

/** Days without activity after which an open entry is marked stale, unless the user set another number. */
export const DEFAULT_STALE_AFTER_DAYS = 14;
