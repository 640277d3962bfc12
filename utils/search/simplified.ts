import { from, to } from 'opencc-js/preset/t2cn';

/**
 * Traditional → simplified, one character at a time. OpenCC's full converter segments phrases
 * (and ships a 1 MB phrase table); search needs the opposite property: converting a substring
 * must give a substring of the converted text, or a query typed in one script would miss the same
 * word in the other. So only the one-to-one character tables are used: the Taiwan and Hong Kong
 * variant tables, then TSCharacters (≈ 4,000 entries). The t2cn preset bundles ≈ 100 KB of
 * dictionaries; the table is built once, on first use, in 10–30 ms.
 */
let table: { map: Map<string, string>; pattern: RegExp } | undefined;

function pairs(dict: unknown): [string, string][] {
  if (typeof dict === 'string') {
    const out: [string, string][] = [];
    for (const entry of dict.split('|')) {
      const [src, dst] = entry.split(' ');
      if (src && dst) out.push([src, dst]);
    }
    return out;
  }
  if (Array.isArray(dict)) return dict.filter((p): p is [string, string] => Array.isArray(p) && p.length >= 2);
  return [];
}

/** Only single code point → single code point entries: anything longer is a phrase rule. */
function singleChars(groups: readonly (readonly unknown[])[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups ?? [])
    for (const dict of group)
      for (const [src, dst] of pairs(dict)) {
        const target = dst.split(' ')[0]!;
        if ([...src].length === 1 && [...target].length === 1) map.set(src, target);
      }
  return map;
}

function buildTable(): { map: Map<string, string>; pattern: RegExp } {
  const variants = new Map([...singleChars(from.hk), ...singleChars(from.tw)]);
  const ts = singleChars(to.cn);
  const out = new Map<string, string>();
  for (const [src, dst] of ts) out.set(src, dst);
  for (const [src, variant] of variants) {
    const simplified = ts.get(variant) ?? variant;
    if (simplified !== src) out.set(src, simplified);
  }
  resolveChains(out);
  // One native regex scan finds the few characters to replace: most Chinese text has none.
  return { map: out, pattern: new RegExp(`[${[...out.keys()].join('')}]`, 'gu') };
}

/**
 * A target can itself be a source (麼 → 么 → 幺 across the tables): map every character to the end
 * of its chain, so that converting twice changes nothing and a query and the text it was indexed
 * from always meet. A cycle, were the tables ever to hold one, ends at its smallest character.
 */
function resolveChains(map: Map<string, string>): void {
  for (const src of [...map.keys()]) {
    const chain = [src];
    let end = map.get(src)!;
    while (map.has(end) && !chain.includes(end)) {
      chain.push(end);
      end = map.get(end)!;
    }
    if (chain.includes(end)) end = [...chain].sort()[0]!;
    for (const ch of chain) {
      if (ch === end) map.delete(ch);
      else map.set(ch, end);
    }
  }
}

const HAN = /\p{Script=Han}/u;

/** Traditional and variant Han characters replaced by their simplified form; everything else as is. */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  table ??= buildTable();
  const { map } = table;
  return text.replace(table.pattern, (ch) => map.get(ch) ?? ch);
}
