/** Where a notification click lands: the app opened in a tab, on one person or company, or on the due list. */
export const DUE_LINK = '/popup.html?tab&due';

export function personLink(subject: { personId?: string; companyId?: string }): string {
  if (subject.personId) return `/popup.html?tab&person=${encodeURIComponent(subject.personId)}`;
  if (subject.companyId) return `/popup.html?tab&company=${encodeURIComponent(subject.companyId)}`;
  return DUE_LINK;
}

export type LinkTarget = { kind: 'person' | 'company'; id: string } | { kind: 'due' } | undefined;

/** What the app's URL asks it to open first (`location.search`). */
export function linkTarget(search: string): LinkTarget {
  const params = new URLSearchParams(search);
  const person = params.get('person');
  if (person) return { kind: 'person', id: person };
  const company = params.get('company');
  if (company) return { kind: 'company', id: company };
  return params.has('due') ? { kind: 'due' } : undefined;
}
