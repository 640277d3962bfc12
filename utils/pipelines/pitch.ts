import type { Person, Pipeline } from '../schema';
import { referrerOf } from './entry-fields';

/**
 * Pitch templates (话术): message bodies with `{{variables}}` filled from the person, their
 * entry and pipeline. Stored per pipeline once the schema has a PitchTemplate record:
 * `{ id, pipelineId?, name, body }` plus the synced record fields (see the issue-5 report).
 */
export interface PitchTemplateDraft {
  name: string;
  body: string;
}

export const PITCH_VARIABLES = ['firstName', 'lastName', 'fullName', 'company', 'jobTitle', 'referrer', 'stage', 'pipeline', 'myName'] as const;
export type PitchVariable = (typeof PITCH_VARIABLES)[number];

/** Chinese names for the variables, so a template can be written entirely in Chinese. */
const ALIASES: Record<string, PitchVariable> = {
  名: 'firstName',
  名字: 'firstName',
  姓: 'lastName',
  姓名: 'fullName',
  公司: 'company',
  职位: 'jobTitle',
  推荐人: 'referrer',
  内推人: 'referrer',
  阶段: 'stage',
  流程: 'pipeline',
  我的名字: 'myName',
  我: 'myName',
};
const BY_LOWER = new Map<string, PitchVariable>(PITCH_VARIABLES.map((v) => [v.toLowerCase(), v]));

function variableOf(raw: string): PitchVariable | undefined {
  const key = raw.trim();
  return BY_LOWER.get(key.toLowerCase().replace(/[\s_-]/g, '')) ?? ALIASES[key];
}

/** Two-character surnames: the rest of a Chinese name is the given name. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 夏侯 令狐 端木 轩辕 独孤 南宫 西门 百里 呼延 万俟 单于 闻人 澹台 公冶 宗政 濮阳 太叔 申屠 钟离 歐陽 司馬 諸葛 長孫 令狐'.split(' '),
);
const HAN_NAME = /^[\p{Script=Han}·・]+$/u;
const HONORIFICS = /^(dr|mr|mrs|ms|miss|mx|prof|sir|dame)\.?$/i;

export interface NameParts {
  firstName: string;
  lastName: string;
  fullName: string;
}

/**
 * First and last name for a greeting. A Chinese name (all Han characters) is written surname
 * first: lastName is the surname (one character, or two for 欧阳, 司马…), and firstName is the
 * full name — 张伟 → "张伟" — because addressing a Chinese contact by the given name alone (伟) is
 * too intimate, and 张先生/张女士 would need a gender we do not know; a known given name
 * (`givenName`) is used as is. Other names are given name first, with honorifics (Dr., Prof.),
 * bracketed parts ("(she/her)") and trailing credentials (", PhD") left out.
 */
