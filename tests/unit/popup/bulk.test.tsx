// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toggleOne } from '@/components/popup/bulk/selection';
import { visibleState } from '../pipelines/store-fixture';
import { layOutLikeAPopup, RECRUITING, REFERRAL, renderApp, savePeople, usePopupDatabase } from './popup-kit';

describe('selection rules', () => {
  const listed = ['a', 'b', 'c', 'd', 'e'];
  it('toggles one, and shift-click selects the range from the last clicked, in either direction', () => {
    let s = toggleOne({ ids: new Set() }, 'b', listed, false);
    s = toggleOne(s, 'd', listed, true);
    expect([...s.ids].sort()).toEqual(['b', 'c', 'd']);
    s = toggleOne(s, 'a', listed, true);
    expect([...s.ids].sort()).toEqual(['a', 'b', 'c', 'd']);
    s = toggleOne(s, 'c', listed, false);
    expect([...s.ids].sort()).toEqual(['a', 'b', 'd']);
    // An anchor no longer listed (filtered away) makes shift-click a plain toggle.
    expect([...toggleOne({ ids: new Set(['z']), anchor: 'z' }, 'e', listed, true).ids].sort()).toEqual(['e', 'z']);
  });
});

describe('bulk actions in the popup', () => {
  beforeAll(layOutLikeAPopup);
  const db = usePopupDatabase();

  async function setUp() {
    const ids = await savePeople(db.store(), [
      { name: 'Jane Doe', slug: 'jane', stage: { pipelineId: RECRUITING, stageId: 'sourced' } },
      { name: 'Carlos Mendes', slug: 'carlos', stage: { pipelineId: RECRUITING, stageId: 'sourced' } },
      { name: '张伟', slug: 'zhangwei', stage: { pipelineId: RECRUITING, stageId: 'contacted' } },
      { name: 'Bob Stone', slug: 'bob' },
    ]);
    renderApp();
    await waitFor(() => expect(screen.getAllByTestId('sb-row')).toHaveLength(4));
    return ids;
  }
  const checkbox = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` });
  const stageOf = async (personId: string, pipelineId: string) =>
    (await db.store().db.entries.where('personId').equals(personId).toArray()).find((e) => e.pipelineId === pipelineId && !e.deleted)?.stageId;

  it('moves a shift-click range to a stage, skipping who is not in the pipeline, and Undo puts back exactly what was', async () => {
    const ids = await setUp();
    const before = await visibleState(db.store());
    const order = screen.getAllByTestId('sb-row').map((r) => r.querySelector('.row-name')!.textContent!);
    // Newest change first: Bob (saved last) heads the list.
    expect(order).toEqual(['Bob Stone', '张伟', 'Carlos Mendes', 'Jane Doe']);

    fireEvent.click(checkbox('Bob Stone'));
    fireEvent.click(checkbox('Carlos Mendes'), { shiftKey: true });
    expect((await screen.findByTestId('sb-bulk-count')).textContent).toBe('3 selected');

    fireEvent.click(screen.getByTestId('sb-bulk-move'));
    fireEvent.change(screen.getByTestId('sb-bulk-pipeline'), { target: { value: RECRUITING } });
    fireEvent.change(screen.getByTestId('sb-bulk-stage'), { target: { value: 'interview' } });
    fireEvent.click(screen.getByTestId('sb-bulk-apply'));

    const toast = await screen.findByTestId('sb-toast');
    await waitFor(() => expect(toast.textContent).toContain('Moved 2 to Interview. 1 skipped'));
    expect(await stageOf(ids.get('张伟')!, RECRUITING)).toBe('interview');
    expect(await stageOf(ids.get('Carlos Mendes')!, RECRUITING)).toBe('interview');
    expect(await stageOf(ids.get('Jane Doe')!, RECRUITING)).toBe('sourced');

    fireEvent.click(screen.getByTestId('sb-undo'));
    await waitFor(() => expect(screen.getByTestId('sb-toast').textContent).toContain('Undone: 2 restored.'));
    expect(await visibleState(db.store())).toEqual(before);
  });

  it('asks for the referrer when adding to a referral pipeline, records it, and Undo removes the entries', async () => {
    const ids = await setUp();
    const before = await visibleState(db.store());
    fireEvent.click(screen.getByTestId('sb-select-all-listed'));
    expect((await screen.findByTestId('sb-bulk-count')).textContent).toBe('4 selected');

    fireEvent.click(screen.getByTestId('sb-bulk-add'));
    fireEvent.change(screen.getByTestId('sb-bulk-pipeline'), { target: { value: REFERRAL } });
    const referrer = screen.getByTestId('sb-bulk-referrer');
    expect(screen.getByTestId('sb-bulk-apply')).toHaveProperty('disabled', true);
    fireEvent.change(referrer, { target: { value: '李娜' } });
    fireEvent.click(screen.getByTestId('sb-bulk-apply'));

    await waitFor(() => expect(screen.getByTestId('sb-toast').textContent).toContain('Added 4 to Referral 内推 at Read.'));
    const added = (await db.store().db.entries.toArray()).filter((e) => e.pipelineId === REFERRAL && !e.deleted);
    expect(added.map((e) => [e.personId, e.stageId, e.referrer]).sort()).toEqual(
      [...ids.values()].map((id) => [id, 'read', '李娜']).sort(),
    );

    fireEvent.click(screen.getByTestId('sb-undo'));
    await waitFor(() => expect(screen.getByTestId('sb-toast').textContent).toContain('Undone: 4 restored.'));
    expect(await visibleState(db.store())).toEqual(before);
  });

  it('tags, sets status and deletes with undo; selection follows the search', async () => {
    const ids = await setUp();
    const before = await visibleState(db.store());
    fireEvent.click(checkbox('Jane Doe'));
    fireEvent.click(checkbox('张伟'));
    fireEvent.click(await screen.findByTestId('sb-bulk-tag'));
    fireEvent.change(screen.getByTestId('sb-bulk-tag-input'), { target: { value: 'golang' } });
    fireEvent.click(screen.getByTestId('sb-bulk-apply'));
    await waitFor(() => expect(screen.getByTestId('sb-toast').textContent).toContain('Tagged 2 with “golang”.'));
    expect((await db.store().db.people.get(ids.get('Jane Doe')!))!.tags).toEqual(['golang']);

    fireEvent.click(screen.getByTestId('sb-bulk-status'));
    fireEvent.change(screen.getByTestId('sb-bulk-status-select'), { target: { value: 'do_not_contact' } });
    fireEvent.click(screen.getByTestId('sb-bulk-apply'));
    await waitFor(() => expect(screen.getByTestId('sb-toast').textContent).toContain('Set 2 to Do not contact.'));
    expect((await db.store().db.people.get(ids.get('张伟')!))!.status).toBe('do_not_contact');

    // A search that hides Jane leaves only 张伟 selected.
    fireEvent.change(screen.getByTestId('sb-search'), { target: { value: 'zw' } });
    await waitFor(() => expect(screen.getByTestId('sb-bulk-count').textContent).toBe('1 selected'));
    fireEvent.click(screen.getByTestId('sb-bulk-delete'));
    expect(screen.getByTestId('sb-bulk-form').textContent).toContain('Delete 1 people');
    fireEvent.click(screen.getByTestId('sb-bulk-apply'));
    await waitFor(() => expect(screen.getByTestId('sb-toast').textContent).toContain('Deleted 1.'));
    expect((await db.store().db.people.get(ids.get('张伟')!))!.deleted).toBe(true);
    expect(await db.store().db.entries.where('personId').equals(ids.get('张伟')!).filter((e) => !e.deleted).count()).toBe(0);
    expect(screen.queryByTestId('sb-bulk-bar')).toBeNull();

    fireEvent.click(screen.getByTestId('sb-undo'));
    await waitFor(() => expect(screen.getByTestId('sb-toast').textContent).toContain('Undone'));
    expect((await db.store().db.people.get(ids.get('张伟')!))!.deleted).toBe(false);
    const after = (await visibleState(db.store())) as { people: { name: string; tags: string[]; status: string }[] };
    expect(after.people.find((p) => p.name === '张伟')).toMatchObject({ tags: ['golang'], status: 'do_not_contact' });
    expect((before as { entries: unknown[] }).entries).toEqual((after as unknown as { entries: unknown[] }).entries);
  });

  it('Export hands the selection to the export panel', async () => {
    await setUp();
    fireEvent.click(checkbox('Jane Doe'));
    fireEvent.click(checkbox('Bob Stone'));
    fireEvent.click(await screen.findByTestId('sb-bulk-export'));
    const scope = (await screen.findByTestId('sb-export-scope')) as HTMLSelectElement;
    expect(scope.value).toBe('selection');
    expect(screen.getByTestId('sb-export-count').textContent).toMatch(/\b2\b/);
    expect(screen.getByRole('tab', { name: 'Import & export' }).getAttribute('aria-selected')).toBe('true');
  });

  it('a failed action writes nothing and says why', async () => {
    await setUp();
    fireEvent.click(checkbox('Bob Stone'));
    fireEvent.click(await screen.findByTestId('sb-bulk-move'));
    // The pipeline disappears between choosing it and applying.
    await db.store().db.pipelines.delete(RECRUITING);
    const before = await visibleState(db.store());
    fireEvent.click(screen.getByTestId('sb-bulk-apply'));
    await waitFor(() => expect(screen.getByTestId('sb-toast').textContent).toContain('Nothing was changed: no such pipeline'));
    expect(screen.queryByTestId('sb-undo')).toBeNull();
    expect(await visibleState(db.store())).toEqual(before);
  });
});

describe('bulk actions while the background is away', () => {
  beforeAll(layOutLikeAPopup);
  const db = usePopupDatabase();

  it('still reports the committed write and keeps its Undo', async () => {
    const ids = await savePeople(db.store(), [{ name: 'Jane Doe', slug: 'jane' }]);
    renderApp();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Jane Doe' }));
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fireEvent.click(await screen.findByTestId('sb-bulk-status'));
    fireEvent.change(screen.getByTestId('sb-bulk-status-select'), { target: { value: 'placed' } });
    fireEvent.click(screen.getByTestId('sb-bulk-apply'));
    await waitFor(() => expect(screen.getByTestId('sb-toast').textContent).toContain('Set 1 to Placed.'));
    expect((await db.store().db.people.get(ids.get('Jane Doe')!))!.status).toBe('placed');
    fireEvent.click(screen.getByTestId('sb-undo'));
    await waitFor(() => expect(screen.getByTestId('sb-toast').textContent).toContain('Undone: 1 restored.'));
    expect((await db.store().db.people.get(ids.get('Jane Doe')!))!.status).toBe('active');
  });
});
