import { describe, expect, it } from 'vitest';
import { popupTranslator } from '@/utils/i18n/popup';

describe('numbers in popup messages', () => {
  it('are grouped for the language, and strings are left as they are', () => {
    expect(popupTranslator('en')('data.export.count', { count: 100_000 })).toBe('100,000 people');
    expect(popupTranslator('zh-CN')('data.export.count', { count: 100_000 })).toContain('100,000');
    expect(popupTranslator('en')('data.export.count', { count: '1000' })).toBe('1000 people');
  });
});
