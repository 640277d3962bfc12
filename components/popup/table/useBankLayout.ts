import { useState } from 'react';

export type BankLayout = 'list' | 'table';

/** This extension page's own storage: the layout is a per-device habit, not a synced preference. */
const KEY = 'scoutbook.popup.layout';

function stored(): BankLayout {
  try {
    return localStorage.getItem(KEY) === 'table' ? 'table' : 'list';
  } catch {
    return 'list';
  }
}

/** List or table, remembered between openings of the popup. */
export function useBankLayout(): [BankLayout, (layout: BankLayout) => void] {
  const [layout, setLayout] = useState<BankLayout>(stored);
  return [
    layout,
    (next) => {
      setLayout(next);
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Not remembered; the choice still applies now.
      }
    },
  ];
}
