import { toSimplified } from './simplified';

/** Letters that carry no combining mark in Unicode, so NFKD alone would leave them unmatched by plain ASCII. */
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
};
const FOLDABLE = /[ßæœøđðłþıħŀ]/g;
/** Printable ASCII and whitespace; anything else (control characters included) takes the Unicode path. */
const ASCII = /^[\t\n\r -~]*$/;
/** Text of ASCII, Han, CJK punctuation and full-width forms (most Chinese text) needs no Unicode decomposition. */
const CJK_PLAIN = /^[\t\n\r -~\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*$/;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const MARKS = /\p{M}+/gu;
/** Apostrophes join ("O'Brien" = "obrien"); other punctuation separates words. `+` and `#` stay: c++, c#. */
const APOSTROPHES = /['’ʼ`]/g;
const SEPARATORS = /[^\p{L}\p{N}+#]+/gu;
const ASCII_SEPARATORS = /[^a-z0-9+#]+/g;

/**
 * The one form both the index and the query are put in: lower case, no diacritics (José = jose),
 * full-width and other compatibility forms folded (ＡＢＣ = abc), traditional Han characters
 * simplified (張 = 张), words separated by single spaces. Most text is ASCII, which skips the
 * Unicode work.
 */
export function normalize(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(APOSTROPHES, '').replace(ASCII_SEPARATORS, ' ').trim();
  if (CJK_PLAIN.test(text)) {
    const narrow = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    return toSimplified(narrow.toLowerCase()).replace(APOSTROPHES, '').replace(SEPARATORS, ' ').trim();
  }
  const folded = toSimplified(
    text
      .normalize('NFKD')
      .replace(MARKS, '')
      .toLowerCase()
      .replace(FOLDABLE, (c) => FOLD[c] ?? c),
  );
  return folded.replace(APOSTROPHES, '').replace(SEPARATORS, ' ').trim();
}

/** A normalised query's words: every one must match (AND). */
export function queryTokens(query: string): string[] {
  const n = normalize(query);
  return n ? n.split(' ') : [];
}
