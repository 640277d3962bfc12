// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addNote, moveEntry, saveCompany } from '@/utils/db/actions';
import { getDb } from '@/utils/db/database';
import { openCompany } from '@/components/popup/detail/sheet-stack';
import { profileKeyUrl, profileLinks } from '@/utils/pipelines/detail';
import { inI18n, renderSheet, savedPerson, useExtensionDatabase } from './component-kit';
import { RECRUITING, REFERRAL } from './store-fixture';
import { SheetHost } from '@/components/popup/detail/SheetHost';

describe('profile links', () => {
  it('rebuilds page addresses from profile keys, and only those it can', () => {
    expect(profileKeyUrl('linkedin:in/jane-doe')).toBe('https://www.linkedin.com/in/jane-doe/');
    expect(profileKeyUrl('linkedin:in/张伟-8a7b6c')).toBe('https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F-8a7b6c/');
    expect(profileKeyUrl('linkedin:company/acme')).toBe('https://www.linkedin.com/company/acme/');
    expect(profileKeyUrl('maimai:dstu/231439153')).toBe('https://maimai.cn/profile/detail?dstu=231439153');
    expect(profileKeyUrl('github:aaronpk')).toBe('https://github.com/aaronpk');
    expect(profileKeyUrl('linkedin:talent/aemaaab2')).toBeUndefined();
    expect(profileLinks({ profileUrl: 'https://www.linkedin.com/in/jane-doe/', profileKeys: ['linkedin:in/jane-doe', 'github:jane'] })).toEqual([
      'https://www.linkedin.com/in/jane-doe/',
      'https://github.com/jane',
    ]);
  });
});

