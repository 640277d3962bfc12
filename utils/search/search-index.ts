import { makeDoc, prepareWord, Rank, rankQuery, type SearchDoc, type SearchExtras, type SearchablePerson, type Word } from './document';
import { queryTokens } from './normalize';

/** Extras per person id, or a function that finds them. */
export type ExtrasSource = ReadonlyMap<string, SearchExtras> | ((person: SearchablePerson) => SearchExtras | undefined);

/**
 * People per block. A block's haystacks are joined into one string so that a keystroke costs
 * about one native indexOf per block rather than one call per person (1.6–1.9× faster at 100k;
 * 128 and 2,048 per block measured slower than 512), and each haystack is held once, in its
 * block. A change re-joins only its block, in well under a millisecond.
 */
const BLOCK = 512;
/** Between two haystacks: no normalised query contains it, so no match spans two people. */
const SEP = '\u0000';

interface Block {
  text: string;
  /** The slots joined in `text`, ascending, and where each one's haystack starts. */
  slots: number[];
  starts: number[];
  /**
   * The same haystacks cut before their notes (name, pinyin, headline, company, tags: a third of
   * the text), joined the same way, and where each starts: what searchFields scans.
   */
  head: string;
  headStarts: number[];
  dirty: boolean;
}

/** An in-memory search index over people. Treat it as opaque and use this module's functions. */
export interface SearchIndex {
  /** In the order people were given; a removed person leaves a hole until the next compaction. */
  docs: (SearchDoc | undefined)[];
  slotOf: Map<string, number>;
  blocks: Block[];
  holes: number;
  /** The last query's words and the slots it matched (ascending), until the index changes. */
  last?: { tokens: string[]; slots: number[] };
  /** The same for the last searchFields. */
  lastFields?: { tokens: string[]; slots: number[] };
}

/**
 * A keystroke that only adds to the query (`ja` → `jam`, `zhang` → `zhang w`) can only narrow the
 * matches: every word of the old query is part of a word of the new one, and a person matches a
 * word only where its text occurs in a section that counts. So the new query is ranked over the
 * old matches alone, unless they are most of the index (then one indexOf per block is cheaper).
 */
const NARROW_AT_MOST = 0.2;
/**
 * The same for searchFields, whose scan covers a third of the text and so wins sooner: ranking the
 * old matches cost ~0.55 µs each, scanning the fields 3.5–6 ms (CPU time at 100k, "ja" → "jam").
 */
const NARROW_FIELDS_AT_MOST = 0.05;

function refines(before: readonly string[], after: readonly string[]): boolean {
  if (!before.length || after.length < before.length) return false;
  const last = before.length - 1;
  for (let i = 0; i < last; i++) if (before[i] !== after[i]) return false;
  return after[last]!.startsWith(before[last]!);
}

function extrasOf(source: ExtrasSource | undefined, person: SearchablePerson): SearchExtras | undefined {
  if (!source) return undefined;
  return typeof source === 'function' ? source(person) : source.get(person.id);
}

function markDirty(index: SearchIndex, slot: number): void {
  index.last = undefined;
  index.lastFields = undefined;
  const b = Math.floor(slot / BLOCK);
  while (index.blocks.length <= b) index.blocks.push({ text: '', slots: [], starts: [], head: '', headStarts: [], dirty: true });
  index.blocks[b]!.dirty = true;
}

/** Re-join a block: new haystacks come from their documents, unchanged ones are sliced from the old text. */
function join(index: SearchIndex, b: number, block: Block): void {
  const parts: string[] = [];
  const heads: string[] = [];
  const slots: number[] = [];
  const starts: number[] = [];
  const headStarts: number[] = [];
  let old = 0;
  let at = 0;
  let headAt = 0;
  for (let slot = b * BLOCK; slot < Math.min((b + 1) * BLOCK, index.docs.length); slot++) {
    const doc = index.docs[slot];
    if (!doc) continue;
    while (old < block.slots.length && block.slots[old]! < slot) old++;
    const hay = doc.hay ?? block.text.slice(block.starts[old]!, block.starts[old]! + doc.length);
    doc.hay = undefined;
    slots.push(slot);
    starts.push(at);
    parts.push(hay);
    at += doc.length + 1;
    headStarts.push(headAt);
    heads.push(hay.slice(0, doc.notesAt));
    headAt += doc.notesAt + 1;
  }
  block.text = parts.join(SEP);
  block.head = heads.join(SEP);
  block.slots = slots;
  block.starts = starts;
  block.headStarts = headStarts;
  block.dirty = false;
}

function joinAll(index: SearchIndex): void {
  index.blocks.forEach((block, b) => {
    if (block.dirty) join(index, b, block);
  });
}

