import type { Anchor } from './html';

/**
 * 36Kr links company names in its articles (`<a class="project-link" data-id data-name>`), but
 * its auto-linker matches substrings across word boundaries: 问安 inside 访问安全, 伊利 inside
 * 伊利诺伊, 一条 in 一条长长的供应链 (REALDATA §5). A data-name is only a candidate; it is accepted
 * when the text treats it as a name:
 * - the anchor is delimited — 「」, quotes or 《》 around it, punctuation on both sides, or an
 *   enumeration comma (、) beside it ("与饿了么、3M等");
 * - or the name recurs elsewhere in the title or the body, in an occurrence that touches a
 *   delimiter (a stand-alone mention, not the same letters inside a longer word);
 * - or its data-id recurs across articles with the same name and the company's own logo.
 * Common words the linker is known to hit are refused outright, as are names that begin or end
 * with a function word (和无线, 上线了).
 */
export interface ProjectLink {
  dataId: string;
  name: string;
  placeholderLogo: boolean;
  /** Characters just before and after the anchor in the article's text. */
  before: string;
  after: string;
  start: number;
  end: number;
}

export interface Verdict {
  name: string;
  dataId: string;
  accepted: boolean;
  reason: string;
}

/** Known false positives (REALDATA §5 and the seed articles): ordinary words that 36Kr's project database also holds. */
export const STOP_NAMES = new Set([
  '一条', '一起', '一点', '二度', '大众', '跃跃', '我来', '搭讪', '开课', '圈子', '享购', '安利', '问安', '上线了', '互联互通',
  '和无线', '和对讲', '品牌美', '及物', '飞找', '后院', '秒拍', '今日', '我们', '他们', '未来', '时间', '同时', '东西', '一下',
]);

/** Longer words that contain a company name without being about it. */
const FALSE_CONTEXTS = ['访问安全', '伊利诺伊', '伊利诺斯', '伊利诺', '微信公众号', '微信号', '微信群', '公众号', '一条龙', '分享购', '公开课'];

const PLACEHOLDER_LOGO = /v2_811751a081924fa9af8741ce120bd7bf_img_png/;
const FUNCTION_START = /^[和与及跟的在是对了为把被从向让就也都而且或并]/;
const FUNCTION_END = /[了的着过和与及地得吗呢吧啊]$/;
const OPEN = /[「『“‘"'《〈【（(]$/;
const CLOSE = /^[」』”’"'》〉】）)]/;
const PUNCT = /[\s，。、；：！？,.;:!?|｜/（）()[\]【】「」『』“”‘’"'《》—…·-]/;
const ENUM = '、';

function delimiterAt(ch: string | undefined): boolean {
  return ch === undefined || ch === '' || PUNCT.test(ch) || /[A-Za-z0-9]/.test(ch);
}

/** Grammatical particles that end or start a word: "于腾讯生态", "的腾讯来说", "腾讯的". */
const PARTICLE_BEFORE = new Set([...'于的在与和被对从向跟让把给及像如据']);
const PARTICLE_AFTER = new Set([...'的在也将等是已和与还就都则却称']);

/** Whether text[start, end) lies inside one of the false contexts. */
export function inFalseContext(text: string, start: number, end: number): boolean {
  for (const ctx of FALSE_CONTEXTS) {
    for (let from = Math.max(0, start - ctx.length); ; ) {
      const at = text.indexOf(ctx, from);
      if (at === -1 || at > end) break;
      if (at <= start && at + ctx.length >= end && at + ctx.length > start && (at < start || at + ctx.length > end)) return true;
      if (at <= start && at + ctx.length > start && at + ctx.length < end) return true;
      from = at + 1;
    }
  }
  return false;
}

/**
 * Offsets of `name` in `text` where it stands alone, outside any false context. A name of three or
 * more characters counts anywhere; a two-character one (the linker's usual false positives) needs a
 * delimiter or a particle on one side.
 */
export function cleanOccurrences(text: string, name: string, skip?: { start: number; end: number }): number[] {
  const found: number[] = [];
  const short = [...name].length < 3;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (skip && at < skip.end && end > skip.start) continue;
    if (inFalseContext(text, at, end)) continue;
    const before = text[at - 1];
    const after = text[end];
    if (!short || delimiterAt(before) || delimiterAt(after) || PARTICLE_BEFORE.has(before ?? '') || PARTICLE_AFTER.has(after ?? '')) found.push(at);
  }
  return found;
}

export function projectLinks(text: string, anchors: readonly Anchor[]): ProjectLink[] {
  return anchors
    .filter((a) => /(^|\s)project-link(\s|$)/.test(a.attrs.class ?? '') && (a.attrs['data-name'] ?? '').trim() !== '')
    .map((a) => ({
      dataId: (a.attrs['data-id'] ?? '').trim(),
      name: a.attrs['data-name']!.trim(),
      placeholderLogo: PLACEHOLDER_LOGO.test(a.attrs['data-logo'] ?? ''),
      before: text.slice(Math.max(0, a.start - 1), a.start),
      after: text.slice(a.end, a.end + 1),
      start: a.start,
      end: a.end,
    }));
}

/** Judges one candidate; `recurring` holds the data-ids seen with this name in other articles. */
export function judge(link: ProjectLink, title: string, text: string, recurring: ReadonlySet<string> = new Set()): Verdict {
  const { name, dataId } = link;
  const verdict = (accepted: boolean, reason: string): Verdict => ({ name, dataId, accepted, reason });
  const chars = [...name];
  if (chars.length < 2 || chars.length > 40) return verdict(false, 'length');
  if (/[\u3400-\u9fff]/.test(name) && (FUNCTION_START.test(name) || FUNCTION_END.test(name))) return verdict(false, 'function word at its edge');
  const anchored = text.slice(link.start, link.end);
  // The anchor text should be the name; a name that spans a longer word ("问安" in 访问安全) is refused.
  if (anchored !== name || inFalseContext(text, link.start, link.end)) return verdict(false, 'inside a longer word');
  if (STOP_NAMES.has(name)) return verdict(false, 'common word');
  if ((OPEN.test(link.before) && CLOSE.test(link.after)) || (delimiterAt(link.before) && delimiterAt(link.after))) return verdict(true, 'delimited');
  if (link.before === ENUM || link.after === ENUM) return verdict(true, 'in an enumeration');
  if (cleanOccurrences(title, name).length > 0) return verdict(true, 'in the title');
  if (cleanOccurrences(text, name, link).length > 0) return verdict(true, 'repeated in the text');
  if (dataId && recurring.has(dataId) && !link.placeholderLogo) return verdict(true, 'data-id recurs across articles');
  return verdict(false, 'not confirmed by the text');
}

/**
 * Company names a title presents as the subject of funding news: 「芯声智能」宣布完成…融资,
 * 「X」获…. 「」 around other words (emphasis, slogans) is not taken as a name.
 */
export function titleSubjects(title: string): string[] {
  const names: string[] = [];
  const re = /「([^」]{2,30})」\s*(?=宣布|完成|获|再获|拿到|融资|完成了|披露|官宣|启动)/g;
  for (let m = re.exec(title); m; m = re.exec(title)) names.push(m[1]!.trim());
  return names;
}
