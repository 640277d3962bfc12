import { describe, expect, it } from 'vitest';

/** Every area table of the popup and Options strings (utils/i18n/popup/<area>.ts), found by name so a new area is checked too. */
const areas = Object.entries(
  import.meta.glob<{ en: Record<string, string>; zhCN: Record<string, string> }>(['../../utils/i18n/popup/*.ts', '!../../utils/i18n/popup/index.ts'], { eager: true }),
);

describe('popup string tables', () => {
  it('are all found', () => {
    expect(areas.map(([path]) => path.split('/').at(-1))).toEqual(expect.arrayContaining(['common.ts', 'data.ts', 'options.ts', 'team.ts']));
  });

  it.each(areas)('%s: Simplified Chinese defines every English string with the same placeholders', (_path, table) => {
    const vars = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(table.zhCN).sort()).toEqual(Object.keys(table.en).sort());
    for (const key of Object.keys(table.en)) {
      expect(table.zhCN[key], key).toBeTruthy();
      expect(vars(table.zhCN[key]!), key).toEqual(vars(table.en[key]!));
    }
  });
});
