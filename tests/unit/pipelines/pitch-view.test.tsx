// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/utils/db/database';
import { createPitch, pitchesOf, STARTER_PITCHES } from '@/utils/pipelines';
import { BoardCardActions } from '@/components/popup/detail/BoardCardActions';
import { renderSheet, inI18n, savedPerson, useExtensionDatabase } from './component-kit';
import { REFERRAL } from './store-fixture';

describe('pitch templates view', () => {
  const env = useExtensionDatabase();

  async function carlos() {
    return savedPerson(
      env.store(),
      { name: 'Carlos Mendes', slug: 'carlos', headline: 'Staff Software Engineer at Contoso', company: 'Contoso' },
      { pipelineId: REFERRAL, stageId: 'applied' },
    );
  }

  it('writes a template with a live preview filled from someone in the pipeline, flagging unknown variables', async () => {
    await carlos();
    renderSheet({ kind: 'pitches', pipelineId: REFERRAL });
    expect((await screen.findByTestId('sb-pitches')).textContent).toContain('No templates for this pipeline yet.');
    fireEvent.click(screen.getByTestId('sb-pitch-new'));
    fireEvent.change(screen.getByTestId('sb-pitch-name'), { target: { value: 'Warm intro' } });
    fireEvent.change(screen.getByTestId('sb-pitch-body'), { target: { value: 'Hi {{firstName}}, {{referrer}} here. {{jobTitle}} at {{company}}? {{bonus}}' } });
    expect(screen.getByTestId('sb-pitch-unknown').textContent).toBe('Unknown variables, left as typed: {{bonus}}');
    await waitFor(() =>
      expect(screen.getByTestId('sb-pitch-preview').textContent).toBe('Hi Carlos, Li Wei here. Staff Software Engineer at Contoso? {{bonus}}'),
    );
    expect(screen.queryByTestId('sb-pitch-missing')).toBeNull();

    // A variable button inserts at the caret.
    fireEvent.change(screen.getByTestId('sb-pitch-body'), { target: { value: 'Regards, ' } });
    fireEvent.click(screen.getByRole('button', { name: '{{myName}}' }));
    expect((screen.getByTestId('sb-pitch-body') as HTMLTextAreaElement).value).toBe('Regards, {{myName}}');
    fireEvent.click(screen.getByTestId('sb-pitch-save'));
    await waitFor(async () => expect((await pitchesOf(getDb(), REFERRAL)).map((p) => [p.name, p.body])).toEqual([['Warm intro', 'Regards, {{myName}}']]));
    await waitFor(() => expect(screen.getAllByTestId('sb-pitch-item')).toHaveLength(1));
  });

  it('refuses a template without a name and writes nothing', async () => {
    renderSheet({ kind: 'pitches', pipelineId: REFERRAL });
    fireEvent.click(await screen.findByTestId('sb-pitch-new'));
    fireEvent.change(screen.getByTestId('sb-pitch-body'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByTestId('sb-pitch-save'));
    expect((await screen.findByRole('alert')).textContent).toContain('a template needs a name');
    expect(await getDb().pitches.count()).toBe(0);
  });

  it('adds the suggested templates, edits one and deletes one after asking', async () => {
    renderSheet({ kind: 'pitches', pipelineId: REFERRAL });
    fireEvent.click(await screen.findByTestId('sb-pitch-starters'));
    await waitFor(() => expect(screen.getAllByTestId('sb-pitch-item')).toHaveLength(STARTER_PITCHES.referral.length));
    const first = screen.getAllByTestId('sb-pitch-item')[0]!;
    fireEvent.click(within(first).getByTestId('sb-pitch-edit'));
    fireEvent.change(screen.getByTestId('sb-pitch-name'), { target: { value: '内推邀请（短）' } });
    fireEvent.click(screen.getByTestId('sb-pitch-save'));
    await waitFor(() => expect(screen.getAllByTestId('sb-pitch-item')[0]!.textContent).toContain('内推邀请（短）'));

    fireEvent.click(within(screen.getAllByTestId('sb-pitch-item')[1]!).getByTestId('sb-pitch-delete'));
    fireEvent.click(screen.getByTestId('sb-pitch-delete-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('sb-pitch-item')).toHaveLength(STARTER_PITCHES.referral.length - 1));
    expect((await pitchesOf(getDb(), REFERRAL)).map((p) => p.name)).toEqual(['内推邀请（短）']);
  });

  it('copies the pipeline’s first template, filled, in one click from a board card', async () => {
    const { personId, entryId } = await carlos();
    await createPitch(getDb(), REFERRAL, { name: 'Short', body: '{{firstName}}, {{referrer}} can refer you to {{pipeline}}.' });
    const pipeline = (await getDb().pipelines.get(REFERRAL))!;
    inI18n(<BoardCardActions entryId={entryId!} pipeline={pipeline} subject={{ person: { id: personId, name: 'Carlos Mendes', companyName: 'Contoso' } }} />);
    const copy = await screen.findByTestId('sb-pitch-copy');
    expect(copy.getAttribute('aria-label')).toBe('Copy the “Short” pitch for Carlos Mendes');
    fireEvent.click(copy);
    await waitFor(() => expect(screen.getByTestId('sb-pitch-copied').textContent).toBe('Copied.'));
    expect(await navigator.clipboard.readText()).toBe('Carlos, Li Wei can refer you to Referral 内推.');
  });
});