/**
 * Build the index. The order of `people` is the order of equally ranked results (give them in
 * the list's default order); deleted people are left out.
 */
export function buildIndex(people: Iterable<SearchablePerson>, extras?: ExtrasSource): SearchIndex {
  const index: SearchIndex = { docs: [], slotOf: new Map(), blocks: [], holes: 0 };
  for (const person of people) {
    if (person.deleted || index.slotOf.has(person.id)) continue;
    index.slotOf.set(person.id, index.docs.length);
    markDirty(index, index.docs.length);
    index.docs.push(makeDoc(person, extrasOf(extras, person)));
  }
  joinAll(index);
  return index;
}

/**
 * buildIndex in slices, yielding to the event loop between them, so that a popup opening on
 * 100,000 people (a few seconds of work) keeps painting and answering input meanwhile.
 * Aborting rejects with the signal's reason.
 */
export async function buildIndexAsync(
  people: Iterable<SearchablePerson>,
  extras?: ExtrasSource,
  options: { sliceSize?: number; signal?: AbortSignal; yieldToLoop?: () => Promise<void> } = {},
): Promise<SearchIndex> {
  const { sliceSize = 2000, signal, yieldToLoop = () => new Promise<void>((r) => setTimeout(r, 0)) } = options;
  const index = buildIndex([]);
  let n = 0;
  for (const person of people) {
    if (!person.deleted && !index.slotOf.has(person.id)) updateIndex(index, person, extrasOf(extras, person));
    if (++n % sliceSize === 0) {
      await yieldToLoop();
      signal?.throwIfAborted();
    }
  }
  joinAll(index);
  return index;
}

/** Add a person, or re-index one whose fields, tags, notes or company changed. A deleted person is removed. */
export function updateIndex(index: SearchIndex, person: SearchablePerson, extras?: SearchExtras): void {
  if (person.deleted) {
    removeFromIndex(index, person.id);
    return;
  }
  const doc = makeDoc(person, extras);
  let slot = index.slotOf.get(person.id);
  if (slot === undefined) {
    slot = index.docs.length;
    index.slotOf.set(person.id, slot);
    index.docs.push(doc);
  } else index.docs[slot] = doc;
  markDirty(index, slot);
}

export function removeFromIndex(index: SearchIndex, personId: string): void {
  const slot = index.slotOf.get(personId);
  if (slot === undefined) return;
  index.slotOf.delete(personId);
  index.docs[slot] = undefined;
  markDirty(index, slot);
  if (++index.holes > BLOCK && index.holes > index.docs.length / 4) compact(index);
}

/** Close the holes left by removals, keeping the order; no document is rebuilt. */
function compact(index: SearchIndex): void {
  joinAll(index);
  const docs: SearchDoc[] = [];
  for (const block of index.blocks)
    block.slots.forEach((slot, k) => {
      const doc = index.docs[slot]!;
      doc.hay = block.text.slice(block.starts[k]!, block.starts[k]! + doc.length);
      docs.push(doc);
    });
  index.docs = docs;
  index.slotOf = new Map(docs.map((d, i) => [d.id, i]));
  index.blocks = [];
  index.holes = 0;
  for (let slot = 0; slot < docs.length; slot += BLOCK) markDirty(index, slot);
  joinAll(index);
}

/** How one person matches a query, without an index (for a handful of people): a Rank, or -1. */
export function matchPerson(person: SearchablePerson, query: string, extras?: SearchExtras): Rank | -1 {
  const tokens = queryTokens(query);
  if (!tokens.length) return Rank.exact;
  const doc = makeDoc(person, extras);
  const hay = doc.hay!;
  const words = tokens.map(prepareWord);
  return rankQuery(doc, hay, 0, words, tokens.join(''), hay.indexOf(words[0]!.text));
}

export function indexSize(index: SearchIndex): number {
  return index.slotOf.size;
}

interface PreparedQuery {
  tokens: string[];
  /** The longest word is usually the rarest: scanning for it rejects the most people. */
  longest: string;
  words: Word[];
  joined: string;
}

function prepareQuery(tokens: string[]): PreparedQuery {
  const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a));
  const words = [longest, ...tokens.filter((t, i) => i !== tokens.indexOf(longest))].map(prepareWord);
  return { tokens, longest, words, joined: tokens.join('') };
}

/** Matches by rank, and the slots matched in index order. */
interface Matches {
  ranked: string[][];
  slots: number[];
}

/**
 * Ranks the given slots (ascending) alone: the previous query's matches, when the new query only
 * adds to it. `fieldsOnly`: a person counts only if the longest word occurs before their notes.
 */
