import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, search, updateIndex, type SearchIndex } from '@/utils/search';
import { syntheticExtras, syntheticPeople } from './synthetic-people';

/**
 * A keystroke that adds to the query is answered from the previous query's matches (search-index.ts
 * NARROW_AT_MOST). These tests compare every such answer with the answer of an index that has no
 * previous query, so a wrong narrowing (a person the longer query matches but the shorter did not)
 * shows up as a difference.
 */
const { people, extras } = syntheticPeople(3000);
const QUERIES = ['zhang', 'wang wei', 'smith', 'jose', 'müller', 'zs', 'zhangw', '张伟', '張', 'java', 'zhang wei', 'o brien', 'obrien', 'senior back', 'kuber', '字节', 'zijie', 'hooli ml', 'an', 'ang'];

/** The answer of the same index without its memory of the previous query: a full scan. */
function fresh(index: SearchIndex, query: string): string[] {
  return search({ ...index, last: undefined }, query);
}

/** Every prefix of `query`, typed letter by letter into one index: the answers to each keystroke. */
function typed(query: string, index: SearchIndex): [string, string[]][] {
  const chars = [...query];
  return chars.map((_, n) => {
    const q = chars.slice(0, n + 1).join('');
    return [q, search(index, q)];
  });
}

describe('search: a longer query is ranked over the shorter one’s matches', () => {
  it('answers every keystroke as a fresh index would', () => {
    const index = buildIndex(people, extras);
    for (const query of QUERIES)
      for (const [q, answer] of typed(query, index)) expect(answer, `after typing "${q}"`).toEqual(fresh(index, q));
  });

  it('narrows only when the old words are kept: editing a word, or a change to the index, scans again', () => {
    const index = buildIndex(people, extras);
    const smiths = search(index, 'smith');
    expect(search(index, 'smit')).toEqual(fresh(index, 'smit')); // shorter: not a refinement
    expect(search(index, 'smith')).toEqual(smiths);
    const target = people.find((p) => !/smith/i.test(p.name))!;
    updateIndex(index, { ...target, name: 'Zed Smithers' }, syntheticExtras(0));
    expect(search(index, 'smithe')).toContain(target.id);
  });

  it('matches a fresh index for any sequence of keystrokes and backspaces (property)', () => {
    const key = fc.constantFrom(...'abcdehijlmnorstuwyz 张王伟'.split(''), '⌫', '⌫');
    const some = people.slice(0, 800);
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 10 }), (keys) => {
        const index = buildIndex(some, extras);
        let q = '';
        for (const k of keys) {
          q = k === '⌫' ? q.slice(0, -1) : q + k;
          expect(search(index, q), `after "${q}"`).toEqual(fresh(index, q));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is used: on 100,000 people a keystroke that adds to the query ranks the previous matches alone', () => {
    const big = syntheticPeople(100_000);
    const index = buildIndex(big.people, big.extras);
    for (const [short, long] of [['smi', 'smit'], ['zha', 'zhan'], ['jav', 'java'], ['gar', 'garc'], ['pat', 'pate']] as const) {
      const answer = fresh(index, long);
      expect(answer.length, long).toBeGreaterThan(1);
      search(index, short);
      // Leave one of the previous matches in the index's memory: ranked from it, the keystroke finds
      // that person alone; answered by a scan, it would find them all.
      const kept = answer.at(-1)!;
      index.last = { tokens: index.last!.tokens, slots: [index.slotOf.get(kept)!] };
      expect(search(index, long), `after "${short}" then "${long}"`).toEqual([kept]);
    }
  });
});
