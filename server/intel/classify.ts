import type { INTEL_TYPES } from '../../utils/schema';

type IntelType = (typeof INTEL_TYPES)[number];

/**
 * What kind of company news an item is, in Chinese and English, decided by its title and — when
 * the title says nothing — by a first sentence that reports a funding round (a long article
 * mentions 发布, 招聘 or 裁员 somewhere whatever it is about). The first kind whose pattern
 * matches wins: funding, layoff, leadership, hiring, product, event, else news.
 */
export interface Classified {
  type: IntelType;
  /** As written, spaces removed: "数千万元", "10亿元", "$20M". Funding only. */
  amount?: string;
  /** "Seed", "Angel", "Pre-A", "Series B2", "Series C+", "Strategic", "IPO". Funding only. */
  round?: string;
}

const ROUND_CN = /(天使\+?|种子|Pre-?[A-F]\+?|[A-F]\d?\+{0,2}|战略|Pre-?IPO)\s*轮/i;
const ROUND_EN = /\b(pre-seed|seed|angel|series\s+[a-f]\d?\+?|pre-series\s+[a-f])\b(?:\s+(?:round|funding|financing))?/i;
const IPO = /\bIPO\b|(?:A股|港股|美股|科创板|创业板|北交所|纳斯达克|纽交所|主板|挂牌|赴美|赴港|登陆\S{0,8}?)上市|上市(?:首日|申请|招股|敲钟|交易)|敲钟|递表|招股书|港交所|上交所|深交所|\bgoes public\b|\blists? on\b/i;

const FUNDING = new RegExp(
  [
    '融资', '获投', '领投', '跟投', '募资', '募集', '再融', '注资', '战略投资', '获(?:得)?\\S{0,12}投资', '追加\\S{0,12}投资', '天使轮', '种子轮',
    ROUND_CN.source, IPO.source,
    '\\braises?\\b', '\\braised\\b', '\\bseries [a-f]\\b', '\\bseed (?:round|funding)\\b', '\\bfunding round\\b', '\\bsecures? \\$', '\\bventure funding\\b',
  ].join('|'),
  'i',
);
const LAYOFF = /裁员|裁撤|人员优化|组织优化|优化(?:了)?\S{0,6}(?:员工|人员|岗位)|毕业季?大礼包|\blay(?:s|ing)? off\b|\blayoffs?\b|\bcuts? [\w\s,]{0,30}jobs\b|\bjob cuts\b|\bredundanc(?:y|ies)\b/i;
const LEADERSHIP_STRONG = /任命|出任|离职|卸任|接任|辞任|辞去|辞职|换帅|履新|接棒|交棒|新任\S{0,4}(?:CEO|总裁|总经理|董事长|CTO|CFO)|\bappoint(?:s|ed)\b|\bsteps? down\b|\bresign(?:s|ed)?\b|\bnames? [\w\s.]{0,40}(?:CEO|CTO|CFO|COO|president|chief)\b|\bnew (?:CEO|CTO|CFO|COO)\b|\bhires? [\w\s.]{0,40}as (?:CEO|CTO|CFO|COO)\b/i;
const HIRING = /招聘|扩招|招人|校招|社招|急招|\bhiring\b|\bto hire\b|\bopens? (?:a |an |its )?(?:new )?(?:office|hub|R&D center)\b|新员工/i;
const PRODUCT = /发布|推出|上线|发售|亮相|首发新品|开售|上新|\blaunch(?:es|ed)?\b|\bunveil(?:s|ed)?\b|\bintroduc(?:es|ed)\b|\breleases?\b|\brolls? out\b|\bships?\b/i;
const EVENT = /大会|峰会|论坛|博览会|展会|开发者日|\bconference\b|\bsummit\b|\bexpo\b|\bhackathon\b|\bforum\b/i;
/** A bare "CEO" in a title is usually an interview ("脉脉CEO林凡：…｜专访"), not a change of leadership. */
const LEADERSHIP_WEAK = /\b(?:CEO|CTO|CFO|COO)\b|首席执行官|董事长|总裁/;
const INTERVIEW = /专访|对话|访谈|采访|\binterview\b|\btalks?\b|:|：/i;