describe('person detail view', () => {
  const env = useExtensionDatabase();

  async function jane() {
    const store = env.store();
    const { personId, entryId } = await savedPerson(
      store,
      { name: 'Jane Doe', slug: 'jane-doe', headline: 'Head of Talent at Northwind Labs', company: 'Northwind Labs', companyKey: 'linkedin:company/northwind' },
      { pipelineId: RECRUITING, stageId: 'sourced' },
    );
    await moveEntry(store, entryId!, 'contacted');
    await addNote(store, { personId }, 'first call went well');
    await addNote(store, { personId }, 'sent the job description');
    return { personId, entryId: entryId! };
  }

  it('shows the profile, links, status, every entry with stage and history (who, when), and notes newest first', async () => {
    const { personId } = await jane();
    renderSheet({ kind: 'person', id: personId });
    const detail = await screen.findByTestId('sb-person-detail');
    expect(screen.getByRole('heading', { name: 'Jane Doe' })).toBeTruthy();
    expect(detail.textContent).toContain('Head of Talent at Northwind Labs');
    expect(within(detail).getByRole('link', { name: 'linkedin.com/in/jane-doe' }).getAttribute('href')).toBe('https://www.linkedin.com/in/jane-doe/');
    expect((screen.getByTestId('sb-detail-status') as HTMLSelectElement).value).toBe('active');

    const entry = screen.getByTestId('sb-detail-entry');
    expect((within(entry).getByTestId('sb-detail-stage') as HTMLSelectElement).value).toBe('contacted');
    const history = within(entry).getAllByTestId('sb-history-item').map((li) => li.textContent);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(/^Contacted .*by Li Wei$/);
    expect(history[1]).toMatch(/^Sourced .*by Li Wei$/);
    expect(screen.getAllByTestId('sb-detail-note').map((n) => n.querySelector('.sb-note-body')!.textContent)).toEqual([
      'sent the job description',
      'first call went well',
    ]);
  });

  it('moves the stage, sets status and tags, and adds a note through the background', async () => {
    const { personId, entryId } = await jane();
    renderSheet({ kind: 'person', id: personId });
    await screen.findByTestId('sb-person-detail');
    fireEvent.change(screen.getByTestId('sb-detail-stage'), { target: { value: 'interview' } });
    fireEvent.change(screen.getByTestId('sb-detail-status'), { target: { value: 'passive' } });
    fireEvent.change(screen.getByTestId('sb-detail-tag-input'), { target: { value: 'golang' } });
    fireEvent.submit(screen.getByTestId('sb-detail-tag-input').closest('form')!);
    fireEvent.change(screen.getByTestId('sb-detail-note-input'), { target: { value: 'interview on Tuesday' } });
    fireEvent.click(screen.getByTestId('sb-detail-note-add'));
    await waitFor(async () => {
      expect((await getDb().entries.get(entryId))!.stageId).toBe('interview');
      expect(await getDb().people.get(personId)).toMatchObject({ status: 'passive', tags: ['golang'] });
    });
    await waitFor(() => expect(screen.getAllByTestId('sb-detail-note')[0]!.textContent).toContain('interview on Tuesday'));
    await waitFor(() => expect(screen.getAllByTestId('sb-history-item')[0]!.textContent).toMatch(/^Interview/));
    await waitFor(() => expect(screen.getAllByTestId('sb-detail-tag').map((t) => t.textContent)).toEqual(['golang×']));
  });

  it('records the referrer on a referral entry, flagged while missing', async () => {
    const store = env.store();
    await getDb().meta.delete('settings');
    const { personId, entryId } = await savedPerson(store, { name: 'Carlos Mendes', slug: 'carlos' }, { pipelineId: REFERRAL, stageId: 'read' });
    renderSheet({ kind: 'person', id: personId });
    const entry = await screen.findByTestId('sb-detail-entry');
    expect(entry.textContent).toContain('A referral entry should record who referred the candidate.');
    fireEvent.change(within(entry).getByTestId('sb-detail-referrer'), { target: { value: '  Wang Fang ' } });
    fireEvent.keyDown(within(entry).getByTestId('sb-detail-referrer'), { key: 'Enter' });
    await waitFor(async () => expect((await getDb().entries.get(entryId!))!.referrer).toBe('Wang Fang'));
    await waitFor(() => expect(screen.getByTestId('sb-detail-entry').textContent).not.toContain('should record who referred'));
  });

  it('shows the company intel and opens the company, with the people who work there', async () => {
    const store = env.store();
    const { personId } = await jane();
    await saveCompany(store, { kind: 'company', key: 'linkedin:company/northwind', url: 'https://www.linkedin.com/company/northwind/' }, { name: 'Northwind Labs', industry: 'Software' });
    await getDb().intel.put({
      id: 'i1',
      companyName: 'Northwind Labs',
      companyNameLower: 'northwind labs',
      companyKey: 'linkedin:company/northwind',
      type: 'funding',
      title: 'Northwind Labs raises a Series B',
      url: 'https://news.example.com/northwind-b',
      publishedAt: '2026-10-01T08:00:00Z',
      round: 'Series B',
      fetchedAt: 1,
    });
    renderSheet({ kind: 'person', id: personId });
    const intel = await screen.findByTestId('sb-detail-intel');
    expect(intel.textContent).toContain('Funding 2026-10-01 Northwind Labs raises a Series B · Series B');
    fireEvent.click(screen.getByTestId('sb-detail-company'));
    const company = await screen.findByTestId('sb-company-detail');
    expect(screen.getByRole('heading', { name: 'Northwind Labs' })).toBeTruthy();
    expect(company.textContent).toContain('Software');
    expect(within(screen.getByTestId('sb-company-people')).getByRole('button', { name: 'Jane Doe' })).toBeTruthy();

    // Esc closes the company and leaves the person open beneath it.
    fireEvent.keyDown(company, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('sb-company-detail')).toBeNull());
    expect(screen.getByTestId('sb-person-detail')).toBeTruthy();
  });

  it('says so when the person was deleted, and opens a company by its id', async () => {
    const { personId } = await jane();
    await getDb().people.update(personId, { deleted: true });
    inI18n(<SheetHost />);
    act(() => openCompany('01ARZ3NDEKTSV4RRFFQ69G5FAV'));
    expect(await screen.findByText('This record was deleted.')).toBeTruthy();
  });

  it('opens on the person a reminder link names (popup.html?tab&person=…)', async () => {
    const { personId } = await jane();
    history.replaceState(null, '', `/popup.html?tab&person=${personId}`);
    inI18n(<SheetHost />);
    expect(await screen.findByTestId('sb-person-detail')).toBeTruthy();
    history.replaceState(null, '', '/popup.html');
  });
});
