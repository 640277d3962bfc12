// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TalentTable, type TableSelection } from '@/components/popup/table/TalentTable';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import type { Pipeline } from '@/utils/schema';
import type { TalentRow } from '@/utils/export/talent-bank';
import { layOutLikeAPopup, withI18n } from './popup-kit';
import { DAY, NOW, row } from './rows';

const PIPELINES = DEFAULT_PIPELINES.map((p) => ({ ...p, createdAt: 0, updatedAt: '000000000000001:00000:seed', deleted: false, archived: false })) as Pipeline[];

const noSelection: TableSelection = { has: () => false, toggle: () => {}, allSelected: false, toggleAll: () => {} };

function renderTable(rows: TalentRow[]) {
  return render(withI18n(<TalentTable rows={rows} pipelines={PIPELINES} selection={noSelection} staleAfterDays={14} now={NOW} />));
}

function names(): string[] {
  return screen.getAllByTestId('sb-row').map((r) => within(r).getAllByRole('cell')[1]!.textContent ?? '');
}

function header(name: RegExp) {
  return screen.getAllByRole('columnheader').find((h) => name.test(h.textContent ?? ''))!;
}

describe('talent bank table', () => {
  beforeAll(layOutLikeAPopup);
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  const people = [
    row({ name: 'Carlos Mendes', companyName: 'Globex', status: 'passive' }, [{ stageId: 'interview', stage: 'Interview', activityAt: NOW - 2 * DAY }], NOW - 40 * DAY),
    row({ name: 'ada Lovelace', companyName: 'Analytical', status: 'placed' }, [], NOW - 10 * DAY),
    row({ name: 'Bea Lin', status: 'active' }, [], NOW - 5 * DAY),
  ];

  it('keeps the list order until a header is clicked, then sorts by it and reverses on a second click', () => {
    renderTable(people);
    expect(names()).toEqual(['Carlos Mendes', 'ada Lovelace', 'Bea Lin']);
    expect(header(/^Name/).getAttribute('aria-sort')).toBe('none');

    fireEvent.click(screen.getByTestId('sb-sort-name'));
    expect(names()).toEqual(['ada Lovelace', 'Bea Lin', 'Carlos Mendes']);
    expect(header(/^Name/).getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(screen.getByTestId('sb-sort-name'));
    expect(names()).toEqual(['Carlos Mendes', 'Bea Lin', 'ada Lovelace']);
    expect(header(/^Name/).getAttribute('aria-sort')).toBe('descending');
  });

  it('puts rows without a value last in both directions, and sorts activity newest first on the first click', () => {
    renderTable(people);
    fireEvent.click(screen.getByTestId('sb-sort-company'));
    expect(names()).toEqual(['ada Lovelace', 'Carlos Mendes', 'Bea Lin']);
    fireEvent.click(screen.getByTestId('sb-sort-company'));
    expect(names()).toEqual(['Carlos Mendes', 'ada Lovelace', 'Bea Lin']);
    expect(header(/^Name/).getAttribute('aria-sort')).toBe('none');

    // Carlos's entry moved 2 days ago: his last activity is newer than Bea's 5 days.
    fireEvent.click(screen.getByTestId('sb-sort-activity'));
    expect(header(/^Last activity/).getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Carlos Mendes', 'Bea Lin', 'ada Lovelace']);
    expect(screen.getAllByTestId('sb-row')[0]!.textContent).toContain('2 days ago');
  });

  it('sorts status in the order of the statuses, and Chinese names by pinyin in Chinese', () => {
    renderTable(people);
    fireEvent.click(screen.getByTestId('sb-sort-status'));
    expect(names()).toEqual(['Bea Lin', 'Carlos Mendes', 'ada Lovelace']);
    cleanup();

    localStorage.setItem('scoutbook.popup.language', 'zh-CN');
    renderTable([row({ name: '张伟' }), row({ name: '李娜' }), row({ name: '王芳' })]);
    fireEvent.click(screen.getByTestId('sb-sort-name'));
    expect(names()).toEqual(['李娜', '王芳', '张伟']);
    expect(screen.getByTestId('sb-sort-name').textContent).toContain('姓名');
  });

  it('marks an open entry with no activity for longer than the setting as stale', () => {
    renderTable([row({ name: 'Old Lead' }, [{ stageId: 'contacted', stage: 'Contacted', activityAt: NOW - 20 * DAY }], NOW - 20 * DAY)]);
    expect(screen.getByTestId('sb-row').textContent).toContain('stale');
    cleanup();
    // Passed probation is the end of the line: never stale.
    renderTable([row({ name: 'Done Deal' }, [{ stageId: 'probation-passed', stage: 'Passed probation', activityAt: NOW - 20 * DAY }], NOW - 20 * DAY)]);
    expect(screen.getByTestId('sb-row').textContent).not.toContain('stale');
  });

  it('keeps at most 200 rows in the DOM with 100,000 people, sorted and scrolled', () => {
    const many: TalentRow[] = [];
    for (let i = 0; i < 100_000; i++) many.push(row({ name: `Person ${String(i).padStart(6, '0')}`, companyName: `Company ${i % 97}` }));
    renderTable(many);
    const count = () => screen.getAllByTestId('sb-row').length;
    expect(count()).toBeGreaterThan(10);
    expect(count()).toBeLessThanOrEqual(200);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('100001');

    const started = performance.now();
    fireEvent.click(screen.getByTestId('sb-sort-name'));
    fireEvent.click(screen.getByTestId('sb-sort-name'));
    const sortMs = performance.now() - started;
    expect(names()[0]).toBe('Person 099999');
    expect(count()).toBeLessThanOrEqual(200);

    const scroller = screen.getByTestId('sb-table');
    scroller.scrollTop = 50_000 * 36;
    fireEvent.scroll(scroller);
    expect(count()).toBeLessThanOrEqual(200);
    expect(names()).toContain('Person 049999');
    console.info(`[table] two sorts of 100,000 rows (with render): ${Math.round(sortMs)} ms`);
  });
});
