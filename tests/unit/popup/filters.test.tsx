// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFilters, filterOptions, withoutFilter, type Filters } from '@/components/popup/filters/filter-model';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import type { Pipeline } from '@/utils/schema';
import { layOutLikeAPopup, RECRUITING, REFERRAL, renderApp, savePeople, usePopupDatabase } from './popup-kit';
import { DAY, NOW, row } from './rows';

const PIPELINES = DEFAULT_PIPELINES as unknown as Pipeline[];
const context = { now: NOW, pipelines: PIPELINES, staleAfterDays: 14 };

describe('filter model', () => {
  const rows = [
    row({ name: 'A', status: 'active', tags: ['Go'], ownerId: 'Li Wei' }, [{ stageId: 'interview', ownerId: 'Li Wei', activityAt: NOW - 3 * DAY }], NOW - 3 * DAY),
    row({ name: 'B', status: 'passive', tags: ['go', 'rust'] }, [{ pipelineId: REFERRAL, stageId: 'applied', ownerId: 'Zhao Min', activityAt: NOW - 45 * DAY }], NOW - 45 * DAY),
    row({ name: 'C', status: 'active', tags: [] }, [], NOW - 200 * DAY),
  ];
  const names = (f: Filters) => applyFilters(rows, f, context).map((r) => r.person.name);

  it('passes everyone with no filter, and combines filters with AND', () => {
    expect(applyFilters(rows, {}, context)).toBe(rows);
    expect(names({ status: 'active' })).toEqual(['A', 'C']);
    expect(names({ tag: 'GO' })).toEqual(['A', 'B']);
    expect(names({ tag: 'go', status: 'passive' })).toEqual(['B']);
    expect(names({ pipelineId: RECRUITING })).toEqual(['A']);
    expect(names({ pipelineId: RECRUITING, stageId: 'sourced' })).toEqual([]);
    expect(names({ owner: 'Zhao Min' })).toEqual(['B']);
    expect(names({ owner: 'Li Wei', tag: 'rust' })).toEqual([]);
  });

  it('filters by last activity window and by staleness of open entries', () => {
    expect(names({ activity: '7d' })).toEqual(['A']);
    expect(names({ activity: '90d' })).toEqual(['A', 'B']);
    // C has no entry at all, so nothing of theirs can go stale.
    expect(names({ activity: 'stale' })).toEqual(['B']);
    expect(applyFilters(rows, { activity: 'stale' }, { ...context, staleAfterDays: 60 })).toEqual([]);
  });

  it('drops the stage with its pipeline, and offers the tags and owners in use', () => {
    expect(withoutFilter({ pipelineId: RECRUITING, stageId: 'offer', tag: 'go' }, 'pipelineId')).toEqual({ tag: 'go' });
    expect(filterOptions(rows)).toEqual({ tags: ['Go', 'rust'], owners: ['Li Wei', 'Zhao Min'] });
  });
});

describe('filters in the popup', () => {
  beforeAll(layOutLikeAPopup);
  const db = usePopupDatabase();

  it('narrows the list, shows each filter as a removable chip, combines with the search, and clears all', async () => {
    await savePeople(db.store(), [
      { name: 'Jane Doe', slug: 'jane', tags: ['golang'], stage: { pipelineId: RECRUITING, stageId: 'interview' } },
      { name: 'Carlos Mendes', slug: 'carlos', tags: ['golang'], status: 'passive' },
      { name: '张伟', slug: 'zhangwei', company: '字节跳动', stage: { pipelineId: RECRUITING, stageId: 'sourced' } },
    ]);
    renderApp();
    const rowNames = () => screen.getAllByTestId('sb-row').map((r) => r.querySelector('.row-name')!.textContent);
    await waitFor(() => expect(screen.getAllByTestId('sb-row')).toHaveLength(3));

    fireEvent.click(screen.getByTestId('sb-filters-toggle'));
    fireEvent.change(await screen.findByTestId('sb-filter-pipeline'), { target: { value: RECRUITING } });
    await waitFor(() => expect(rowNames().sort()).toEqual(['Jane Doe', '张伟']));
    fireEvent.change(screen.getByTestId('sb-filter-stage'), { target: { value: 'interview' } });
    await waitFor(() => expect(rowNames()).toEqual(['Jane Doe']));
    const chips = screen.getAllByTestId('sb-filter-chip').map((c) => c.textContent);
    expect(chips).toEqual(['Pipeline: Recruiting×', 'Stage: Interview×']);
    expect(screen.getByTestId('sb-filters-toggle').textContent).toBe('Filters (2)');

    // Removing the pipeline chip removes its stage too.
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter Pipeline: Recruiting' }));
    await waitFor(() => expect(screen.queryAllByTestId('sb-filter-chip')).toHaveLength(0));
    expect(rowNames()).toHaveLength(3);

    fireEvent.change(screen.getByTestId('sb-filter-tag'), { target: { value: 'golang' } });
    fireEvent.change(screen.getByTestId('sb-search'), { target: { value: 'carlos' } });
    await waitFor(() => expect(rowNames()).toEqual(['Carlos Mendes']));
    fireEvent.change(screen.getByTestId('sb-filter-status'), { target: { value: 'active' } });
    const empty = await screen.findByTestId('sb-no-match');
    expect(empty.textContent).toContain('Nothing found for “carlos”');
    expect(empty.textContent).toContain('The filters leave no one');

    fireEvent.click(within(empty).getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(rowNames()).toEqual(['Carlos Mendes']));
    expect(screen.queryByTestId('sb-filter-chips')).toBeNull();
  });

  it('teaches the next step when the talent bank is empty', async () => {
    renderApp();
    const empty = await screen.findByTestId('sb-empty-bank');
    expect(empty.textContent).toContain('Open a LinkedIn, Maimai or GitHub profile and press Save');
  });
});