export function nameParts(name: string, givenName?: string): NameParts {
  const full = name.trim();
  const compact = full.replace(/\s+/g, '');
  if (HAN_NAME.test(compact)) {
    // Transliterated and minority names (约翰·史密斯, 迪丽热巴·迪力木拉提) are given name first.
    const dotted = compact.split(/[·・]/).filter(Boolean);
    if (dotted.length > 1) return { firstName: givenName?.trim() || dotted[0]!, lastName: dotted[dotted.length - 1]!, fullName: compact };
    const surname = [...compact].length > 2 && COMPOUND_SURNAMES.has(compact.slice(0, 2)) ? compact.slice(0, 2) : compact.slice(0, 1);
    return { firstName: givenName?.trim() || compact, lastName: surname, fullName: compact };
  }
  const clean = full
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/,.*$/, '')
    .replace(/[^\p{L}\p{M}\p{N}\s'’.-]/gu, ' ')
    .trim();
  const words = clean.split(/\s+/).filter((w) => w && !HONORIFICS.test(w));
  return {
    firstName: givenName?.trim() || words[0] || '',
    lastName: words.length > 1 ? words[words.length - 1]! : '',
    fullName: words.join(' ') || full,
  };
}

/**
 * The job title in a LinkedIn-style headline: the part before " at ", "@", "|", "·", " - " or "，"
 * ("Senior Engineer at Acme | ex-Google" → "Senior Engineer"); Chinese headlines often put the
 * company first ("字节跳动 · 算法工程师"), so when that part is the company the next part is taken.
 */
export function jobTitleOf(headline: string | undefined, company?: string): string {
  if (!headline) return '';
  const firm = company?.trim().toLowerCase();
  const parts = headline
    .split(/\s+at\s+|\s*[@|｜丨·•，；;]\s*|\s+[-–—]\s+/i)
    .map((p) => p.trim())
    // "字节跳动 高级招聘经理": the company, a space, then the title.
    .map((p) => (firm && p.toLowerCase().startsWith(`${firm} `) ? p.slice(firm.length).trim() : p))
    .filter(Boolean);
  return parts.find((p) => p.toLowerCase() !== firm) ?? '';
}

export interface PitchContext {
  person: Pick<Person, 'name'> & Partial<Pick<Person, 'headline' | 'companyName'>> & { givenName?: string };
  entry?: { stageId: string; referrer?: string };
  pipeline?: Pick<Pipeline, 'name' | 'stages'>;
  /** The user's own name, for signatures ({{myName}}). */
  myName?: string;
}

export function pitchValues(ctx: PitchContext): Record<PitchVariable, string> {
  const names = nameParts(ctx.person.name, ctx.person.givenName);
  const company = ctx.person.companyName?.trim() ?? '';
  return {
    ...names,
    company,
    jobTitle: jobTitleOf(ctx.person.headline, company),
    referrer: (ctx.entry && referrerOf(ctx.entry)) ?? '',
    stage: (ctx.entry && ctx.pipeline?.stages.find((s) => s.id === ctx.entry!.stageId)?.name) ?? '',
    pipeline: ctx.pipeline?.name ?? '',
    myName: ctx.myName?.trim() ?? '',
  };
}

export interface RenderedPitch {
  text: string;
  /** Known variables with no value here: replaced by nothing; the UI should warn before sending. */
  missing: PitchVariable[];
  /** Placeholders that name no variable: left in the text as written, so the mistake shows. */
  unknown: string[];
}

const PLACEHOLDER = /\{\{([^{}]{1,40})\}\}/g;

/** The variables a template body uses, known and unknown, each once, in order of appearance. */
export function templateVariables(body: string): { known: PitchVariable[]; unknown: string[] } {
  const known = new Set<PitchVariable>();
  const unknown = new Set<string>();
  for (const m of body.matchAll(PLACEHOLDER)) {
    const v = variableOf(m[1]!);
    if (v) known.add(v);
    else unknown.add(m[1]!.trim());
  }
  return { known: [...known], unknown: [...unknown] };
}

/** Fill a template. Pure: the same body and context always give the same text. */
export function renderPitch(body: string, ctx: PitchContext): RenderedPitch {
  const values = pitchValues(ctx);
  const missing = new Set<PitchVariable>();
  const unknown = new Set<string>();
  const text = body.replace(PLACEHOLDER, (whole, raw: string) => {
    const v = variableOf(raw);
    if (!v) {
      unknown.add(raw.trim());
      return whole;
    }
    if (!values[v]) missing.add(v);
    return values[v];
  });
  return { text, missing: [...missing], unknown: [...unknown] };
}

/** Starter templates per pipeline kind, offered when a pipeline has none yet. */
export const STARTER_PITCHES: Record<Pipeline['kind'], PitchTemplateDraft[]> = {
  recruiting: [
    {
      name: 'First contact',
      body: 'Hi {{firstName}}, I came across your profile — your work as {{jobTitle}} at {{company}} stood out. I am hiring for a role I think you would find interesting. Open to a short call this week?\n\n{{myName}}',
    },
    {
      name: '初次联系',
      body: '{{firstName}}您好，我是{{myName}}。看到您在{{company}}担任{{jobTitle}}的经历，我们有一个很匹配的机会，方便的话这周约个电话聊聊？',
    },
  ],
  referral: [
    {
      name: '内推邀请',
      body: '{{firstName}}你好，我是{{referrer}}，想把你内推到我们团队，岗位和你现在做的{{jobTitle}}很契合。有兴趣的话发我一份简历吧！',
    },
    {
      name: 'Referral offer',
      body: 'Hi {{firstName}}, {{referrer}} here. We have an opening that fits your {{jobTitle}} background and I would be glad to refer you. Interested?',
    },
  ],
  sales: [
    {
      name: 'Intro',
      body: 'Hi {{firstName}}, congratulations on the news at {{company}}. Teams like yours use us to save hours every week — worth a 20-minute chat?\n\n{{myName}}',
    },
  ],
};
