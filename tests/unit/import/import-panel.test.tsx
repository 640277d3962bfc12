// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportPanel } from '@/components/popup/ImportPanel';
import { getDb } from '@/utils/db/database';
import { savePeople, usePopupDatabase, withI18n } from '../popup/popup-kit';
import { ownBytes } from './helpers';
import { pendingMutations } from '@/utils/sync/outbox';

/** The import panel as a user drives it: pick a file, check the mapping and the dry run, decide, confirm. */

// Dry runs go through IndexedDB and time slices: give them more than the default second on a loaded machine.

function pick(name: string, bytes: Uint8Array) {
  const input = screen.getByTestId('sb-import-file');
  fireEvent.change(input, { target: { files: [new File([bytes as BlobPart], name, { type: 'text/csv' })] } });
}

const summary = () => screen.getByTestId('sb-import-summary');
const people = () => getDb().people.filter((p) => !p.deleted).toArray();

describe('ImportPanel', () => {
  const db = usePopupDatabase();

  it('shows what it detected and the mapping, then a dry run; nothing is written until confirmed', async () => {
    render(withI18n(<ImportPanel />));
    pick('Connections.csv', ownBytes('connections-2024.csv'));
    await waitFor(() => expect(summary().textContent).toContain('3 to create · 0 to merge · 0 possible duplicates to decide · 2 rejected'));
    expect(screen.getByTestId('sb-import-detected').textContent).toContain('Connections.csv: 6 rows, header on line 4, UTF-8, comma-separated');
    expect(screen.getByTestId<HTMLSelectElement>('sb-import-preset').value).toBe('linkedin-connections-2024');
    const mapping = screen.getByTestId('sb-import-mapping');
    // Each column of the file with its first values and the field it feeds.
    expect(within(mapping).getAllByRole('row')).toHaveLength(1 + 7);
    expect(screen.getByTestId<HTMLSelectElement>('sb-import-map-6').value).toBe('connectedOn');
    expect(within(mapping).getByText('30 May 2024 · 02 Jun 2022')).toBeTruthy();
    // Rejected rows by line, with the reason.
    expect(screen.getByTestId('sb-import-rejected').textContent).toContain('Line 6: no name');
    expect(screen.getByTestId('sb-import-rejected').textContent).toContain('Line 10: not a LinkedIn profile URL: https://www.linkedin.com/company/acme');
    expect(await people()).toEqual([]);

    fireEvent.click(screen.getByTestId('sb-import-confirm'));
    await waitFor(() => expect(screen.getByTestId('sb-import-result').textContent).toContain('Imported: 3 created, 0 merged'));
    expect((await people()).map((p) => p.name).sort()).toEqual(['Ada Lovelace', 'James "Tyler" Smith', 'Li Wei']);
  });

  it('recomputes the dry run from an edited mapping, and imports with it', async () => {
    render(withI18n(<ImportPanel />));
    pick('Connections.csv', ownBytes('connections-2024.csv'));
    await waitFor(() => expect(summary().textContent).toContain('3 to create'));
    // No name column left: the dry run says so and nothing can be confirmed.
    fireEvent.change(screen.getByTestId('sb-import-map-0'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('sb-import-map-1'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('sb-import-error').textContent).toContain('Map a name column'));
    expect(screen.queryByTestId('sb-import-confirm')).toBeNull();
    // The first-name column as the full name; the position column ignored.
    fireEvent.change(screen.getByTestId('sb-import-map-0'), { target: { value: 'fullName' } });
    fireEvent.change(screen.getByTestId('sb-import-map-5'), { target: { value: '' } });
    await waitFor(() => expect(summary().textContent).toContain('3 to create · 0 to merge · 0 possible duplicates to decide · 2 rejected'));
    fireEvent.click(screen.getByTestId('sb-import-confirm'));
    await waitFor(() => expect(screen.getByTestId('sb-import-result')).toBeTruthy());
    const saved = await people();
    expect(saved.map((p) => p.name).sort()).toEqual(['Ada', 'James', 'Li']);
    expect(saved.every((p) => p.headline === undefined)).toBe(true);
    // "Connected On" is stored.
    expect(saved.find((p) => p.name === 'Ada')!.connectedAt).toBe(new Date(2024, 4, 30).getTime());
  });

  it('mapping one column to a field takes that field from any other column', async () => {
    render(withI18n(<ImportPanel />));
    pick('Connections.csv', ownBytes('connections-2024.csv'));
    await waitFor(() => expect(summary()).toBeTruthy());
    fireEvent.change(screen.getByTestId('sb-import-map-5'), { target: { value: 'company' } });
    expect(screen.getByTestId<HTMLSelectElement>('sb-import-map-4').value).toBe('');
    expect(screen.getByTestId<HTMLSelectElement>('sb-import-map-5').value).toBe('company');
  });

  it('lists possible duplicates; each is merged, created or left out as the user decides', async () => {
    await savePeople(db.store(), [
      { name: 'Claudia Berg', slug: 'claudia-berg', company: 'ApproveIt' },
      { name: 'Vik Shah', slug: 'vik-shah', company: 'Variance Tech' },
    ]);
    render(withI18n(<ImportPanel />));
    pick('Connections.csv', ownBytes('connections-2018.csv'));
    await waitFor(() => expect(summary().textContent).toContain('1 to create · 0 to merge · 2 possible duplicates to decide · 0 rejected'));
    expect(screen.getAllByTestId('sb-import-duplicate').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Line 2: Claudia Berg · ApproveIt · Owner'),
      expect.stringContaining('Line 3: Vik Shah · Variance Tech · CEO'),
    ]);
    // Undecided rows are not imported: the button counts only what will be written.
    expect(screen.getByTestId('sb-import-confirm').textContent).toContain('Import 1');
    const claudiaChoice = screen.getByTestId<HTMLSelectElement>('sb-import-decision-2');
    const mergeOption = [...claudiaChoice.options].find((o) => o.text.startsWith('Merge into Claudia Berg'))!;
    fireEvent.change(claudiaChoice, { target: { value: mergeOption.value } });
    fireEvent.change(screen.getByTestId('sb-import-decision-3'), { target: { value: 'create' } });
    await waitFor(() => expect(summary().textContent).toContain('2 to create · 1 to merge · 0 possible duplicates to decide · 0 rejected'));
    fireEvent.click(screen.getByTestId('sb-import-confirm'));
    await waitFor(() => expect(screen.getByTestId('sb-import-result').textContent).toContain('2 created, 1 merged'));
    const saved = await people();
    expect(saved.map((p) => p.name).sort()).toEqual(['Claudia Berg', 'No Match', 'Vik Shah', 'Vik Shah']);
    // The merge filled Claudia's saved record: her e-mail and position, and kept her profile.
    const claudia = saved.find((p) => p.name === 'Claudia Berg')!;
    expect(claudia).toMatchObject({ emails: ['claudia@example.com'], headline: 'Owner', profileKeys: ['linkedin:in/claudia-berg'] });
  });

  it('decides every possible duplicate at once', async () => {
    await savePeople(db.store(), [
      { name: 'Claudia Berg', slug: 'claudia-berg', company: 'ApproveIt' },
      { name: 'Vik Shah', slug: 'vik-shah', company: 'Variance Tech' },
    ]);
    render(withI18n(<ImportPanel />));
    pick('Connections.csv', ownBytes('connections-2018.csv'));
    await waitFor(() => expect(summary().textContent).toContain('2 possible duplicates to decide'));
    fireEvent.click(screen.getByTestId('sb-import-merge-all'));
    await waitFor(() => expect(summary().textContent).toContain('1 to create · 2 to merge · 0 possible duplicates to decide'));
    fireEvent.click(screen.getByTestId('sb-import-create-all'));
    await waitFor(() => expect(summary().textContent).toContain('3 to create · 0 to merge · 0 possible duplicates to decide'));
    fireEvent.click(screen.getByText('Leave all out'));
    await waitFor(() => expect(summary().textContent).toContain('1 to create · 0 to merge · 0 possible duplicates to decide · 0 rejected · 2 left out'));
    fireEvent.click(screen.getByTestId('sb-import-confirm'));
    await waitFor(() => expect(screen.getByTestId('sb-import-result').textContent).toContain('1 created, 0 merged'));
    expect((await people()).map((p) => p.name).sort()).toEqual(['Claudia Berg', 'No Match', 'Vik Shah']);
  });

  it('cancelling the dry run writes nothing', async () => {
    const queued = await pendingMutations(getDb());
    render(withI18n(<ImportPanel />));
    pick('Connections.csv', ownBytes('connections-2024.csv'));
    await waitFor(() => expect(summary().textContent).toContain('3 to create'));
    fireEvent.click(screen.getByTestId('sb-import-cancel'));
    expect(screen.queryByTestId('sb-import-summary')).toBeNull();
    expect(await people()).toEqual([]);
    expect(await pendingMutations(getDb())).toBe(queued);
  });

  it('a file that is not a table gets a clear message and no dry run', async () => {
    render(withI18n(<ImportPanel />));
    pick('photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await waitFor(() => expect(screen.getByTestId('sb-import-error').textContent).toContain('This is a PNG image, not a CSV or Excel file.'));
    expect(screen.queryByTestId('sb-import-summary')).toBeNull();
  });

  it('reads a semicolon file by another separator when the user picks it', async () => {
    render(withI18n(<ImportPanel />));
    pick('people.csv', new TextEncoder().encode('Name;Company\nAda Lovelace;Analytical Engines\n'));
    await waitFor(() => expect(screen.getByTestId('sb-import-detected').textContent).toContain('semicolon-separated'));
    fireEvent.change(screen.getByTestId('sb-import-delimiter'), { target: { value: ',' } });
    await waitFor(() => expect(screen.getByTestId('sb-import-detected').textContent).toContain('comma-separated'));
    // Read by commas, the one column is "Name;Company": no name column any more.
    await waitFor(() => expect(screen.getByTestId('sb-import-error').textContent).toContain('Map a name column'));
  });
});
