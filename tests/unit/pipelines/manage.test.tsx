// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/utils/db/database';
import { saveLanguageChoice } from '@/components/popup/i18n/language';
import { moved } from '@/components/popup/manage/StageList';
import { savedPerson, renderSheet, useExtensionDatabase } from './component-kit';
import { REFERRAL } from './store-fixture';
import { queuedMutations } from '@/utils/sync/outbox';

async function pipelineNamed(name: string) {
  return (await getDb().pipelines.toArray()).find((p) => p.name === name);
}

const stageInputs = () => screen.getAllByTestId('sb-stage-name').map((i) => (i as HTMLInputElement).value);

async function createFromTemplate(template: string, name: string) {
  renderSheet({ kind: 'manage' });
  fireEvent.change(await screen.findByTestId('sb-create-template'), { target: { value: template } });
  fireEvent.change(screen.getByTestId('sb-create-name'), { target: { value: name } });
  fireEvent.click(screen.getByTestId('sb-create-submit'));
  await screen.findByTestId('sb-pipeline-editor');
  await waitFor(() => expect((screen.getByTestId('sb-pipeline-name') as HTMLInputElement).value).toBe(name));
}

describe('moved (stage order)', () => {
  it('moves one id to a position, clamped', () => {
    expect(moved(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(moved(['a', 'b', 'c'], 'a', 9)).toEqual(['b', 'c', 'a']);
    expect(moved(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
  });
});

describe('Manage pipelines view', () => {
  const env = useExtensionDatabase();

  it('creates a Referral pipeline from its template, with points per stage', async () => {
    await createFromTemplate('referral', 'Campus 内推');
    expect(stageInputs()).toEqual(['Read', 'Applied', 'Resume qualified', 'Interviewed', 'Hired', 'Passed probation']);
    expect(screen.getAllByTestId('sb-stage-points').map((i) => (i as HTMLInputElement).value)).toEqual(['1', '2', '5', '10', '50', '100']);
    const saved = await pipelineNamed('Campus 内推');
    expect(saved).toMatchObject({ kind: 'referral', archived: false });
    // Queued for sync like any change.
    expect((await queuedMutations(getDb())).some((m) => m.id === saved!.id)).toBe(true);
  });

  it('creates a blank pipeline, whose one stage cannot be removed', async () => {
    await createFromTemplate('blank', 'Scratch');
    expect(stageInputs()).toEqual(['New']);
    expect(screen.getByTestId('sb-stage-remove')).toHaveProperty('disabled', true);
  });

  it('names the template stages in Chinese when the popup speaks Chinese (ids stay)', async () => {
    await saveLanguageChoice('zh-CN');
    renderSheet({ kind: 'manage' });
    expect(await screen.findByText('管理流程')).toBeTruthy();
    fireEvent.change(await screen.findByTestId('sb-create-template'), { target: { value: 'referral' } });
    fireEvent.click(screen.getByTestId('sb-create-submit'));
    await screen.findByTestId('sb-pipeline-editor');
    await waitFor(() => expect(stageInputs()).toEqual(['已读', '已投递', '简历合格', '已面试', '已入职', '已过试用期']));
    const created = await pipelineNamed('内推');
    expect(created!.stages.map((s) => s.id)).toEqual(['read', 'applied', 'resume-qualified', 'interviewed', 'hired', 'probation-passed']);
  });

  it('adds, renames, re-points, reorders (keyboard and buttons) and removes stages, moving their entries', async () => {
    await createFromTemplate('referral', 'Campus');
    const pipeline = (await pipelineNamed('Campus'))!;
    const { entryId } = await savedPerson(env.store(), { name: 'Jane Doe', slug: 'jane' }, { pipelineId: pipeline.id, stageId: 'applied' });
    await waitFor(() => expect(screen.getAllByTestId('sb-stage-count')[1]!.textContent).toBe('1 here'));

    fireEvent.change(screen.getByTestId('sb-new-stage'), { target: { value: 'Phone screen' } });
    fireEvent.click(screen.getByTestId('sb-add-stage'));
    await waitFor(() => expect(stageInputs()).toHaveLength(7));
    expect(stageInputs()[6]).toBe('Phone screen');

    const last = () => screen.getAllByTestId('sb-stage-name')[6]!;
    fireEvent.change(last(), { target: { value: '电话面试' } });
    fireEvent.keyDown(last(), { key: 'Enter' });
    await waitFor(async () => expect((await getDb().pipelines.get(pipeline.id))!.stages[6]).toMatchObject({ id: 'phone-screen', name: '电话面试' }));

    fireEvent.change(screen.getAllByTestId('sb-stage-points')[6]!, { target: { value: '3' } });
    fireEvent.blur(screen.getAllByTestId('sb-stage-points')[6]!);
    await waitFor(async () => expect((await getDb().pipelines.get(pipeline.id))!.stages[6]!.points).toBe(3));

    // Alt+↑ on the row moves it up one place.
    fireEvent.keyDown(screen.getAllByTestId('sb-stage-row')[6]!, { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(stageInputs()[5]).toBe('电话面试'));
    fireEvent.click(screen.getByRole('button', { name: 'Move 电话面试 up' }));
    await waitFor(() => expect(stageInputs()).toEqual(['Read', 'Applied', 'Resume qualified', 'Interviewed', '电话面试', 'Hired', 'Passed probation']));
    expect(screen.getByTestId('sb-stage-announcement').textContent).toBe('电话面试 moved to position 5.');

    // Remove "Applied": asked where its entry goes; it goes there, with the move in its history.
    const applied = screen.getAllByTestId('sb-stage-row')[1]!;
    fireEvent.click(within(applied).getByTestId('sb-stage-remove'));
    const panel = within(applied).getByTestId('sb-remove-stage');
    expect(panel.textContent).toContain('Its 1 entries move to:');
    expect((within(panel).getByTestId('sb-remove-target') as HTMLSelectElement).value).toBe('read');
    fireEvent.change(within(panel).getByTestId('sb-remove-target'), { target: { value: 'interviewed' } });
    fireEvent.click(within(panel).getByTestId('sb-remove-confirm'));
    await waitFor(() => expect(stageInputs()).toEqual(['Read', 'Resume qualified', 'Interviewed', '电话面试', 'Hired', 'Passed probation']));
    const entry = (await getDb().entries.get(entryId!))!;
    expect(entry.stageId).toBe('interviewed');
    expect(entry.history.map((h) => [h.stageId, h.by])).toEqual([
      ['applied', 'Li Wei'],
      ['interviewed', 'Li Wei'],
    ]);
  });

  it('refuses an empty stage name with a reason and writes nothing', async () => {
    await createFromTemplate('recruiting', 'Backend');
    const before = (await pipelineNamed('Backend'))!.stages;
    const first = screen.getAllByTestId('sb-stage-name')[0]!;
    fireEvent.change(first, { target: { value: '   ' } });
    fireEvent.blur(first);
    expect(await screen.findByText(/stage name cannot be empty/)).toBeTruthy();
    expect((await pipelineNamed('Backend'))!.stages).toEqual(before);
  });

  it('renames, archives and unarchives a pipeline', async () => {
    renderSheet({ kind: 'manage' });
    const referral = (await screen.findAllByTestId('sb-pipeline-item')).find((li) => li.textContent?.includes('Referral 内推'))!;
    fireEvent.click(within(referral).getByTestId('sb-pipeline-edit'));
    fireEvent.change(await screen.findByTestId('sb-pipeline-name'), { target: { value: '内推 2026' } });
    fireEvent.click(screen.getByTestId('sb-pipeline-rename'));
    await waitFor(async () => expect((await getDb().pipelines.get(REFERRAL))!.name).toBe('内推 2026'));

    fireEvent.click(within(referral).getByTestId('sb-pipeline-archive'));
    await waitFor(async () => expect((await getDb().pipelines.get(REFERRAL))!.archived).toBe(true));
    await screen.findByText('Archived');
    const archived = screen.getAllByTestId('sb-pipeline-item').find((li) => li.textContent?.includes('内推 2026'))!;
    expect(within(archived).getByTestId('sb-pipeline-archive').textContent).toBe('Unarchive');
    fireEvent.click(within(archived).getByTestId('sb-pipeline-archive'));
    await waitFor(async () => expect((await getDb().pipelines.get(REFERRAL))!.archived).toBe(false));
  });

  it('closes on Escape', async () => {
    renderSheet({ kind: 'manage' });
    const sheet = await screen.findByTestId('sb-sheet-manage');
    fireEvent.keyDown(await screen.findByTestId('sb-manage'), { key: 'Escape' });
    await waitFor(() => expect(sheet.isConnected).toBe(false));
  });
});
