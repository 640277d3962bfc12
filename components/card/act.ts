export type Subject = { personId: string } | { companyId: string };
/** Runs a card action against the page's record, saving the profile first if needed. */
export type Act = (action: (subject: Subject) => Promise<unknown>) => Promise<void>;
