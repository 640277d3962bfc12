import { makeDoc, prepareWord, Rank, rankQuery, type SearchDoc, type SearchExtras, type SearchablePerson } from './document';
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
}

/**
 * A keystroke that only adds to the query (`ja` → `jam`, `zhang` → `zhang w`) can only narrow the
 * matches: every word of the old query is part of a word of the new one, and a person matches a
 * word only where its text occurs in a section that counts. So the new query is ranked over the
 * old matches alone, unless they are most of the index (then one indexOf per block is cheaper).
 */
const NARROW_AT_MOST = 0.2;

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
  const b = Math.floor(slot / BLOCK);
  while (index.blocks.length <= b) index.blocks.push({ text: '', slots: [], starts: [], dirty: true });
  index.blocks[b]!.dirty = true;
}

/** Re-join a block: new haystacks come from their documents, unchanged ones are sliced from the old text. */
function join(index: SearchIndex, b: number, block: Block): void {
  const parts: string[] = [];
  const slots: number[] = [];
  const starts: number[] = [];
  let old = 0;
  let at = 0;
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
  }
  block.text = parts.join(SEP);
  block.slots = slots;
  block.starts = starts;
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

/**
 * The ids of the people matching `query`, best first (see Rank); equal ranks keep the index
 * order. Every word of the query must match somewhere. An empty query returns everyone.
 */
export function search(index: SearchIndex, query: string, limit = Infinity): string[] {
  const tokens = queryTokens(query);
  if (!tokens.length) {
    const out: string[] = [];
    for (const d of index.docs) {
      if (out.length >= limit) break;
      if (d) out.push(d.id);
    }
    return out;
  }
  // The longest word is usually the rarest: scanning for it rejects the most people.
  const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a));
  const words = [longest, ...tokens.filter((t, i) => i !== tokens.indexOf(longest))].map(prepareWord);
  const joined = tokens.join('');
  const ranked: string[][] = [[], [], [], [], [], []];
  const matched: number[] = [];
  const previous = index.last;
  if (previous && refines(previous.tokens, tokens) && previous.slots.length <= index.slotOf.size * NARROW_AT_MOST) {
    let b = -1;
    let block: Block | undefined;
    let k = 0;
    for (const slot of previous.slots) {
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
      const rank = rankQuery(doc, hay, 0, words, joined, hay.indexOf(longest));
      if (rank === -1) continue;
      ranked[rank]!.push(doc.id);
      matched.push(slot);
    }
  } else {
    for (let b = 0; b < index.blocks.length; b++) {
      const block = index.blocks[b]!;
      if (block.dirty) join(index, b, block);
      const { text, starts, slots } = block;
      let at = text.indexOf(longest);
      let k = 0;
      while (at !== -1) {
        while (k + 1 < starts.length && starts[k + 1]! <= at) k++;
        const doc = index.docs[slots[k]!]!;
        const rank = rankQuery(doc, text, starts[k]!, words, joined, at);
        if (rank !== -1) {
          ranked[rank]!.push(doc.id);
          matched.push(slots[k]!);
        }
        if (++k >= starts.length) break;
        at = text.indexOf(longest, starts[k]!);
      }
    }
  }
  index.last = { tokens, slots: matched };
  const out: string[] = [];
  for (const list of ranked)
    for (const id of list) {
      if (out.length >= limit) return out;
      out.push(id);
    }
  return out;
}
