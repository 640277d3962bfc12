import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildIndex,
  buildIndexAsync,
  indexSize,
  matchPerson,
  Rank,
  removeFromIndex,
  search,
  updateIndex,
  type SearchExtras,
  type SearchablePerson,
} from '@/utils/search';

let seq = 0;
function person(name: string, more: Partial<SearchablePerson> = {}): SearchablePerson {
  seq++;
  return { id: `P${String(seq).padStart(25, '0')}`, name, ...more };
}

function namesFor(people: SearchablePerson[], ids: string[]): string[] {
  const byId = new Map(people.map((p) => [p.id, p.name]));
  return ids.map((id) => byId.get(id)!);
}

function finder(people: SearchablePerson[], extras?: Map<string, SearchExtras>) {
  const index = buildIndex(people, extras);
  return (q: string, limit?: number) => namesFor(people, search(index, q, limit));
}

describe('search: Latin text', () => {
  const people = [
    person('José García', { headline: 'Staff Engineer at Globex', companyName: 'Globex', tags: ['golang', 'remote'] }),
    person('Jane Doe', { headline: 'Head of Talent', companyName: 'Initech' }),
    person("Seán O'Brien", { headline: 'Product Manager' }),
    person('Mary Ann Smith'),
    person('Jürgen Müller', { companyName: 'Straße AG' }),
    person('Søren Kierkegaard'),
  ];
  const find = finder(people, new Map([[people[1]!.id, { notes: ['Met at KubeCon; wants a remote role'] }]]));

  it('ignores case, diacritics and letters without a decomposition', () => {
    expect(find('jose')).toEqual(['José García']);
    expect(find('GARCIA')).toEqual(['José García']);
    expect(find('muller')).toEqual(['Jürgen Müller']);
    expect(find('müller')).toEqual(['Jürgen Müller']);
    expect(find('soren')).toEqual(['Søren Kierkegaard']);
    expect(find('strasse')).toEqual(['Jürgen Müller']);
  });

  it('folds full-width forms', () => {
    expect(find('ＪＯＳＥ')).toEqual(['José García']);
    expect(find('ｊａｎｅ　ｄｏｅ')).toEqual(['Jane Doe']);
  });

  it('joins apostrophes and names typed without spaces', () => {
    expect(find('obrien')).toEqual(["Seán O'Brien"]);
    expect(find("o'brien")).toEqual(["Seán O'Brien"]);
    expect(find('maryann')).toEqual(['Mary Ann Smith']);
  });

  it('needs every word, in any order, in any field', () => {
    expect(find('smith mary')).toEqual(['Mary Ann Smith']);
    expect(find('jose golang')).toEqual(['José García']);
    expect(find('jose python')).toEqual([]);
  });

  it('matches headline, company, tags and notes', () => {
    expect(find('globex')).toEqual(['José García']);
    expect(find('talent')).toEqual(['Jane Doe']);
    expect(find('kubecon')).toEqual(['Jane Doe']);
    expect(find('remote')).toEqual(['José García', 'Jane Doe']);
  });

  it('returns everyone in index order for an empty query, up to the limit', () => {
    expect(find('')).toEqual(people.map((p) => p.name));
    expect(find('  ', 2)).toEqual(people.slice(0, 2).map((p) => p.name));
    expect(find('a', 1)).toHaveLength(1);
  });
});

describe('search: ranking', () => {
  it('puts exact names, then prefixes, then later words, then substrings, then fields, then notes', () => {
    const people = [
      person('Anna Notes'),
      person('Bob Headline', { headline: 'Annals editor' }),
      person('Joanna Inside'),
      person('Lee Anna'),
      person('Annabel Prefix'),
      person('Ann'),
    ];
    const find = finder(people, new Map([[people[0]!.id, { notes: ['ann'] }]]));
    expect(find('ann')).toEqual(['Ann', 'Anna Notes', 'Annabel Prefix', 'Lee Anna', 'Joanna Inside', 'Bob Headline']);
  });

  it('ranks a pinyin exact or initials match above a pinyin prefix, and that above a later syllable', () => {
    const people = [person('三张'), person('张三丰'), person('张三'), person('赵四')];
    const find = finder(people);
    expect(find('zhangsan')).toEqual(['张三', '张三丰']);
    expect(find('zs')).toEqual(['张三', '赵四', '张三丰']);
    expect(find('zhang')).toEqual(['张三丰', '张三', '三张']);
  });
});

