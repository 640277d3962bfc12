import type { StoredCompany, StoredEntry, StoredNote, StoredPerson, StoredPipeline } from '@/utils/db/database';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';

/** The records of people [from, to): their notes, their pipeline entries, and the companies they work at. */
export interface Chunk {
  people: StoredPerson[];
  companies: StoredCompany[];
  notes: StoredNote[];
  entries: StoredEntry[];
  pipelines: StoredPipeline[];
}

/** A pipeline the generator may put someone in: its id and the ids of its stages. */
export interface PipelineSpec {
  id: string;
  kind: 'recruiting' | 'referral' | 'sales';
  stages: string[];
}

export interface GenerateOptions {
  /** Where people are put (one entry per person); the first is the most common. */
  peoplePipelines: PipelineSpec[];
  /** Where every 4th company is put. */
  salesPipeline: PipelineSpec;
  /** One in this many people opens a new company; the others join an existing one. */
  peoplePerCompany: number;
}

/** Two custom pipelines besides the three every profile starts with (stored by the generator's first chunk). */
const CUSTOM_PIPELINES: PipelineSpec[] = [
  { id: '01JBENCH000000000000000BKE', kind: 'recruiting', stages: ['sourced', 'phone-screen', 'onsite', 'offer', 'hired'] },
  { id: '01JBENCH000000000000000CMP', kind: 'recruiting', stages: ['applied', 'written-test', 'interview', 'offer'] },
];

function spec(id: string): PipelineSpec {
  const p = DEFAULT_PIPELINES.find((x) => x.id === id);
  if (!p) throw new Error(`no default pipeline ${id}`);
  return { id: p.id, kind: p.kind, stages: p.stages.map((s) => s.id) };
}

export function benchOptions(): GenerateOptions {
  const [recruiting, referral, sales] = DEFAULT_PIPELINES.map((p) => spec(p.id));
  return { peoplePipelines: [recruiting!, referral!, ...CUSTOM_PIPELINES], salesPipeline: sales!, peoplePerCompany: 20 };
}

/**
 * Deterministic, realistic records for people [from, to). Chunks compose: generating [0, n) at once
 * or in pieces yields the same records, so a profile can grow from 1k to 1M people.
 *
 * SELF-CONTAINED: this function is also sent as source text into an extension page (bench/seed.ts)
 * and run there, so it must not use anything from outside its own body (checked by a unit test).
 */
