import type { Company, Note, Person } from '../schema';
import type { SearchExtras } from './document';

/**
 * The extras of every person, from the stored notes and companies: the bodies of their current
 * notes (a note replaced by a revision is left out, so edited-away text no longer finds them) and
 * the name of the company record their profile links to.
 */
export function searchExtras(
  notes: readonly Pick<Note, 'id' | 'personId' | 'body' | 'deleted' | 'revisionOf'>[],
  companies: readonly Company[] = [],
  people: readonly Pick<Person, 'id' | 'companyKey'>[] = [],
): Map<string, SearchExtras> {
  const revised = new Set<string>();
  for (const n of notes) if (n.revisionOf && !n.deleted) revised.add(n.revisionOf);
  const out = new Map<string, { notes: string[]; companyName?: string }>();
  const extrasOf = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { notes: [] }));
    return e;
  };
  for (const n of notes) if (n.personId && !n.deleted && !revised.has(n.id)) extrasOf(n.personId).notes.push(n.body);
  const companyByKey = new Map<string, string>();
  for (const c of companies) if (!c.deleted) for (const k of c.profileKeys) companyByKey.set(k, c.name);
  for (const p of people) {
    const name = p.companyKey ? companyByKey.get(p.companyKey) : undefined;
    if (name) extrasOf(p.id).companyName = name;
  }
  return out;
}
