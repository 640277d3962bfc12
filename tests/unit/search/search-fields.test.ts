import { describe, expect, it } from 'vitest';
import { buildIndex, Rank, search, searchFields, updateIndex, matchPerson, type SearchablePerson } from '@/utils/search';
import { syntheticPeople } from './synthetic-people';

/**
 * searchFields answers a keystroke's own frame from names, pinyin and fields only; search() then
 * adds the people found through their notes. The first answer must be the top of the second.
 */
const { people, extras } = syntheticPeople(3000);
const byId = new Map(people.map((p) => [p.id, p]));
const QUERIES = ['zhang', 'zs', '张伟', '張', 'java', 'jam', 'smith', 'o brien', 'senior back', 'hooli ml', 'kuber', 'follow', '面试', 'an', 'remote', 'zijie'];

/** `part` in the order it has in `whole`, nothing left out of `whole` that `part` should hold. */
function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let i = 0;
  for (const id of whole) if (id === part[i]) i++;
  return i === part.length;
}

describe('searchFields', () => {
  it('is search() without the people found only through their notes, in the same order', () => {
    const index = buildIndex(people, extras);
    let withNoteOnlyMatches = 0;
    for (const query of QUERIES) {
      const all = search(index, query);
      const fields = searchFields(index, query);
      expect(isSubsequence(fields, all), query).toBe(true);
      // Everything ranked above a note match is there, and in front.
      const better = all.filter((id) => matchPerson(byId.get(id)!, query, extras.get(id)) < Rank.inNotes);
      expect(fields.slice(0, better.length), query).toEqual(better);
      // What is missing was found through notes alone.
      for (const id of all.filter((x) => !fields.includes(x))) {
        expect(matchPerson(byId.get(id)!, query, extras.get(id)), `${query}: ${id}`).toBe(Rank.inNotes);
        expect(matchPerson(byId.get(id)!, query), `${query}: ${id} without notes`).toBe(-1);
      }
      if (all.length > fields.length) withNoteOnlyMatches++;
    }
    // The queries do exercise the difference (note words: "follow", "kuber", "remote", 面试).
    expect(withNoteOnlyMatches).toBeGreaterThanOrEqual(3);
  });

  it('narrows keystroke by keystroke like a fresh index, and follows index changes', () => {
    const index = buildIndex(people, extras);
    for (const query of QUERIES) {
      const chars = [...query];
      for (let n = 1; n <= chars.length; n++) {
        const q = chars.slice(0, n).join('');
        expect(searchFields(index, q), q).toEqual(searchFields({ ...index, lastFields: undefined }, q));
      }
    }
    searchFields(index, 'zed');
    const someone: SearchablePerson = { ...people[7]!, name: 'Zed Quinlan' };
    updateIndex(index, someone, extras.get(someone.id));
    expect(searchFields(index, 'zed q')).toEqual([someone.id]);
  });
});