function rankSlots(index: SearchIndex, q: PreparedQuery, candidates: readonly number[], fieldsOnly: boolean): Matches {
  const out: Matches = { ranked: [[], [], [], [], [], []], slots: [] };
  let b = -1;
  let block: Block | undefined;
  let k = 0;
  for (const slot of candidates) {
    if (Math.floor(slot / BLOCK) !== b) {
      b = Math.floor(slot / BLOCK);
      block = index.blocks[b]!;
      if (block.dirty) join(index, b, block);
      k = 0;
    }
    const { text, starts, slots } = block!;
    while (slots[k]! < slot) k++;
    const doc = index.docs[slot]!;
    const hay = text.slice(starts[k]!, starts[k]! + doc.length);
    const firstAt = hay.indexOf(q.longest);
    if (fieldsOnly && (firstAt === -1 || firstAt >= doc.notesAt)) continue;
    const rank = rankQuery(doc, hay, 0, q.words, q.joined, firstAt);
    if (rank === -1) continue;
    out.ranked[rank]!.push(doc.id);
    out.slots.push(slot);
  }
  return out;
}

/**
 * Scans every block for the longest word with one native indexOf per occurrence, and ranks the
 * people it occurs in. `fieldsOnly`: scans the blocks' heads (the haystacks cut before the notes).
 */
function scanBlocks(index: SearchIndex, q: PreparedQuery, fieldsOnly: boolean): Matches {
  const out: Matches = { ranked: [[], [], [], [], [], []], slots: [] };
  for (let b = 0; b < index.blocks.length; b++) {
    const block = index.blocks[b]!;
    if (block.dirty) join(index, b, block);
    const { text, starts, slots } = block;
    const scanned = fieldsOnly ? block.head : text;
    const scannedStarts = fieldsOnly ? block.headStarts : starts;
    let at = scanned.indexOf(q.longest);
    let k = 0;
    while (at !== -1) {
      while (k + 1 < scannedStarts.length && scannedStarts[k + 1]! <= at) k++;
      const doc = index.docs[slots[k]!]!;
      // A head is the start of its haystack: the same offset from the person's start in both.
      const rank = rankQuery(doc, text, starts[k]!, q.words, q.joined, starts[k]! + at - scannedStarts[k]!);
      if (rank !== -1) {
        out.ranked[rank]!.push(doc.id);
        out.slots.push(slots[k]!);
      }
      if (++k >= scannedStarts.length) break;
      at = scanned.indexOf(q.longest, scannedStarts[k]!);
    }
  }
  return out;
}

function firstIds(ranked: readonly string[][], limit: number): string[] {
  const out: string[] = [];
  for (const list of ranked)
    for (const id of list) {
      if (out.length >= limit) return out;
      out.push(id);
    }
  return out;
}

function everyone(index: SearchIndex, limit: number): string[] {
  const out: string[] = [];
  for (const d of index.docs) {
    if (out.length >= limit) break;
    if (d) out.push(d.id);
  }
  return out;
}

/**
 * Matches from the previous query of the same kind when the new one only adds to it and they are
 * few (see NARROW_AT_MOST), else from a scan; remembered for the next keystroke.
 */
function matches(index: SearchIndex, tokens: string[], fieldsOnly: boolean): Matches {
  const q = prepareQuery(tokens);
  const previous = fieldsOnly ? index.lastFields : index.last;
  const found =
    previous && refines(previous.tokens, tokens) && previous.slots.length <= index.slotOf.size * (fieldsOnly ? NARROW_FIELDS_AT_MOST : NARROW_AT_MOST)
      ? rankSlots(index, q, previous.slots, fieldsOnly)
      : scanBlocks(index, q, fieldsOnly);
  if (fieldsOnly) index.lastFields = { tokens, slots: found.slots };
  else index.last = { tokens, slots: found.slots };
  return found;
}

/**
 * The ids of the people matching `query`, best first (see Rank); equal ranks keep the index
 * order. Every word of the query must match somewhere. An empty query returns everyone.
 */
export function search(index: SearchIndex, query: string, limit = Infinity): string[] {
  const tokens = queryTokens(query);
  if (!tokens.length) return everyone(index, limit);
  return firstIds(matches(index, tokens, false).ranked, limit);
}

/**
 * The first part of search()'s answer, for the keystroke's own frame: the people in whose name,
 * pinyin, headline, company or tags the query's longest word occurs (a third of the text to scan),
 * in search()'s order. Every better-than-notes match is among them, so the top of the list is
 * already search()'s; the people found only through their notes follow when search() answers.
 */
export function searchFields(index: SearchIndex, query: string, limit = Infinity): string[] {
  const tokens = queryTokens(query);
  if (!tokens.length) return everyone(index, limit);
  return firstIds(matches(index, tokens, true).ranked, limit);
}
