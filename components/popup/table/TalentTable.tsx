import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TalentRow } from '@/utils/export/talent-bank';
import { relativeTime } from '@/utils/format/relative-time';
import type { PopupMessageKey } from '@/utils/i18n/popup';
import type { Pipeline } from '@/utils/schema';
import { statusLabel } from '../filters/filter-labels';
import { isRowStale, lastActivityOf, ownersOf } from '../filters/row-facts';
import { useI18n } from '../i18n/I18nProvider';
import { collatorFor, nextSort, sortRows, TABLE_COLUMNS, type TableColumn, type TableSort } from './table-sort';
import { OpenDetailButton, ProfileLink } from '../detail/OpenDetailButton';

/** One line per person: fixed, so the virtualiser never has to measure 100,000 rows. */
const ROW_HEIGHT = 36;

const HEADER: Record<TableColumn, PopupMessageKey> = {
  name: 'table.col.name',
  headline: 'table.col.headline',
  company: 'table.col.company',
  status: 'table.col.status',
  tags: 'table.col.tags',
  pipelines: 'table.col.pipelines',
  owner: 'table.col.owner',
  activity: 'table.col.activity',
};

export interface TableSelection {
  has: (id: string) => boolean;
  /** `order` is the table's own (sorted) order: shift-click selects a range of what is on screen. */
  toggle: (id: string, shift: boolean, order: readonly string[]) => void;
  allSelected: boolean;
  toggleAll: () => void;
}

/** The talent bank as a sortable table, virtualised (a 100,000-row list keeps a few dozen rows in the DOM). */
export function TalentTable(props: {
  rows: readonly TalentRow[];
  pipelines: readonly Pipeline[];
  selection: TableSelection;
  staleAfterDays: number;
  now: number;
}) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<TableSort>();
  const sorted = useMemo(() => sortRows(props.rows, sort, collatorFor(lang)), [props.rows, sort, lang]);
  const order = useMemo(() => sorted.map((r) => r.person.id), [sorted]);
  const byId = useMemo(() => new Map(props.pipelines.map((p) => [p.id, p])), [props.pipelines]);
  const scroller = useRef<HTMLDivElement>(null);
  // Stable while the rows are: a new function makes the virtualiser re-measure every row (O(rows)) on every render.
  const itemKey = useCallback((i: number) => sorted[i]!.person.id, [sorted]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoise; this component is not compiled.
  const virtual = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: itemKey,
  });
  const { selection } = props;

  return (
    <div ref={scroller} className="table-scroller" data-testid="sb-table">
      <div role="table" className="tbl" aria-label={t('table.label')} aria-rowcount={sorted.length + 1}>
        <div role="rowgroup" className="tbl-head">
          <div role="row" className="tbl-row" aria-rowindex={1}>
            <div role="columnheader" className="cell cell-check">
              <input
                type="checkbox"
                data-testid="sb-select-all"
                aria-label={t('bank.selectAll', { count: sorted.length })}
                checked={selection.allSelected}
                onChange={selection.toggleAll}
              />
            </div>
            {TABLE_COLUMNS.map((column) => {
              const direction = sort?.column === column ? sort.direction : undefined;
              return (
                <div
                  key={column}
                  role="columnheader"
                  className={`cell col-${column}`}
                  aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
                >
                  <button
                    type="button"
                    data-testid={`sb-sort-${column}`}
                    title={t('table.sortBy', { column: t(HEADER[column]) })}
                    onClick={() => setSort((s) => nextSort(s, column))}
                  >
                    {t(HEADER[column])}
                    <span className="sort-mark" aria-hidden="true">
                      {direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="tbl-body" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => {
            const row = sorted[item.index]!;
            const { person } = row;
            const selected = selection.has(person.id);
            const activity = lastActivityOf(row);
            const stale = isRowStale(row, byId, props.now, props.staleAfterDays);
            const stages = row.stages.map((s) => `${s.pipeline} · ${s.stage}`).join(', ');
            const owners = ownersOf(row).join(', ');
            return (
              <div
                key={item.key}
                role="row"
                className={`tbl-row${selected ? ' selected' : ''}`}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-testid="sb-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <div role="cell" className="cell cell-check">
                  <input
                    type="checkbox"
                    data-testid="sb-row-select"
                    aria-label={t('bank.select', { name: person.name })}
                    checked={selected}
                    onChange={() => {}}
                    onClick={(e) => selection.toggle(person.id, e.shiftKey, order)}
                  />
                </div>
                <div role="cell" className="cell col-name" title={person.name}>
                  <OpenDetailButton personId={person.id} name={person.name} className="row-name" />
                  {person.profileUrl && <ProfileLink href={person.profileUrl} />}
                </div>
                <div role="cell" className="cell col-headline" title={person.headline}>
                  {person.headline}
                </div>
                <div role="cell" className="cell col-company" title={person.companyName}>
                  {person.companyName}
                </div>
                <div role="cell" className="cell col-status">
                  <span className={`status status-${person.status}`}>{statusLabel(t, person.status)}</span>
                </div>
                <div role="cell" className="cell col-tags" title={person.tags.join(', ')}>
                  {person.tags.join(', ')}
                </div>
                <div role="cell" className="cell col-pipelines" title={stages}>
                  {stages}
                </div>
                <div role="cell" className="cell col-owner" title={owners}>
                  {owners}
                </div>
                <div role="cell" className="cell col-activity">
                  {activity ? relativeTime(activity, lang, props.now) : t('popup.never')}
                  {stale && (
                    <span className="stale" title={t('bank.staleTitle', { days: props.staleAfterDays })}>
                      {t('bank.stale')}
                    </span>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
