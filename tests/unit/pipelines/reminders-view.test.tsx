// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/utils/db/database';
import { setNextAction } from '@/utils/pipelines';
import { fromLocalInput, toLocalInput, tomorrowMorning } from '@/utils/reminders/local-input';
import { loadReminderSettings } from '@/utils/reminders/settings';
import { BoardCardActions } from '@/components/popup/detail/BoardCardActions';
import { DueToday } from '@/components/popup/reminders/DueToday';
import { inI18n, savedPerson, useExtensionDatabase } from './component-kit';
import { RECRUITING } from './store-fixture';

const DAY = 86_400_000;

describe('datetime-local values', () => {
  it('round-trips local times and refuses dates that do not exist', () => {
    const at = new Date(2026, 10, 21, 14, 5).getTime();
    expect(toLocalInput(at)).toBe('2026-11-21T14:05');
    expect(fromLocalInput('2026-11-21T14:05')).toBe(at);
    expect(fromLocalInput('2026-11-21T14:05:09')).toBe(at + 9000);
    expect(fromLocalInput('2026-02-30T09:00')).toBeUndefined();
    expect(fromLocalInput('')).toBeUndefined();
    expect(new Date(tomorrowMorning(at)).getHours()).toBe(9);
    expect(new Date(tomorrowMorning(at)).getDate()).toBe(22);
  });
});

describe('reminders in the popup', () => {
  const env = useExtensionDatabase();

  async function personAt(name: string, slug: string) {
    const { personId, entryId } = await savedPerson(env.store(), { name, slug, company: 'Acme' }, { pipelineId: RECRUITING, stageId: 'sourced' });
    return { personId, entryId: entryId! };
  }

  function renderCard(entryId: string, personId: string, name: string) {
    return getDb()
      .pipelines.get(RECRUITING)
      .then((pipeline) => inI18n(<BoardCardActions entryId={entryId} pipeline={pipeline!} subject={{ person: { id: personId, name, companyName: 'Acme' } }} />));
  }

  it('sets and clears a next action from a board card', async () => {
    const { personId, entryId } = await personAt('Jane Doe', 'jane');
    await renderCard(entryId, personId, 'Jane Doe');
    fireEvent.click(await screen.findByTestId('sb-next-action-chip'));
    fireEvent.change(screen.getByTestId('sb-next-action-input'), { target: { value: '2030-01-02T09:30' } });
    fireEvent.click(screen.getByTestId('sb-next-action-set'));
    await waitFor(async () => expect((await getDb().entries.get(entryId))!.nextActionAt).toBe(new Date(2030, 0, 2, 9, 30).getTime()));
    await waitFor(() => expect(screen.getByTestId('sb-next-action-chip').textContent).toMatch(/^Due Jan 2, 2030/));

    fireEvent.click(screen.getByTestId('sb-next-action-chip'));
    fireEvent.click(screen.getByTestId('sb-next-action-clear'));
    await waitFor(async () => expect((await getDb().entries.get(entryId))!.nextActionAt).toBeUndefined());
    await waitFor(() => expect(screen.getByTestId('sb-next-action-chip').textContent).toBe('Follow up…'));
  });

  it('refuses a date that does not exist and writes nothing', async () => {
    const { personId, entryId } = await personAt('Jane Doe', 'jane');
    await renderCard(entryId, personId, 'Jane Doe');
    fireEvent.click(await screen.findByTestId('sb-next-action-chip'));
    fireEvent.change(screen.getByTestId('sb-next-action-input'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('sb-next-action-set'));
    expect((await screen.findByRole('alert')).textContent).toBe('Pick a date and a time.');
    expect((await getDb().entries.get(entryId))!.nextActionAt).toBeUndefined();
  });

  it('marks an open entry stale after the setting’s days without activity', async () => {
    const { personId, entryId } = await personAt('Jane Doe', 'jane');
    // Nothing happened for 20 days: history, creation and last edit all that old. The views' clock
    // is kept to the minute (useNow), so a few minutes more keep it 20 whole days at any tick.
    const old = Date.now() - 20 * DAY - 5 * 60_000;
    const entry = (await getDb().entries.get(entryId))!;
    await getDb().entries.put({ ...entry, createdAt: old, history: [{ stageId: 'sourced', at: old }], updatedAt: entry.updatedAt.replace(/^\d{15}/, String(old).padStart(15, '0')) });
    await renderCard(entryId, personId, 'Jane Doe');
    expect((await screen.findByTestId('sb-stale')).textContent).toBe('Stale · 20d');

    // 30 days in the setting: no longer stale.
    inI18n(<DueToday />);
    const days = await screen.findByTestId('sb-stale-days');
    fireEvent.change(days, { target: { value: '30' } });
    fireEvent.blur(days);
    await waitFor(async () => expect(await loadReminderSettings(getDb())).toEqual({ staleAfterDays: 30 }));
    await waitFor(() => expect(screen.queryByTestId('sb-stale')).toBeNull());

    // A bad value is refused with a reason; the setting stays.
    fireEvent.change(days, { target: { value: '0' } });
    fireEvent.blur(days);
    expect(await screen.findByText(/at least 1 day/)).toBeTruthy();
    expect(await loadReminderSettings(getDb())).toEqual({ staleAfterDays: 30 });
  });

  it('lists today’s follow-ups, overdue first; Done and +1 day take them off', async () => {
    const store = env.store();
    const now = Date.now();
    const a = await personAt('Ada Overdue', 'ada');
    const b = await personAt('Bo Today', 'bo');
    const c = await personAt('Cy Next Week', 'cy');
    await setNextAction(store, a.entryId, now - 3 * DAY);
    await setNextAction(store, b.entryId, now);
    await setNextAction(store, c.entryId, now + 7 * DAY);
    inI18n(<DueToday now={now} />);
    await waitFor(() => expect(screen.getAllByTestId('sb-due-item')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('sb-due-item');
    expect(first!.textContent).toContain('Ada Overdue');
    expect(first!.textContent).toContain('Overdue');
    expect(second!.textContent).toContain('Bo Today');
    expect(second!.textContent).toContain('Recruiting · Sourced');

    fireEvent.click(within(first!).getByRole('button', { name: 'Mark the follow-up with Ada Overdue done' }));
    fireEvent.click(within(second!).getByRole('button', { name: 'Put off the follow-up with Bo Today by a day' }));
    await waitFor(() => expect(screen.getByTestId('sb-due-empty')).toBeTruthy());
    await waitFor(async () => {
      expect((await getDb().entries.get(a.entryId))!.nextActionAt).toBeUndefined();
      expect((await getDb().entries.get(b.entryId))!.nextActionAt).toBeGreaterThanOrEqual(now + DAY);
    });
  });
});
