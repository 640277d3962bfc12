// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/utils/db/database';
import { layOutLikeAPopup, RECRUITING, renderApp, savePeople, usePopupDatabase } from './popup-kit';

beforeAll(layOutLikeAPopup);

describe('the stage select of a talent-bank row', () => {
  const { store } = usePopupDatabase();

  it('moves the entry (the message module is loaded on first use) and shows the new stage at once', async () => {
    const ids = await savePeople(store(), [{ name: 'Jane Roe', slug: 'jane-roe', stage: { pipelineId: RECRUITING, stageId: 'sourced' } }]);
    renderApp();
    const select = (await screen.findByTestId('sb-row-stage')) as HTMLSelectElement;
    expect(select.value).toBe('sourced');
    fireEvent.change(select, { target: { value: 'interview' } });
    expect(select.value).toBe('interview');
    await waitFor(async () => {
      const [entry] = await getDb().entries.where('personId').equals(ids.get('Jane Roe')!).toArray();
      expect(entry?.stageId).toBe('interview');
    });
  });
});
