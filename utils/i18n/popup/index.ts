import type { Language } from '../translate';
import * as bank from './bank';
import * as board from './board';
import * as bulk from './bulk';
import * as common from './common';
import * as data from './data';
import * as filters from './filters';
import * as funnel from './funnel';
import * as options from './options';
import * as pipelines from './pipelines';
import * as team from './team';

/**
 * The popup's strings, kept apart from the card's (utils/i18n/messages.ts) so they never weigh on
 * the content scripts. One file per area; add an area by importing it here and spreading it in.
 */
const en = { ...common.en, ...bank.en, ...board.en, ...bulk.en, ...filters.en, ...funnel.en, ...pipelines.en, ...data.en, ...team.en, ...options.en };
export type PopupMessageKey = keyof typeof en;
const zhCN: Record<PopupMessageKey, string> = { ...common.zhCN, ...bank.zhCN, ...board.zhCN, ...bulk.zhCN, ...filters.zhCN, ...funnel.zhCN, ...pipelines.zhCN, ...data.zhCN, ...team.zhCN, ...options.zhCN };

const TABLES: Record<Language, Record<PopupMessageKey, string>> = { en, 'zh-CN': zhCN };

export type PopupTranslate = (key: PopupMessageKey, vars?: Record<string, string | number>) => string;

export function popupTranslator(lang: Language): PopupTranslate {
  const table = TABLES[lang];
  // "100,000 people", not "100000 people": counts in this popup run to six digits.
  const number = new Intl.NumberFormat(lang);
  const text = (v: string | number) => (typeof v === 'number' ? number.format(v) : v);
  return (key, vars) => table[key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? text(vars[name]!) : m));
}
