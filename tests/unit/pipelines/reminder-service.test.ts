import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setStage } from '@/utils/db/actions';
import type { Store } from '@/utils/db/store';
import { setNextAction } from '@/utils/pipelines';
import { CHECKED_UP_TO_KEY, REMINDER_ALARM, ReminderService, SUMMARY_NOTIFICATION, entryNotificationId } from '@/utils/reminders/background';
import { dueList } from '@/utils/reminders/due-list';
import { linkTarget } from '@/utils/reminders/links';
import { RECRUITING, freshStore, seedPeople } from './store-fixture';

const MIN = 60_000;

/** A store whose clock the test moves, and a reminder service reading the same clock. */
async function setup() {
  const store = await freshStore();
  let now = 1_800_000_000_000;
  const clock = { now: () => now, set: (at: number) => (now = at) };
  const s: Store = { ...store, now: clock.now };
  const service = new ReminderService(s.db, fakeBrowser, clock.now, async () => 'en');
  return { store: s, clock, service };
}

async function entryFor(store: Store, personId: string, nextActionAt?: number): Promise<string> {
  const entryId = await setStage(store, { personId }, RECRUITING, 'sourced');
  if (nextActionAt !== undefined) await setNextAction(store, entryId, nextActionAt);
  return entryId;
}

beforeEach(() => fakeBrowser.reset());

describe('reminder service (background)', () => {
  it('on its first run only marks the time; then notifies each entry once when it falls due', async () => {
    const { store, clock, service } = await setup();
    const [jane] = await seedPeople(store, 1, 'Jane');
    const due = clock.now() + 30 * MIN;
    const entryId = await entryFor(store, jane!, due);

    expect(await service.fire()).toEqual([]);
    expect((await store.db.meta.get(CHECKED_UP_TO_KEY))?.value).toBe(clock.now());
    expect(await service.nextDue()).toBe(due);
    await service.schedule(await service.nextDue());
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(due);

    clock.set(due + 1000);
    expect(await service.fire()).toEqual([entryNotificationId(entryId)]);
    const shown = fakeBrowser.notifications.getAllCreateOptions();
    expect(shown[entryNotificationId(entryId)]).toMatchObject({ type: 'basic', title: 'Follow up: Jane 0', message: 'Recruiting · Sourced' });
    expect(shown[entryNotificationId(entryId)]!.iconUrl).toMatch(/^data:image\/png;base64,/);

    // Checked again: nothing new is due, so nothing is notified twice.
    await fakeBrowser.notifications.clear(entryNotificationId(entryId));
    expect(await service.fire()).toEqual([]);
    expect(await service.nextDue()).toBeUndefined();
  });

  it('leaves out deleted entries and cleared next actions', async () => {
    const { store, clock, service } = await setup();
    const [a, b] = await seedPeople(store, 2);
    await service.fire();
    const cleared = await entryFor(store, a!, clock.now() + MIN);
    await setNextAction(store, cleared, undefined);
    const deleted = await entryFor(store, b!, clock.now() + MIN);
    await store.db.entries.update(deleted, { deleted: true });
    clock.set(clock.now() + 2 * MIN);
    expect(await service.fire()).toEqual([]);
  });

  it('sums up more than three follow-ups falling due at once', async () => {
    const { store, clock, service } = await setup();
    const people = await seedPeople(store, 5);
    await service.fire();
    for (const [i, id] of people.entries()) await entryFor(store, id, clock.now() + (i + 1) * MIN);
    clock.set(clock.now() + 10 * MIN);
    const ids = await service.fire();
    expect(ids).toHaveLength(4);
    expect(ids.at(-1)).toBe(SUMMARY_NOTIFICATION);
    expect(fakeBrowser.notifications.getAllCreateOptions()[SUMMARY_NOTIFICATION]).toMatchObject({ title: '2 more follow-ups are due' });
  });

  it('a click opens the app in a tab on that person and clears the notification', async () => {
    const { store, clock, service } = await setup();
    const [jane] = await seedPeople(store, 1);
    await service.fire();
    const entryId = await entryFor(store, jane!, clock.now() + MIN);
    clock.set(clock.now() + 2 * MIN);
    await service.fire();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await service.open(entryNotificationId(entryId));
    const url = new URL(create.mock.calls[0]![0].url!);
    expect(url.pathname).toBe('/popup.html');
    expect(linkTarget(url.search)).toEqual({ kind: 'person', id: jane });
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('started, it follows the database: an alarm at the next action, and a notification when the alarm goes off', async () => {
    const { store, clock, service } = await setup();
    const [jane] = await seedPeople(store, 1);
    const running = service.start();
    await vi.waitFor(async () => expect(await store.db.meta.get(CHECKED_UP_TO_KEY)).toBeDefined());
    const due = clock.now() + 5 * MIN;
    const entryId = await entryFor(store, jane!, due);
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(due));

    clock.set(due + 1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: due, persistAcrossSessions: true });
    await vi.waitFor(() => expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([entryNotificationId(entryId)]));
    // Nothing left to remind of: the alarm is cleared.
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined());
    running.stop();
  });
  it('an alarm that goes off early notifies nothing yet and is set again', async () => {
    const { store, clock, service } = await setup();
    const [jane] = await seedPeople(store, 1);
    const running = service.start();
    await vi.waitFor(async () => expect(await store.db.meta.get(CHECKED_UP_TO_KEY)).toBeDefined());
    const due = clock.now() + 5 * MIN;
    const entryId = await entryFor(store, jane!, due);
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(due));
    await fakeBrowser.alarms.clear(REMINDER_ALARM);

    clock.set(due - 2000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: due, persistAcrossSessions: true });
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(due));
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});

    clock.set(due);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: due, persistAcrossSessions: true });
    await vi.waitFor(() => expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([entryNotificationId(entryId)]));
    running.stop();
  });
});

describe('due list', () => {
  it('lists overdue entries first, then today’s, and nothing later or deleted', async () => {
    const { store } = await setup();
    const [a, b, c, d] = await seedPeople(store, 4);
    const now = Date.UTC(2026, 10, 21, 12);
    const today = await entryFor(store, a!, Date.UTC(2026, 10, 21, 15));
    const late = await entryFor(store, b!, Date.UTC(2026, 10, 19, 9));
    await entryFor(store, c!, Date.UTC(2026, 10, 22, 9));
    const gone = await entryFor(store, d!, Date.UTC(2026, 10, 21, 9));
    await store.db.people.update(d!, { deleted: true });
    const list = await dueList(store.db, now, 'UTC');
    expect(list.map((i) => [i.entry.id, i.overdue])).toEqual([
      [late, true],
      [today, false],
    ]);
    expect(list.map((i) => i.entry.id)).not.toContain(gone);
    expect(list[0]).toMatchObject({ stageName: 'Sourced', pipeline: { name: 'Recruiting' } });
  });
});
