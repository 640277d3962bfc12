import { describe, expect, it } from 'vitest';
import { addStarterPitches, createPitch, deletePitch, pitchesOf, PipelineEditError, STARTER_PITCHES, updatePitch } from '@/utils/pipelines';
import { loadReminderSettings, saveReminderSettings, InvalidSettingError } from '@/utils/reminders/settings';
import { REFERRAL, freshStore } from './store-fixture';

describe('pitch templates (local store)', () => {
  it('creates, lists in creation order, edits and deletes', async () => {
    const { db } = await freshStore();
    const a = await createPitch(db, REFERRAL, { name: ' First ', body: 'Hi {{firstName}}' }, 1000);
    const b = await createPitch(db, REFERRAL, { name: 'Second', body: '你好 {{名字}}' }, 2000);
    expect((await pitchesOf(db, REFERRAL)).map((p) => [p.id, p.name])).toEqual([
      [a, 'First'],
      [b, 'Second'],
    ]);
    await updatePitch(db, a, { name: 'First', body: 'Hello {{firstName}}' }, 3000);
    expect((await db.pitches.get(a))).toMatchObject({ body: 'Hello {{firstName}}', createdAt: 1000, updatedAt: 3000 });
    await deletePitch(db, a);
    expect((await pitchesOf(db, REFERRAL)).map((p) => p.id)).toEqual([b]);
  });

  it('refuses an empty name or text, or an unknown pipeline, and writes nothing', async () => {
    const { db } = await freshStore();
    await expect(createPitch(db, REFERRAL, { name: '  ', body: 'x' })).rejects.toThrow(/needs a name/);
    await expect(createPitch(db, REFERRAL, { name: 'x', body: '' })).rejects.toThrow(PipelineEditError);
    await expect(createPitch(db, '01ARZ3NDEKTSV4RRFFQ69G5FAV', { name: 'x', body: 'y' })).rejects.toThrow(/no such pipeline/);
    expect(await db.pitches.count()).toBe(0);
  });

  it('adds the starter templates of the kind once', async () => {
    const { db } = await freshStore();
    expect(await addStarterPitches(db, { id: REFERRAL, kind: 'referral' })).toBe(STARTER_PITCHES.referral.length);
    expect(await addStarterPitches(db, { id: REFERRAL, kind: 'referral' })).toBe(0);
    expect((await pitchesOf(db, REFERRAL)).map((p) => p.name)).toEqual(STARTER_PITCHES.referral.map((p) => p.name));
  });
});

describe('reminder settings', () => {
  it('defaults to 14 days, saves a valid value and refuses a bad one', async () => {
    const { db } = await freshStore();
    expect(await loadReminderSettings(db)).toEqual({ staleAfterDays: 14 });
    await saveReminderSettings(db, { staleAfterDays: 7 });
    expect(await loadReminderSettings(db)).toEqual({ staleAfterDays: 7 });
    await expect(saveReminderSettings(db, { staleAfterDays: 0 })).rejects.toThrow(InvalidSettingError);
    await expect(saveReminderSettings(db, { staleAfterDays: 2.5 })).rejects.toThrow(/whole days/);
    expect(await loadReminderSettings(db)).toEqual({ staleAfterDays: 7 });
  });
});