export function generateChunk(from: number, to: number, options: GenerateOptions): Chunk {
  const BASE_MS = Date.UTC(2022, 0, 1);
  const NODE = 'benchseed';
  const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const EN_FIRST = 'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Sandra Steven Ashley Andrew Emily Kevin Michelle Brian Amanda George Melissa Edward Deborah Ronald Stephanie Timothy Rebecca Jason Laura Jeffrey Helen Ryan Anna Jacob Kate Gary Amy Nicholas Angela Eric Emma Jonathan Olivia Priya Ahmed Sofia Lukas Camille Hiroshi Olga Mateo Aisha Noah Liam Elena Ingrid Carlos Fatima Yuki Marco Chloe Omar Hannah Arjun Leila Tomasz Freya Diego Mei Pierre Anika Rafael Zoe Ivan Nora Samuel Grace'.split(' ');
  const EN_LAST = 'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Mendes Solberg Schmidt Dubois Rossi Kowalski Novak Sato Singh'.split(' ');
  const ZH_SURNAME = '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin 石shi 廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue 闫yan 段duan 雷lei 侯hou'.split(' ');
  const ZH_GIVEN = '伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan 涛tao 明ming 超chao 秀xiu 霞xia 平ping 刚gang 桂gui 文wen 华hua 建jian 国guo 红hong 玉yu 兰lan 飞fei 鑫xin 波bo 斌bin 宇yu 浩hao 凯kai 健jian 俊jun 帆fan 帅shuai 旭xu 宁ning 龙long 林lin 欣xin 佳jia 婷ting 雪xue 慧hui 晨chen 思si 雨yu 子zi 梓zi 涵han 轩xuan 博bo 睿rui 琪qi 瑶yao'.split(' ');
  const CO_EN = 'Northwind Contoso Fabrikam Globex Initech Hooli Vandelay Tyrell Cyberdyne Wonka Pied Piper Aperture Umbra Helix Lumen Quanta Vertex Nimbus Orbital Cobalt'.split(' ');
  const CO_EN_SUFFIX = ['Labs', 'Systems', 'Technologies', 'Group', 'Capital', 'Robotics', 'AI', 'Health', 'Logistics', 'Analytics'];
  const CO_ZH = '星云xingyun 云图yuntu 深蓝shenlan 极光jiguang 蔚然weiran 字节zijie 美团meituan 小红书xiaohongshu 蚂蚁mayi 知乎zhihu 快手kuaishou 商汤shangtang 大疆dajiang 蔚来weilai 理想lixiang'.split(' ');
  const CO_ZH_SUFFIX = '科技tech 网络network 智能ai 数据data 金融finance 医疗health 物流logistics 教育edu'.split(' ');
  const SKILLS = ['Go', 'Kubernetes', 'React', 'distributed systems', 'MLOps', 'B2B sales', 'TypeScript', 'Rust', '推荐系统', '大模型', 'Java', '数据仓库'];
  const INDUSTRIES = ['Software Development', 'IT Services and IT Consulting', 'Financial Services', 'Hospital & Health Care', 'E-Learning', 'Transportation, Logistics, Supply Chain and Storage', '互联网'];
  const TITLES_EN = ['Software Engineer', 'Senior Backend Engineer', 'Staff Frontend Engineer', 'Product Manager', 'Data Scientist', 'Engineering Manager', 'Head of Talent', 'Sales Director', 'Account Executive', 'DevOps Engineer', 'Machine Learning Engineer', 'Technical Recruiter', 'UX Designer', 'CTO', 'VP Engineering'];
  const TITLES_ZH = ['高级Java工程师', '算法工程师', '产品经理', '前端开发工程师', '数据分析师', '技术总监', '销售总监', 'HRBP', '测试开发工程师', '运维工程师'];
  const LOCATIONS = ['Beijing, China', 'Shanghai, China', 'Shenzhen, Guangdong, China', 'Hangzhou, Zhejiang, China', 'Singapore', 'Berlin, Germany', 'London, England, United Kingdom', 'San Francisco Bay Area', 'New York, New York, United States', 'Paris, Île-de-France, France', 'Bengaluru, Karnataka, India', 'Toronto, Ontario, Canada', '北京', '上海'];
  const TAGS = ['java', 'golang', 'react', 'ml', 'sales', 'referral', 'remote', 'relocate', '高潜', '985', 'manager', 'open-source'];
  const OWNERS = ['li.wei', 'sarah.k', 'tom.h', 'zhang.min', 'priya.r'];
  const STATUSES = ['active', 'active', 'active', 'passive', 'passive', 'not_interested', 'placed', 'do_not_contact'] as const;
  const NOTES_EN = [
    'Called {n}: open to {t} roles, notice period {k} weeks.',
    'Strong {s}; expects {k}0k base plus equity. Follow up Tuesday.',
    'Met at the {s} meetup. Prefers remote, would relocate for the right team.',
    'Sent the pitch for {c}; replied within an hour, asked about the interview loop.',
    'Not looking right now (vesting cliff in {k} months). Ping again next quarter.',
    'Reference from a former manager: ships fast, mentors juniors, calm under pressure. Asked to keep {c} out of the process because of a non-compete.',
  ];
  const NOTES_ZH = [
    '电话沟通：对{c}的{t}岗位感兴趣，期望薪资{k}0万，下周二再约。',
    '内推给{c}，简历已通过初筛，等待面试安排。',
    '候选人目前在职，看机会不积极；{s}方向很强，保持联系。',
    '面试反馈：{s}基础扎实，沟通清晰，建议进入终面。',
  ];

  /** A well-mixed 32-bit hash of (index, salt): the same record always gets the same values. */
  const hash = (i: number, salt: number): number => {
    let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x27d4eb2f, 0xc2b2ae35);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h = Math.imul(h, 0x297a2d39);
    h ^= h >>> 15;
    return h >>> 0;
  };
  const pick = <T>(list: readonly T[], i: number, salt: number): T => list[hash(i, salt) % list.length]!;
  const base32 = (value: number, width: number): string => {
    let out = '';
    let v = value;
    for (let k = 0; k < width; k++) {
      out = CROCKFORD[v % 32]! + out;
      v = Math.floor(v / 32);
    }
    return out;
  };
  /** A ULID: creation time, then the entity kind and index (unique), then filler. */
  const ulid = (ms: number, kind: number, index: number, sub: number): string =>
    base32(ms, 10) + base32(kind, 1) + base32(index, 6) + base32(sub, 2) + base32(hash(index, kind * 31 + sub) % 32 ** 7, 7);
  const hlc = (ms: number): string => `${String(ms).padStart(15, '0')}:00000:${NODE}`;
  const clocksOf = (row: object, clock: string): Record<string, string> => {
    const clocks: Record<string, string> = {};
    for (const k in row) if (k !== 'id' && k !== 'updatedAt') clocks[k] = clock;
    return clocks;
  };
  /** Our word lists are ASCII (the Chinese ones carry their pinyin): lower-case and hyphens suffice. */
  const slugify = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const fill = (template: string, i: number, values: Record<string, string>): string =>
    template.replace(/\{(\w)\}/g, (_m, key: string) => values[key] ?? String(2 + (hash(i, 77) % 9)));

  const zhWord = (w: string): [string, string] => {
    const at = w.search(/[a-z]/);
    return [w.slice(0, at), w.slice(at)];
  };
  const companies = new Map<number, { name: string; slug: string; legalName?: string }>();
  /** Company c's name and its LinkedIn slug (memoised: many people work at each). */
  const companyOf = (c: number): { name: string; slug: string; legalName?: string } => {
    let found = companies.get(c);
    if (!found) {
      if (hash(c, 11) % 3 === 0) {
        const [a, aPy] = zhWord(pick(CO_ZH, c, 12));
        const [b, bPy] = zhWord(pick(CO_ZH_SUFFIX, c, 13));
        found = { name: a + b, slug: `${aPy}-${bPy}-${c.toString(36)}`, legalName: `北京${a}${b}科技有限公司` };
      } else {
        const name = `${pick(CO_EN, c, 14)} ${pick(CO_EN_SUFFIX, c, 15)}`;
        found = { name, slug: `${slugify(name)}-${c.toString(36)}` };
      }
      companies.set(c, found);
    }
    return found;
  };
  const companyCreated = (c: number): number => BASE_MS + c * options.peoplePerCompany * 60_000 - 3_600_000;

  const out: Chunk = { people: [], companies: [], notes: [], entries: [], pipelines: [] };

  if (from === 0) {
    const names = ['Backend hiring 2025', '校招 Campus 2026'];
    options.peoplePipelines.slice(2).forEach((p, k) => {
      const clock = hlc(BASE_MS);
      const row = {
        id: p.id,
        createdAt: BASE_MS,
        deleted: false,
        name: names[k] ?? `Pipeline ${k}`,
        kind: p.kind,
        stages: p.stages.map((s) => ({ id: s, name: s.replace(/-/g, ' ').replace(/^./, (x) => x.toUpperCase()) })),
        archived: false,
      };
      out.pipelines.push({ ...row, updatedAt: clock, clocks: clocksOf(row, clock) });
    });
  }

  for (let i = from; i < to; i++) {
    if (i % options.peoplePerCompany === 0) {
      const c = i / options.peoplePerCompany;
      const ms = companyCreated(c);
      const { name, slug, legalName } = companyOf(c);
      const row = {
        id: ulid(ms, 2, c, 0),
        createdAt: ms,
        deleted: false,
        name,
        ...(legalName ? { legalName } : {}),
        industry: pick(INDUSTRIES, c, 16),
        profileKeys: [`linkedin:company/${slug}`],
        profileUrl: `https://www.linkedin.com/company/${slug}/`,
      };
      out.companies.push({ ...row, updatedAt: hlc(ms), clocks: clocksOf(row, hlc(ms)) });
      if (c % 4 === 0) {
        const stageId = pick(options.salesPipeline.stages, c, 17);
        const entry = {
          id: ulid(ms + 1000, 4, c, 1),
          createdAt: ms + 1000,
          deleted: false,
          pipelineId: options.salesPipeline.id,
          companyId: row.id,
          stageId,
          ownerId: pick(OWNERS, c, 18),
          history: [{ stageId, at: ms + 1000 }],
        };
        out.entries.push({ ...entry, updatedAt: hlc(ms + 1000), clocks: clocksOf(entry, hlc(ms + 1000)) });
      }
    }

    const ms = BASE_MS + i * 60_000;
    const chinese = hash(i, 1) % 20 < 7;
    const c = i % options.peoplePerCompany === 0 ? i / options.peoplePerCompany : hash(i, 2) % (Math.floor(i / options.peoplePerCompany) + 1);
    const { name: company, slug: companySlug } = companyOf(c);
    let name: string;
    let slugBase: string;
    if (chinese) {
      const [sur, surPy] = zhWord(pick(ZH_SURNAME, i, 3));
      const [g1, g1Py] = zhWord(pick(ZH_GIVEN, i, 4));
      const [g2, g2Py] = hash(i, 5) % 3 === 0 ? ['', ''] : zhWord(pick(ZH_GIVEN, i, 6));
      name = sur + g1 + g2;
      slugBase = `${g1Py}${g2Py}-${surPy}`;
    } else {
      const first = pick(EN_FIRST, i, 7);
      const last = pick(EN_LAST, i, 8);
      const middle = hash(i, 9) % 5 === 0 ? ` ${CROCKFORD[10 + (hash(i, 10) % 22)]}.` : '';
      name = `${first}${middle} ${last}`;
      slugBase = `${first}-${last}`.toLowerCase();
    }
    // Some Chinese members keep a Chinese vanity URL (decoded in the key, percent-encoded in the URL).
    const slug = chinese && hash(i, 19) % 10 === 0 ? `${name}-${i.toString(16)}` : `${slugBase}-${i.toString(16)}`;
    const title = chinese && hash(i, 20) % 2 === 0 ? pick(TITLES_ZH, i, 21) : pick(TITLES_EN, i, 21);
    const tags = TAGS.filter((_t, k) => hash(i, 30 + k) % 9 === 0).slice(0, 3);
    const owner = hash(i, 22) % 3 === 0 ? undefined : pick(OWNERS, i, 23);
    const person = {
      id: ulid(ms, 1, i, 0),
      createdAt: ms,
      deleted: false,
      name,
      headline: chinese && hash(i, 20) % 2 === 0 ? `${company} · ${title}` : `${title} at ${company}`,
      location: pick(LOCATIONS, i, 24),
      companyName: company,
      companyKey: `linkedin:company/${companySlug}`,
      profileKeys: [`linkedin:in/${slug}`, ...(chinese && hash(i, 25) % 3 === 0 ? [`maimai:dstu/${100000 + i}`] : [])],
      profileUrl: `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`,
      emails: hash(i, 29) % 10 < 3 ? [`${slugBase.replace(/-/g, '.')}${i % 100}@example.com`] : [],
      phones: hash(i, 31) % 10 === 0 ? [chinese ? `+86 138 ${String(hash(i, 32) % 10_000).padStart(4, '0')} ${String(i % 10_000).padStart(4, '0')}` : `+1 415 555 ${String(i % 10_000).padStart(4, '0')}`] : [],
      status: pick(STATUSES, i, 26),
      tags,
      ...(owner ? { ownerId: owner } : {}),
    };
    const updated = ms + (hash(i, 27) % 90) * 86_400_000;
    out.people.push({ ...person, updatedAt: hlc(updated), clocks: { ...clocksOf(person, hlc(ms)), status: hlc(updated) } });

    const noteCount = 1 + (hash(i, 28) % 5);
    let previous: string | undefined;
    for (let j = 0; j < noteCount; j++) {
      const at = ms + (j + 1) * 3_600_000 * (1 + (hash(i, 40 + j) % 48));
      const values = { n: name, t: title, c: company, s: pick(SKILLS, i, 50 + j) };
      const body = chinese && hash(i, 60 + j) % 3 !== 0 ? fill(pick(NOTES_ZH, i, 70 + j), i, values) : fill(pick(NOTES_EN, i, 70 + j), i, values);
      const revision = previous !== undefined && hash(i, 80 + j) % 20 === 0;
      const note = {
        id: ulid(at, 3, i, j),
        createdAt: at,
        deleted: false,
        personId: person.id,
        body: revision ? `${body} (edited)` : body,
        authorId: pick(OWNERS, i, 90 + j),
        visibility: hash(i, 100 + j) % 10 === 0 ? ('private' as const) : ('team' as const),
        ...(revision ? { revisionOf: previous } : {}),
      };
      previous = note.id;
      out.notes.push({ ...note, updatedAt: hlc(at), clocks: clocksOf(note, hlc(at)) });
    }

    const pipeline = hash(i, 110) % 2 === 0 ? options.peoplePipelines[0]! : pick(options.peoplePipelines, i, 111);
    const reached = 1 + (hash(i, 112) % pipeline.stages.length);
    const history = pipeline.stages.slice(0, reached).map((stageId, k) => ({ stageId, at: ms + (k + 1) * 86_400_000 }));
    const last = history[history.length - 1]!;
    const entry = {
      id: ulid(ms + 1, 4, i, 0),
      createdAt: ms + 1,
      deleted: false,
      pipelineId: pipeline.id,
      personId: person.id,
      stageId: last.stageId,
      ...(owner ? { ownerId: owner } : {}),
      ...(pipeline.kind === 'referral' ? { referrer: pick(OWNERS, i, 113) } : {}),
      ...(hash(i, 114) % 4 === 0 ? { nextActionAt: last.at + (1 + (hash(i, 115) % 30)) * 86_400_000 } : {}),
      history,
    };
    out.entries.push({ ...entry, updatedAt: hlc(last.at), clocks: clocksOf(entry, hlc(last.at)) });
  }
  return out;
}
