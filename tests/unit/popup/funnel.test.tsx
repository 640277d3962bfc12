// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ulid } from 'ulidx';
import { beforeAll, describe, expect, it } from 'vitest';
import { FunnelView } from '@/components/popup/funnel/FunnelView';
import { periodOf } from '@/components/popup/funnel/period';
import { applyLocalChanges } from '@/utils/db/local-change';
import type { Pipeline } from '@/utils/schema';
import { layOutLikeAPopup, RECRUITING, REFERRAL, savePeople, speak, usePopupDatabase, withI18n } from './popup-kit';
import { DAY, NOW } from './rows';

type Step = [stageId: string, daysAgo: number];

describe('funnel period', () => {
  it('turns presets and a custom range into a period, and refuses an inverted range', () => {
    expect(periodOf({ preset: '7d' }, NOW)).toEqual({ period: { from: NOW - 7 * DAY } });
    expect(periodOf({ preset: 'all' }, NOW)).toEqual({ period: {} });
    const custom = periodOf({ preset: 'custom', from: '2026-11-01', to: '2026-11-01' }, NOW);
    expect(custom).toEqual({ period: { from: new Date(2026, 10, 1).getTime(), to: new Date(2026, 10, 2).getTime() } });
    expect(periodOf({ preset: 'custom', from: '2026-11-02', to: '2026-11-01' }, NOW)).toEqual({ error: 'badRange' });
  });
});

describe('funnel view', () => {
  beforeAll(layOutLikeAPopup);
  const db = usePopupDatabase();

  async function entry(personId: string, pipelineId: string, steps: Step[], referrer?: string, deleted = false) {
    const history = steps.map(([stageId, daysAgo]) => ({ stageId, at: NOW - daysAgo * DAY }));
    const fields: Record<string, unknown> = {
      personId,
      pipelineId,
      stageId: steps[steps.length - 1]![0],
      history,
      createdAt: history[0]!.at,
      deleted,
    };
    if (referrer) fields.referrer = referrer;
    await applyLocalChanges(db.store().db, db.store().clock, [{ entity: 'entry', id: ulid(), fields }]);
  }

  async function seed() {
    const ids = [...(await savePeople(db.store(), ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n) => ({ name: n, slug: n.toLowerCase() })))).values()];
    await entry(ids[0]!, RECRUITING, [['sourced', 60], ['contacted', 50], ['replied', 5]]);
    await entry(ids[1]!, RECRUITING, [['sourced', 3]]);
    await entry(ids[2]!, RECRUITING, [['sourced', 20], ['contacted', 19], ['screened', 18], ['interview', 10]]);
    await entry(ids[3]!, RECRUITING, [['sourced', 2], ['contacted', 1]], undefined, true);
    await entry(ids[4]!, REFERRAL, [['read', 3], ['applied', 3], ['interviewed', 2]], '李娜');
    await entry(ids[5]!, REFERRAL, [['read', 3]], 'Tom');
    await entry(ids[6]!, REFERRAL, [['hired', 100]], '李娜');
    const pipelines = (await db.store().db.pipelines.toArray()) as Pipeline[];
    // Recruiting first, as the popup lists it.
    return pipelines.sort((a, b) => a.name.localeCompare(b.name));
  }

  const steps = () =>
    screen.getAllByTestId('sb-funnel-step').map((s) => [s.querySelector('.funnel-name')!.textContent, Number(within(s).getByTestId('sb-funnel-count').textContent)]);

  it('draws conversion per stage for the chosen period, with numbers and percentages', async () => {
    const pipelines = await seed();
    render(withI18n(<FunnelView pipelines={pipelines} now={NOW} />));
    fireEvent.change(screen.getByTestId('sb-funnel-pipeline'), { target: { value: RECRUITING } });
    // Last 30 days (the default): A (replied), B (sourced), C (interview); the deleted entry is left out.
    await waitFor(() => expect(screen.getByTestId('sb-funnel-total').textContent).toBe('3 entries counted'));
    expect(steps().slice(0, 6)).toEqual([
      ['Sourced', 3],
      ['Contacted', 2],
      ['Replied', 2],
      ['Screened', 1],
      ['Interview', 1],
      ['Offer', 0],
    ]);
    const contacted = screen.getAllByTestId('sb-funnel-step')[1]!;
    expect(contacted.textContent).toContain('66.7% of previous');
    expect(contacted.getAttribute('aria-label')).toBe('Contacted: 2 reached, 66.7% of the first stage, 66.7% of the previous');
    expect((contacted.querySelector('.funnel-bar') as HTMLElement).style.width).toMatch(/^66\.6+\d*%$/);

    fireEvent.change(screen.getByTestId('sb-funnel-period'), { target: { value: '7d' } });
    await waitFor(() => expect(screen.getByTestId('sb-funnel-total').textContent).toBe('2 entries counted'));
    expect(steps().slice(0, 4)).toEqual([
      ['Sourced', 2],
      ['Contacted', 1],
      ['Replied', 1],
      ['Screened', 0],
    ]);

    fireEvent.change(screen.getByTestId('sb-funnel-period'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByTestId('sb-funnel-from'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByTestId('sb-funnel-to'), { target: { value: '2026-11-01' } });
    expect(screen.getByRole('alert').textContent).toBe('The start date must be on or before the end date.');
    expect(screen.queryByTestId('sb-funnel-steps')).toBeNull();
  });

  it('shows a points leaderboard for a referral pipeline, and teaches the next step when the period is empty', async () => {
    const pipelines = await seed();
    render(withI18n(<FunnelView pipelines={pipelines} now={NOW} />));
    fireEvent.change(screen.getByTestId('sb-funnel-pipeline'), { target: { value: REFERRAL } });
    const board = await screen.findByTestId('sb-leaderboard');
    const rows = () => within(screen.getByTestId('sb-leaderboard')).getAllByTestId('sb-leaderboard-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    // Interviewed also earns Read, Applied and Resume qualified: 1 + 2 + 5 + 10.
    expect(board).toBeTruthy();
    expect(rows()).toEqual([
      ['1', '李娜', '1', '18'],
      ['2', 'Tom', '1', '1'],
    ]);
    fireEvent.change(screen.getByTestId('sb-funnel-period'), { target: { value: 'all' } });
    await waitFor(() => expect(rows()[0]).toEqual(['1', '李娜', '2', String(18 + 1 + 2 + 5 + 10 + 50)]));

    fireEvent.change(screen.getByTestId('sb-funnel-pipeline'), { target: { value: pipelines.find((p) => p.kind === 'sales')!.id } });
    expect((await screen.findByTestId('sb-funnel-empty')).textContent).toContain('Nothing happened in Sales in this period');
    expect(screen.queryByTestId('sb-leaderboard')).toBeNull();
  });

  it('speaks Chinese', async () => {
    const pipelines = await seed();
    await speak('zh-CN');
    render(withI18n(<FunnelView pipelines={pipelines} now={NOW} />));
    fireEvent.change(screen.getByTestId('sb-funnel-pipeline'), { target: { value: RECRUITING } });
    await waitFor(() => expect(screen.getByTestId('sb-funnel-total').textContent).toBe('共统计 3 条记录'));
    expect(screen.getAllByTestId('sb-funnel-step')[1]!.textContent).toContain('上一阶段的 66.7%');
  });
});
