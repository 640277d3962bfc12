import { pinyin, polyphonic } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const HAN_CHAR = /^\p{Script=Han}$/u;
const SYLLABLE = /^[a-zü]+$/;

/** How many top-reading combinations a name may expand to before only the first is kept. */
const MAX_TOP_COMBOS = 8;
/** Rare readings (石 dàn, 乐 yào…) are indexed one substitution at a time, up to this many. */
const MAX_ALT_FORMS = 12;

/**
 * The pinyin a name can be typed as. `top` are the readings people type for it: the surname
 * reading of the first character (单 shan, 曾 zeng, 解 xie — pinyin-pro's surname table), the
 * ordinary reading (单 dan), and ü written as v or u (吕 lv, lu). `alt` are the other readings of
 * polyphonic characters (乐 yue/yao/lao): indexed too, but ranked lower, because they rarely are
 * the reading meant and would otherwise crowd the prefix matches.
 */
export interface PinyinForms {
  /** Whole-name spellings, full and initials: `zhangsan`, `zs`. */
  whole: string[];
  /** Every spelling from every syllable boundary, each preceded by \u0001: `\u0001zhangsan\u0001san\u0001zs\u0001s`. */
  boundaries: string;
  /** The same for the rare readings. */
  altBoundaries: string;
}

function uVariants(reading: string): string[] {
  return reading.includes('ü') ? [reading.replace(/ü/g, 'v'), reading.replace(/ü/g, 'u')] : [reading];
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

interface Syllable {
  top: string[];
  alt: string[];
}

const readingsCache = new Map<string, string[]>();
const surnameCache = new Map<string, string[]>();
/** Both caches are keyed by what names share (a character, a surname with the next character), so they stay small. */
const CACHE_LIMIT = 50_000;

function cached(cache: Map<string, string[]>, key: string, compute: () => string[]): string[] {
  let found = cache.get(key);
  if (!found) {
    found = compute();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/** Every reading of one character, the most common first (pinyin-pro's order); [] when it has none. */
function readingsOf(ch: string): string[] {
  return cached(readingsCache, ch, () => (polyphonic(ch, { toneType: 'none', type: 'array' })[0] ?? []).filter((r) => SYLLABLE.test(r)));
}

/**
 * Surname readings depend on the first two characters only (单 shan, 欧阳, 尉迟 yu chi); a call
 * to pinyin-pro costs ≈ 20 µs whatever its length, so these are cached rather than asked per name.
 */
function surnameReadings(head: string): string[] {
  return cached(surnameCache, head, () => pinyin(head, { toneType: 'none', type: 'array', surname: 'head' }));
}

/** Han characters get their readings; a run of other letters (张Wei, 李 David) is one syllable spelled as written. */
function syllables(name: string): Syllable[] {
  const parts: { han: boolean; text: string }[] = [];
  for (const ch of name) {
    if (ch === ' ') {
      parts.push({ han: false, text: '' });
      continue;
    }
    const han = HAN_CHAR.test(ch);
    const last = parts[parts.length - 1];
    if (!han && last && !last.han) last.text += ch;
    else parts.push({ han, text: ch });
  }
  const hanChars = parts.filter((p) => p.han).map((p) => p.text);
  const surname = surnameReadings(hanChars.slice(0, 2).join(''));
  const out: Syllable[] = [];
  let h = 0;
  for (const part of parts) {
    if (!part.text) continue;
    if (!part.han) {
      out.push({ top: [part.text], alt: [] });
      continue;
    }
    const all = readingsOf(part.text);
    const asSurname = h < 2 ? surname[h] : undefined;
    h++;
    if (!all.length) {
      // A character pinyin-pro does not know: it can still be matched as itself.
      out.push({ top: [part.text], alt: [] });
      continue;
    }
    const top = unique([asSurname, all[0]].filter((r): r is string => !!r && SYLLABLE.test(r)).flatMap(uVariants));
    out.push({ top, alt: unique(all.flatMap(uVariants)).filter((r) => !top.includes(r)) });
  }
  return out;
}

function combos(sylls: Syllable[]): string[][] {
  let out: string[][] = [[]];
  for (const s of sylls) {
    const next: string[][] = [];
    for (const prefix of out) for (const r of s.top) next.push([...prefix, r]);
    out = next.length > MAX_TOP_COMBOS ? next.slice(0, 1) : next;
  }
  return out;
}

function suffixes(readings: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < readings.length; i++) {
    const rest = readings.slice(i);
    out.push(rest.join(''), rest.map((r) => r[0]).join(''));
  }
  return out;
}

/** Pinyin spellings of a normalised (lower-case, simplified) name; undefined when it has no Han character. */
export function pinyinForms(name: string): PinyinForms | undefined {
  if (!HAN.test(name)) return undefined;
  const sylls = syllables(name);
  if (!sylls.length) return undefined;
  const tops = combos(sylls);
  const whole = unique(tops.flatMap((c) => [c.join(''), c.map((r) => r[0]).join('')]));
  const boundary = unique(tops.flatMap(suffixes));
  const first = tops[0]!;
  const alt: string[] = [];
  let substitutions = 0;
  sylls.forEach((s, i) => {
    for (const r of s.alt) {
      if (++substitutions > MAX_ALT_FORMS) return;
      const variant = [...first];
      variant[i] = r;
      // Only the suffixes that start at or before the substituted syllable differ from the top ones.
      alt.push(...suffixes(variant).slice(0, (i + 1) * 2));
    }
  });
  const altOnly = unique(alt).filter((a) => !boundary.includes(a));
  return {
    whole,
    boundaries: boundary.map((b) => '\u0001' + b).join(''),
    altBoundaries: altOnly.map((b) => '\u0001' + b).join(''),
  };
}

const companyCache = new Map<string, string>();

/**
 * Full pinyin of a Chinese company name from every syllable boundary (字节跳动 → zijietiaodong,
 * tiaodong…), so `zijie` finds the people who work there. Memoised: thousands of people share a
 * company, and the cache is bounded by the number of distinct names.
 */
export function companyPinyin(company: string): string {
  if (!HAN.test(company)) return '';
  let found = companyCache.get(company);
  if (found === undefined) {
    const han = [...company].filter((c) => HAN_CHAR.test(c)).join('');
    const readings = pinyin(han, { toneType: 'none', type: 'array' }).filter((r) => SYLLABLE.test(r)).flatMap((r) => uVariants(r).slice(0, 1));
    found = readings.map((_, i) => '\u0001' + readings.slice(i).join('')).join('');
    if (companyCache.size > 50_000) companyCache.clear();
    companyCache.set(company, found);
  }
  return found;
}