describe('search: Chinese names', () => {
  const people = [
    person('张三', { companyName: '字节跳动' }),
    person('李四'),
    person('單田芳'),
    person('曾国藩'),
    person('吕布'),
    person('欧阳娜娜'),
    person('张Wei'),
    person('乐嘉'),
    person('John Zhang'),
  ];
  const find = finder(people);

  it('finds 张三 by full pinyin, spaced pinyin and initials', () => {
    expect(find('zhangsan')).toEqual(['张三']);
    expect(find('zhang san')).toEqual(['张三']);
    expect(find('ZhangSan')).toEqual(['张三']);
    expect(find('zs')).toEqual(['张三']);
    expect(find('san')).toEqual(['张三']);
  });

  it('matches pinyin only from a syllable start', () => {
    expect(find('angsan')).toEqual([]);
    expect(find('hangsan')).toEqual([]);
  });

  it('reads polyphonic surnames as surnames, and also as they are usually read', () => {
    expect(find('shantianfang')).toEqual(['單田芳']);
    expect(find('dantianfang')).toEqual(['單田芳']);
    expect(find('stf')).toEqual(['單田芳']);
    expect(find('zengguofan')).toEqual(['曾国藩']);
    expect(find('ouyang')).toEqual(['欧阳娜娜']);
    expect(find('yuejia')).toEqual(['乐嘉']);
    expect(find('lejia')).toEqual(['乐嘉']);
  });

  it('spells ü as v or u', () => {
    expect(find('lvbu')).toEqual(['吕布']);
    expect(find('lubu')).toEqual(['吕布']);
    expect(find('lüb')).toEqual(['吕布']);
  });

  it('matches traditional and simplified characters both ways', () => {
    expect(find('单田芳')).toEqual(['單田芳']);
    expect(find('張三')).toEqual(['张三']);
    expect(find('張')).toEqual(['张三', '张Wei']);
  });

  it('handles mixed names and Latin names that are pinyin', () => {
    expect(find('zhangwei')).toEqual(['张Wei']);
    expect(find('zhang')).toEqual(['张三', '张Wei', 'John Zhang']);
  });

  it('finds people by the pinyin of their company', () => {
    expect(find('zijie')).toEqual(['张三']);
    expect(find('tiaodong')).toEqual(['张三']);
    expect(find('字节')).toEqual(['张三']);
  });
});

