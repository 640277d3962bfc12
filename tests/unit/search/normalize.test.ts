import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, pinyinForms, queryTokens, toSimplified } from '@/utils/search';

describe('normalize', () => {
  it('lower-cases, strips diacritics and folds compatibility forms', () => {
    expect(normalize('José GARCÍA')).toBe('jose garcia');
    expect(normalize('ＡＢＣ１２３')).toBe('abc123');
    expect(normalize('ﬁnance')).toBe('finance');
    expect(normalize('Ærøskøbing Straße Łódź')).toBe('aeroskobing strasse lodz');
    expect(normalize('Nguyễn Thị Minh Khai')).toBe('nguyen thi minh khai');
  });

  it('separates words on punctuation, joins apostrophes, keeps + and #', () => {
    expect(normalize("  O’Brien,  Seán — C++ / C# ")).toBe('obrien sean c++ c#');
    expect(normalize('node.js|react')).toBe('node js react');
    expect(normalize('张三，李四。（王五）')).toBe('张三 李四 王五');
  });

  it('simplifies traditional and variant Han characters', () => {
    expect(normalize('張三豐')).toBe('张三丰');
    expect(normalize('騰訊 阿里巴巴')).toBe('腾讯 阿里巴巴');
    expect(toSimplified('峯')).toBe('峰');
    expect(toSimplified('裡')).toBe('里');
    expect(toSimplified('plain text')).toBe('plain text');
  });

  it('splits a query into words', () => {
    expect(queryTokens(' Zhang  SAN ')).toEqual(['zhang', 'san']);
    expect(queryTokens(' ,. ')).toEqual([]);
  });

  it('is idempotent and never yields the index separators (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const n = normalize(s);
        expect(normalize(n)).toBe(n);
        for (const sep of ['\n', '\u0000', '\u0001']) expect(n.includes(sep)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('simplifies every Han character to a form that simplifies to itself (麼 and 么 meet)', () => {
    const moved: string[] = [];
    for (let cp = 0x3400; cp <= 0x9fff; cp++) {
      const ch = String.fromCodePoint(cp);
      const once = toSimplified(ch);
      if (toSimplified(once) !== once) moved.push(`${ch}→${once}→${toSimplified(once)}`);
    }
    expect(moved).toEqual([]);
    expect(normalize('什麼')).toBe(normalize('什么'));
  });

  it('simplifies character by character, so a substring stays a substring (property)', () => {
    const chars = [...'張三豐國華語龍門發髮裡裏峯著乾隆臺灣后後abc 12'];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(toSimplified(a + b)).toBe(toSimplified(a) + toSimplified(b));
      }),
    );
  });
});

describe('pinyinForms', () => {
  it('spells a name in full and by initials, from every syllable', () => {
    const f = pinyinForms('张三丰')!;
    expect(f.whole).toEqual(['zhangsanfeng', 'zsf']);
    expect(f.boundaries.split('\u0001').filter(Boolean)).toEqual(['zhangsanfeng', 'zsf', 'sanfeng', 'sf', 'feng', 'f']);
  });

  it('gives polyphonic surnames their surname reading first and keeps the usual one', () => {
    expect(pinyinForms('单雄信')!.whole).toEqual(expect.arrayContaining(['shanxiongxin', 'danxiongxin', 'sxx', 'dxx']));
    expect(pinyinForms('单雄信')!.whole[0]).toBe('shanxiongxin');
    expect(pinyinForms('解缙')!.whole[0]).toBe('xiejin');
    expect(pinyinForms('区志明')!.whole[0]).toBe('ouzhiming');
  });

  it('keeps rare readings apart, to rank them lower', () => {
    const f = pinyinForms('张乐')!;
    expect(f.whole).toContain('zhangle');
    expect(f.altBoundaries).toContain('\u0001zhangyue');
  });

  it('is undefined for names without Han characters', () => {
    expect(pinyinForms('jane doe')).toBeUndefined();
  });
});
