// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveCompany, setStage } from '@/utils/db/actions';
import { layOutLikeAPopup, renderApp, SALES, savePeople, speak, usePopupDatabase } from './popup-kit';

const company = (slug: string) => ({ kind: 'company' as const, key: `linkedin:company/${slug}`, url: `https://www.linkedin.com/company/${slug}/` });

describe('a sales pipeline on the board', () => {
  beforeAll(layOutLikeAPopup);
  const db = usePopupDatabase();

  async function openSalesBoard() {
    renderApp();
    fireEvent.click(await screen.findByRole('tab', { name: 'Pipelines' }));
    fireEvent.change(await screen.findByTestId('sb-pipeline'), { target: { value: SALES } });
  }
  const column = (name: string) => screen.getAllByTestId('sb-board-stage').find((s) => s.getAttribute('aria-label') === name)!;
  const cardsIn = (name: string) => within(column(name)).queryAllByTestId('sb-board-card').map((c) => c.querySelector('.row-name')!.textContent);

  it('shows the accounts (companies) at their stages beside the people, moves them by keyboard, and follows the search', async () => {
    await speak('en');
    const store = db.store();
    const acme = await saveCompany(store, company('acme'), { name: 'Acme Robotics', industry: 'Robotics' });
    await setStage(store, { companyId: acme }, SALES, 'target');
    const bytedance = await saveCompany(store, company('bytedance'), { name: '字节跳动' });
    await setStage(store, { companyId: bytedance }, SALES, 'meeting');
    await savePeople(store, [{ name: 'Jane Doe', slug: 'jane', stage: { pipelineId: SALES, stageId: 'contacted' } }]);

    await openSalesBoard();
    await waitFor(() => expect(cardsIn('Target')).toEqual(['Acme Robotics']));
    expect(cardsIn('Contacted')).toEqual(['Jane Doe']);
    expect(cardsIn('Meeting')).toEqual(['字节跳动']);
    expect(within(column('Target')).getByTestId('sb-board-card').textContent).toContain('Account · Robotics');

    fireEvent.keyDown(within(column('Target')).getByTestId('sb-board-card'), { key: 'ArrowRight', altKey: true });
    await waitFor(() => expect(cardsIn('Contacted')).toEqual(['Acme Robotics', 'Jane Doe']));
    const entry = (await store.db.entries.where('companyId').equals(acme).first())!;
    expect(entry.stageId).toBe('contacted');
    expect(entry.history.map((h) => h.stageId)).toEqual(['target', 'contacted']);

    fireEvent.change(screen.getByTestId('sb-search'), { target: { value: '字节' } });
    await waitFor(() => expect(cardsIn('Contacted')).toEqual([]));
    expect(cardsIn('Meeting')).toEqual(['字节跳动']);
  });

  it('opens an account’s details from its card', async () => {
    await speak('en');
    const store = db.store();
    const acme = await saveCompany(store, company('acme'), { name: 'Acme Robotics', legalName: 'Acme Robotics GmbH' });
    await setStage(store, { companyId: acme }, SALES, 'proposal');
    await openSalesBoard();
    fireEvent.click(await within(await waitFor(() => column('Proposal'))).findByTestId('sb-open-detail'));
    expect((await screen.findByTestId('sb-company-detail')).textContent).toContain('Acme Robotics GmbH');
  });

  it('with only accounts saved (no people yet), the sales board still shows them, and other pipelines teach how to save people', async () => {
    await speak('en');
    const store = db.store();
    await setStage(store, { companyId: await saveCompany(store, company('acme'), { name: 'Acme Robotics' }) }, SALES, 'won');
    renderApp();
    fireEvent.click(await screen.findByRole('tab', { name: 'Pipelines' }));
    expect((await screen.findByTestId('sb-empty-bank')).textContent).toContain('Open a LinkedIn, Maimai or GitHub profile and press Save');
    fireEvent.change(screen.getByTestId('sb-pipeline'), { target: { value: SALES } });
    await waitFor(() => expect(cardsIn('Won')).toEqual(['Acme Robotics']));
    expect(screen.queryByTestId('sb-empty-bank')).toBeNull();
  });
});
