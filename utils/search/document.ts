import type { Person } from '../schema';
import { normalize } from './normalize';
import { companyPinyin, pinyinForms } from './pinyin';

/** What the index reads from a person. */
export type SearchablePerson = Pick<Person, 'id' | 'name'> & Partial<Pick<Person, 'headline' | 'companyName' | 'tags' | 'deleted'>>;

/** What is searchable about a person but stored elsewhere: note bodies, the company record's name, more tags. */
export interface SearchExtras {
  tags?: readonly string[];
  notes?: readonly string[];
  companyName?: string;
}

/**
 * Ranks, best first. A query's rank is that of its worst-matching word, or the rank of the whole
 * query written without spaces against the name (`zhang san` → `zhangsan`) when that is better.
 */
export const Rank = {
  /** The name, its pinyin or its initials is the query: `张三`, `zhangsan`, `zs`. */
  exact: 0,
  /** …starts with the query: `zhan`, `jo` for José. */
  prefix: 1,
  /** A later word of the name, or a later syllable of its pinyin, starts with the query: `san` for 张三. */
  wordPrefix: 2,
  /** Anywhere in the name, or a rare reading of a polyphonic character (乐 yao). */
  inName: 3,
  /** Headline, company (also by pinyin from a syllable start) or a tag. */
  inFields: 4,
  inNotes: 5,
} as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

/** Marks a syllable start in the pinyin sections, so that `ang` does not find every 张. */
export const BOUNDARY = '\u0001';

/**
 * One person, precomputed for matching. The searchable text (the "haystack") is laid out as
 *   name \n compact name \n pinyin, rare readings \n headline company tags \n company pinyin \n notes
 * and kept in the index's block strings, not here: most people are rejected by one native indexOf
 * over a block, and only the few that contain the query are ranked, by looking at the sections.
 * Offsets are relative to the start of this person's haystack.
 */
export interface SearchDoc {
  id: string;
  name: string;
  /** The name without spaces, for `maryann` and `obrien`. */
  compact: string;
  /** Whole-name pinyin spellings, full and initials: `zhangsan`, `zs`. */
  whole?: string[];
  pinyinAt: number;
  altAt: number;
  fieldsAt: number;
  companyPinyinAt: number;
  notesAt: number;
  length: number;
  /** The haystack until the index has joined it into its block. */
  hay?: string;
}

function joinNormalized(parts: readonly (string | undefined)[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    const n = normalize(p);
    if (n) out = out ? `${out} ${n}` : n;
  }
  return out;
}

export function makeDoc(person: SearchablePerson, extras: SearchExtras | undefined): SearchDoc {
  const name = normalize(person.name);
  const compact = name.includes(' ') ? name.replace(/ /g, '') : name;
  const pinyin = pinyinForms(name);
  const companies = [normalize(person.companyName ?? '')];
  const extraCompany = normalize(extras?.companyName ?? '');
  if (extraCompany && extraCompany !== companies[0]) companies.push(extraCompany);
  const fields = joinNormalized([person.headline, ...companies, ...(person.tags ?? []), ...(extras?.tags ?? [])]);
  const notes = (extras?.notes ?? []).map(normalize).join('\n');

  let hay = `${name}\n${compact === name ? '' : compact}\n`;
  const pinyinAt = hay.length;
  hay += pinyin?.boundaries ?? '';
  const altAt = hay.length;
  hay += `${pinyin?.altBoundaries ?? ''}\n`;
  const fieldsAt = hay.length;
  hay += `${fields}\n`;
  const companyPinyinAt = hay.length;
  hay += `${companies.map(companyPinyin).join('')}\n`;
  const notesAt = hay.length;
  hay += notes;
  return { id: person.id, name, compact, whole: pinyin?.whole, pinyinAt, altAt, fieldsAt, companyPinyinAt, notesAt, length: hay.length, hay };
}

/** A query word, with its syllable-start form computed once per search rather than once per person. */
export interface Word {
  text: string;
  atBoundary: string;
  atWordStart: string;
}

export function prepareWord(text: string): Word {
  return { text, atBoundary: BOUNDARY + text, atWordStart: ' ' + text };
}

/** Whether `needle` occurs in `text` starting within [from, to). */
function within(text: string, needle: string, from: number, to: number): boolean {
  const at = text.indexOf(needle, from);
  return at !== -1 && at < to;
}

function startsAny(list: readonly string[] | undefined, w: string): boolean {
  if (list) for (const s of list) if (s.startsWith(w)) return true;
  return false;
}

/**
 * How well one word matches a person, or -1. The person's haystack is `text` from `base` on
 * (a block of the index, or the haystack alone with base 0); `firstAt` is where the word first
 * occurs in it, or -1. Where that first occurrence lies decides most of the rank: past the name
 * and pinyin sections the name cannot match, and the rank is that of the section — the common
 * case for short queries, which is why ranking starts from it.
 */
export function rankWord(doc: SearchDoc, text: string, base: number, word: Word, firstAt: number): Rank | -1 {
  const w = word.text;
  const end = base + doc.length;
  if (firstAt === -1 || firstAt >= end) return -1;
  if (firstAt < base + doc.fieldsAt) {
    const { name, compact, whole } = doc;
    const inNameText = firstAt < base + doc.pinyinAt;
    if (inNameText && (name === w || compact === w)) return Rank.exact;
    if (whole?.includes(w)) return Rank.exact;
    if ((inNameText && (name.startsWith(w) || compact.startsWith(w))) || startsAny(whole, w)) return Rank.prefix;
    if (inNameText && name.includes(word.atWordStart)) return Rank.wordPrefix;
    if (whole && within(text, word.atBoundary, base + doc.pinyinAt, base + doc.altAt)) return Rank.wordPrefix;
    if (inNameText) return Rank.inName;
    if (whole && within(text, word.atBoundary, base + doc.altAt, base + doc.fieldsAt)) return Rank.inName;
  }
  const at = firstAt >= base + doc.fieldsAt ? firstAt : text.indexOf(w, base + doc.fieldsAt);
  if (at === -1 || at >= end) return -1;
  if (at < base + doc.companyPinyinAt) return Rank.inFields;
  // Company pinyin counts from a syllable start only: `ang` must not find everyone at 平安.
  if (at < base + doc.notesAt) {
    if (within(text, word.atBoundary, base + doc.companyPinyinAt, base + doc.notesAt)) return Rank.inFields;
    return within(text, w, base + doc.notesAt, end) ? Rank.inNotes : -1;
  }
  return Rank.inNotes;
}

/**
 * The rank of a whole query, or -1 when one of its words does not match. `joined` is the words run
 * together. The person's haystack is `text` from `base` on, and `firstAt` is where the first word
 * occurs in it. Other words are looked for in a slice of the haystack: an unbounded indexOf could
 * run through the rest of the block for every candidate.
 */
export function rankQuery(doc: SearchDoc, text: string, base: number, words: readonly Word[], joined: string, firstAt: number): Rank | -1 {
  let worst = rankWord(doc, text, base, words[0]!, firstAt);
  if (worst === -1) return -1;
  if (words.length > 1) {
    const hay = text.slice(base, base + doc.length);
    for (let i = 1; i < words.length; i++) {
      const r = rankWord(doc, hay, 0, words[i]!, hay.indexOf(words[i]!.text));
      if (r === -1) return -1;
      if (r > worst) worst = r;
    }
    if (worst > Rank.prefix) {
      if (doc.compact === joined || doc.whole?.includes(joined)) return Rank.exact;
      if (doc.compact.startsWith(joined) || startsAny(doc.whole, joined)) return Rank.prefix;
    }
  }
  return worst;
}
