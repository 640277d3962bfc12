import { RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie';

/**
 * What one storage mutation (Dexie's `storagemutated`, from this page or, through Dexie's
 * BroadcastChannel, from the background) did to one table: nothing, these primary keys, or
 * something not worth listing (a range, a clear, a database created or reopened).
 */
export type TableChange = { keys: string[] } | 'everything' | undefined;

/** Beyond this many keys, reading the whole table back is about as cheap as reading the keys. */
const MAX_KEYS = 2000;

/** The single keys of a range set, or undefined when it holds a real range or too many keys. */
function singleKeys(tree: IntervalTree, into: Set<string>): boolean {
  if (!('from' in tree)) return true;
  for (const node of RangeSet(tree)) {
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    into.add(node.from);
    if (into.size > MAX_KEYS) return false;
  }
  return true;
}

/**
 * Which rows of `table` a mutation touched. The primary-key part lists every written or deleted
 * key (Dexie adds them for puts, updates and deletes); index parts only say which index values
 * moved, so a table mentioned only through them is read back whole, to be safe.
 */
export function changedKeys(parts: ObservabilitySet, dbName: string, table: string): TableChange {
  if ('all' in parts) return 'everything';
  const prefix = `idb://${dbName}/${table}/`;
  const keys = new Set<string>();
  let mentioned = false;
  let listed = false;
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue;
    mentioned = true;
    const index = part.slice(prefix.length);
    if (index === '' || index === ':dels') {
      listed ||= index === '';
      if (!singleKeys(tree, keys)) return 'everything';
    }
  }
  if (!mentioned) return undefined;
  if (!listed) return 'everything';
  return keys.size ? { keys: [...keys] } : undefined;
}
