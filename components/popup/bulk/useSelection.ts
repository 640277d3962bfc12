import { useCallback, useMemo, useState } from 'react';
import type { TalentRow } from '@/utils/export/talent-bank';
import type { TableSelection } from '../table/TalentTable';
import { EMPTY_SELECTION, selectAll, toggleOne, type SelectionState } from './selection';

export interface Selection extends TableSelection {
  /** Selected people still listed, in list order: what a bulk action touches. */
  ids: string[];
  rows: TalentRow[];
  clear: () => void;
}

/** Checkbox selection over the listed rows (see selection.ts for the rules). */
export function useSelection(listed: readonly TalentRow[]): Selection {
  const [state, setState] = useState<SelectionState>(EMPTY_SELECTION);
  const rows = useMemo(() => (state.ids.size ? listed.filter((r) => state.ids.has(r.person.id)) : []), [state, listed]);
  const ids = useMemo(() => rows.map((r) => r.person.id), [rows]);
  const allSelected = listed.length > 0 && rows.length === listed.length;
  const clear = useCallback(() => setState(EMPTY_SELECTION), []);
  return {
    ids,
    rows,
    clear,
    allSelected,
    has: (id) => state.ids.has(id),
    toggle: (id, shift, order) => setState((s) => toggleOne(s, id, order, shift)),
    toggleAll: () => setState(allSelected ? EMPTY_SELECTION : selectAll(listed.map((r) => r.person.id))),
  };
}