describe('search: incremental updates', () => {
  it('updates, adds and removes without a rebuild', () => {
    const people = [person('Alice Wong'), person('Bob Stone'), person('王芳')];
    const index = buildIndex(people);
    updateIndex(index, { ...people[0]!, name: 'Alice Chen' });
    expect(search(index, 'wong')).toEqual([]);
    expect(search(index, 'chen')).toEqual([people[0]!.id]);
    const carol = person('Carol King');
    updateIndex(index, carol, { notes: ['prefers hangzhou'] });
    expect(search(index, 'hangzhou')).toEqual([carol.id]);
    removeFromIndex(index, people[1]!.id);
    expect(search(index, 'bob')).toEqual([]);
    updateIndex(index, { ...people[2]!, deleted: true });
    expect(search(index, 'wangfang')).toEqual([]);
    expect(indexSize(index)).toBe(2);
    removeFromIndex(index, 'nobody');
    expect(indexSize(index)).toBe(2);
  });

  it('leaves deleted people out of a build, and keeps the first of a repeated id', () => {
    const a = person('Dana Scully');
    const index = buildIndex([a, person('Fox Mulder', { deleted: true }), { ...a, name: 'Someone Else' }]);
    expect(indexSize(index)).toBe(1);
    expect(search(index, 'dana')).toEqual([a.id]);
  });

  it('answers like a fresh build after any sequence of changes (property)', () => {
    const NAMES = ['张三', '李四', 'José', 'Ann Lee', '曾国藩', 'Zoë', '王芳', 'Mary Ann', '單田芳'];
    const QUERIES = ['zhang', 'zs', 'ann', 'jose', 'li', '单', 'zeng', 'fang', 'note', 'a', 'acme'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.nat(40), name: fc.constantFrom(...NAMES), note: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const idOf = (n: number) => `Q${String(n).padStart(25, '0')}`;
        const index = buildIndex([]);
        const live = new Map<string, { p: SearchablePerson; e: SearchExtras }>();
        for (const o of ops) {
          if (o.kind === 'put') {
            const p = { id: idOf(o.id), name: o.name, companyName: o.id % 2 ? 'Acme' : undefined };
            const e = { notes: o.note ? ['a note'] : [] };
            updateIndex(index, p, e);
            const held = live.get(p.id);
            if (held) Object.assign(held, { p, e });
            else live.set(p.id, { p, e });
          } else {
            removeFromIndex(index, idOf(o.id));
            live.delete(idOf(o.id));
          }
        }
        // A fresh build in the same order the incremental index keeps: first insertion order.
        const fresh = buildIndex(
          [...live.values()].map((v) => v.p),
          new Map([...live.values()].map((v) => [v.p.id, v.e])),
        );
        for (const q of QUERIES) expect(new Set(search(index, q))).toEqual(new Set(search(fresh, q)));
        expect(indexSize(index)).toBe(live.size);
      }),
      { numRuns: 150 },
    );
  });

  it('stays correct after many removals compact the index', () => {
    const people = Array.from({ length: 3000 }, (_, i) => person(i % 2 ? `Even ${i}` : `张${'三四五'[i % 3]} ${i}`));
    const index = buildIndex(people);
    for (let i = 0; i < 2400; i++) removeFromIndex(index, people[i]!.id);
    expect(indexSize(index)).toBe(600);
    const expected = people.slice(2400).filter((p) => p.name.startsWith('张三')).map((p) => p.id);
    expect(search(index, 'zhangsan')).toEqual(expected);
    updateIndex(index, { ...people[0]!, name: 'Back Again' });
    expect(search(index, 'back again')).toEqual([people[0]!.id]);
    expect(indexSize(index)).toBe(601);
  });
});

describe('search: building in slices, and one-off matches', () => {
  it('builds the same index asynchronously, yielding between slices, and can be aborted', async () => {
    const people = Array.from({ length: 50 }, (_, i) => person(i % 2 ? `张${i}` : `Person ${i}`, { deleted: i === 7 }));
    const extras = new Map([[people[4]!.id, { notes: ['hangzhou'] }]]);
    let yields = 0;
    const index = await buildIndexAsync(people, extras, { sliceSize: 10, yieldToLoop: async () => void yields++ });
    expect(yields).toBe(5);
    const fresh = buildIndex(people, extras);
    for (const q of ['zhang', 'person 1', 'hangzhou', '']) expect(search(index, q)).toEqual(search(fresh, q));
    const controller = new AbortController();
    controller.abort(new Error('closed'));
    await expect(buildIndexAsync(people, extras, { sliceSize: 10, signal: controller.signal })).rejects.toThrow('closed');
  });

  it('ranks one person against a query without an index', () => {
    const p = person('张三', { headline: 'Engineer' });
    expect(matchPerson(p, 'zs')).toBe(Rank.exact);
    expect(matchPerson(p, 'zhang')).toBe(Rank.prefix);
    expect(matchPerson(p, 'engineer')).toBe(Rank.inFields);
    expect(matchPerson(p, 'kotlin', { notes: ['knows Kotlin'] })).toBe(Rank.inNotes);
    expect(matchPerson(p, 'rust')).toBe(-1);
    expect(matchPerson(p, ' ')).toBe(Rank.exact);
  });
});
