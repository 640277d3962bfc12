import { applyLocalChange } from '../db/local-change';
import type { Store } from '../db/store';
import type { Person } from '../schema';
import type { PersonProfile } from '../sites/types';
import { addTeamAlerts } from './team-alerts';

const normal = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * A saved person's page now shows another headline or company than the one stored: a job change.
 * Only a value the page does show counts (an extractor that found nothing is not a change), and
 * only one the record had before (a first headline is just more detail).
 */
export function jobChangeOf(saved: Pick<Person, 'headline' | 'companyName'>, page: Pick<PersonProfile, 'headline' | 'companyName'>) {
  const field = (name: 'headline' | 'companyName') => {
    const before = normal(saved[name]);
    const now = normal(page[name]);
    return before && now && before !== now ? { from: saved[name]!, to: page[name]! } : undefined;
  };
  const headline = field('headline');
  const companyName = field('companyName');
  return headline || companyName ? { ...(headline && { headline }), ...(companyName && { companyName }) } : undefined;
}

/**
 * On a later visit: when the page shows a job change for a saved person, store the new headline and
 * company (a synced change, so the server alerts teammates who have the person in a pipeline) and
 * add a job-change alert to this user's inbox. Returns whether there was one.
 */
export async function noticeJobChange(store: Store, saved: Person, page: PersonProfile): Promise<boolean> {
  const change = jobChangeOf(saved, page);
  if (!change) return false;
  await applyLocalChange(store.db, store.clock, 'person', saved.id, {
    ...(change.headline && { headline: change.headline.to }),
    ...(change.companyName && { companyName: change.companyName.to }),
  });
  const at = new Date(store.now()).toISOString();
  await addTeamAlerts(store.db, [{ id: `l${saved.id}:${at}`, kind: 'job_change', at, by: '', personId: saved.id, personName: saved.name, detail: change }]);
  return true;
}
