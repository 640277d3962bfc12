/**
 * Which listed people are selected. Clicking a checkbox toggles one person and makes them the
 * anchor; shift-clicking another selects everyone listed between the anchor and them (as in a
 * file manager). The selection only counts people still listed: a search or filter that hides
 * someone also takes them out of what a bulk action touches.
 */
export interface SelectionState {
  ids: ReadonlySet<string>;
  anchor?: string;
}

export const EMPTY_SELECTION: SelectionState = { ids: new Set() };

export function toggleOne(state: SelectionState, id: string, listed: readonly string[], shift: boolean): SelectionState {
  if (shift && state.anchor !== undefined && state.anchor !== id) {
    const from = listed.indexOf(state.anchor);
    const to = listed.indexOf(id);
    if (from !== -1 && to !== -1) {
      const ids = new Set(state.ids);
      const [lo, hi] = from < to ? [from, to] : [to, from];
      for (let i = lo; i <= hi; i++) ids.add(listed[i]!);
      return { ids, anchor: id };
    }
  }
  const ids = new Set(state.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

export function selectAll(listed: readonly string[]): SelectionState {
  return { ids: new Set(listed) };
}
