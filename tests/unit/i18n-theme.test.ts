import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageTheme } from '@/utils/annotate/page-theme';
import { en, zhCN } from '@/utils/i18n/messages';
import { browserLanguage, translator } from '@/utils/i18n/translate';

describe('i18n', () => {
  it('Simplified Chinese defines every English message with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const vars = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(zhCN[key], key).toBeTruthy();
      expect(vars(zhCN[key]), key).toEqual(vars(en[key]));
    }
  });

  it('fills placeholders and follows the browser language', () => {
    expect(translator('zh-CN')('warning.owned', { owner: '李伟', pipeline: '内推', stage: '面试' })).toBe('李伟 已在「内推」跟进此人（面试）。');
    expect(translator('en')('tags.remove', { tag: 'go' })).toBe('Remove tag go');
    expect(browserLanguage(['zh-TW', 'en'])).toBe('zh-CN');
    expect(browserLanguage(['de-DE'])).toBe('en');
  });
});

describe('page theme', () => {
  const doc = (html: string) => parseHTML(html).document as unknown as Document;
  it("reads the site's own theme markers", () => {
    expect(pageTheme(doc('<html class="theme theme--dark"><body></body></html>'))).toBe('dark');
    expect(pageTheme(doc('<html data-color-mode="light"><body></body></html>'))).toBe('light');
  });
});