const AMOUNT = new RegExp(
  [
    // 数千万元, 10亿元, 8400万美元, 近千万人民币, 1300 万美元, 3000万元人民币, 8.7亿元
    '(?:数|近|超|逾|约|上|过|近|将近)?\\s*(?:\\d+(?:[.,]\\d+)?|[一二两三四五六七八九十百千数]+)\\s*(?:十|百|千)?\\s*(?:万|亿)(?:\\s*余)?\\s*(?:元人民币|美元|元|人民币|港元|港币|欧元|日元|英镑|新加坡元)',
    // $20M, US$ 1.5 billion, €10m, ¥100 million
    '(?:US\\$|\\$|€|£|¥|RMB\\s?|USD\\s?|EUR\\s?)\\s?\\d+(?:[.,]\\d+)?\\s?(?:[mbk]\\b|mn\\b|bn\\b|million\\b|billion\\b)?',
  ].join('|'),
  'gi',
);
/** Amounts without a currency, accepted only right after the funding word: "融资数千万", "融资过亿". */
const BARE_AMOUNT = /(?:融资|募资|获投)\s*((?:数|近|超|逾|约|过)?\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千数]+)?\s*(?:十|百|千)?\s*(?:万|亿)(?:余)?(?:元)?)/;
/** Amounts before the round or funding word in the same clause: "完成数千万元A轮融资", "获3000万元人民币A轮融资". */
const CLAUSE_BREAK = /[，,。；;！!？?|｜\n]/;

function normalizeRound(raw: string): string {
  const r = raw.replace(/\s+/g, ' ').trim();
  if (/^天使/.test(r) || /^angel/i.test(r)) return 'Angel';
  if (/^种子/.test(r) || /^seed/i.test(r)) return 'Seed';
  if (/^pre-seed/i.test(r)) return 'Pre-seed';
  if (/^战略/.test(r)) return 'Strategic';
  if (/^pre-?ipo/i.test(r)) return 'Pre-IPO';
  const pre = /^pre-?(?:series\s+)?([a-f]\+?)/i.exec(r);
  if (pre) return `Pre-${pre[1]!.toUpperCase()}`;
  const series = /^(?:series\s+)?([a-f]\d?\+{0,2})/i.exec(r);
  if (series) return `Series ${series[1]!.toUpperCase()}`;
  return r;
}

function compactAmount(s: string): string {
  return s.replace(/\s+/g, '').replace(/^(US\$|\$|€|£|¥)(\d)/, '$1$2');
}

/** Amount and round of a funding headline, looked for clause by clause, the clause with the funding word first. */
export function extractFunding(text: string): { amount?: string; round?: string } {
  const clauses = text.split(CLAUSE_BREAK).filter((c) => c.trim());
  const ordered = [...clauses.filter((c) => FUNDING.test(c)), ...clauses.filter((c) => !FUNDING.test(c))];
  let amount: string | undefined;
  let round: string | undefined;
  for (const clause of ordered) {
    const funding = FUNDING.test(clause);
    if (!round) {
      const cn = ROUND_CN.exec(clause);
      const en = ROUND_EN.exec(clause);
      if (cn) round = normalizeRound(cn[1]!);
      else if (en) round = normalizeRound(en[1]!);
      else if (IPO.test(clause)) round = 'IPO';
    }
    if (!amount && funding) {
      const found = clause.match(AMOUNT)?.find((a) => /\d|[一二两三四五六七八九十百千数]/.test(a) && /万|亿|\d/.test(a));
      const bare = BARE_AMOUNT.exec(clause)?.[1];
      if (found) amount = compactAmount(found);
      else if (bare && /万|亿/.test(bare)) amount = compactAmount(bare);
    }
  }
  return { ...(amount && { amount }), ...(round && { round }) };
}

function kindOf(text: string): IntelType | undefined {
  if (FUNDING.test(text)) return 'funding';
  if (LAYOFF.test(text)) return 'layoff';
  if (LEADERSHIP_STRONG.test(text)) return 'leadership';
  if (HIRING.test(text)) return 'hiring';
  if (PRODUCT.test(text)) return 'product';
  if (EVENT.test(text)) return 'event';
  if (LEADERSHIP_WEAK.test(text) && !INTERVIEW.test(text)) return 'leadership';
  return undefined;
}

/** The first sentence of a text, at most 160 characters. */
export function leadOf(text: string): string {
  const first = text.trim().split(/(?<=[。！？!?])|\n/)[0] ?? '';
  return first.slice(0, 160);
}

/** A lead sentence counts only when it reports a round or an amount being raised ("X宣布完成数千万元A轮融资"). */
function fundingLead(lead: string): boolean {
  if (!FUNDING.test(lead)) return false;
  const found = extractFunding(lead);
  return found.amount !== undefined || (found.round !== undefined && found.round !== 'IPO');
}

export function classify(title: string, text = ''): Classified {
  const type = kindOf(title) ?? (fundingLead(leadOf(text)) ? 'funding' : 'news');
  if (type !== 'funding') return { type };
  const fromTitle = extractFunding(title);
  const fromLead = fromTitle.amount && fromTitle.round ? {} : extractFunding(leadOf(text));
  return { type, ...fromLead, ...fromTitle };
}
