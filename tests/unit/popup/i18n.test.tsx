// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadPrefs, updatePrefs } from '@/utils/prefs/prefs';
import { layOutLikeAPopup, RECRUITING, renderApp, savePeople, speak, usePopupDatabase } from './popup-kit';

describe('language of the popup', () => {
  beforeAll(layOutLikeAPopup);
  const db = usePopupDatabase();
  const browserLanguages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages');
  afterEach(() => {
    if (browserLanguages) Object.defineProperty(Navigator.prototype, 'languages', browserLanguages);
  });
  const tabs = () => screen.getAllByRole('tab').map((t) => t.textContent);

  it('follows the browser until the user picks one, stores the pick in prefs.language, and follows Options', async () => {
    Object.defineProperty(Navigator.prototype, 'languages', { configurable: true, get: () => ['zh-TW', 'en'] });
    await savePeople(db.store(), [{ name: '张伟', slug: 'zhangwei', stage: { pipelineId: RECRUITING, stageId: 'sourced' } }]);
    renderApp();
    await waitFor(() => expect(tabs()).toEqual(['人才库 (1)', '流程', '漏斗', '导入与导出']));
    expect(screen.getByTestId('sb-search').getAttribute('placeholder')).toBe('搜索姓名、职位、公司、标签、笔记');
    expect(screen.getByTestId('sb-row').textContent).toContain('积极');

    fireEvent.change(screen.getByTestId('sb-language'), { target: { value: 'en' } });
    await waitFor(() => expect(tabs()).toEqual(['Talent bank (1)', 'Pipelines', 'Funnel', 'Import & export']));
    expect(document.documentElement.lang).toBe('en');
    await waitFor(async () => expect((await loadPrefs()).language).toBe('en'));
    expect(screen.getByTestId('sb-row').textContent).toContain('Active');

    // Set in Options (or another popup): this one follows.
    await updatePrefs({ language: 'zh-CN' });
    await waitFor(() => expect(tabs()[0]).toBe('人才库 (1)'));
    expect((screen.getByTestId('sb-language') as HTMLSelectElement).value).toBe('zh-CN');

    fireEvent.change(screen.getByTestId('sb-language'), { target: { value: 'auto' } });
    await waitFor(async () => expect((await loadPrefs()).language).toBeUndefined());
    expect(tabs()[0]).toBe('人才库 (1)');
  });

  it('opens in the stored language at once, and the empty states teach in it', async () => {
    await speak('zh-CN');
    renderApp();
    expect(tabs()[1]).toBe('流程');
    expect((await screen.findByTestId('sb-empty-bank')).textContent).toContain('打开一个领英、脉脉或 GitHub 个人主页');
  });
});
