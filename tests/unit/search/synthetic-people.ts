import type { SearchExtras, SearchablePerson } from '@/utils/search';

/** Deterministic talent-bank-like people: a third with Chinese names, notes in English and Chinese. */
const ZH_SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯单解区仇朴查'];
const ZH_GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂文华建国红玉兰飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣佳婷雪慧晨思雨子梓涵轩博睿琪瑶乐行长重曉華國偉'];
const EN_FIRST = 'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara José Zoë Chloé Renée André Søren Łukasz Priya Ahmed Sofia Lukas Camille Hiroshi Olga Mateo Aisha Noah Liam Elena Ingrid Carlos Fatima Yuki Marco Omar Hannah Arjun Leila'.split(' ');
const EN_LAST = "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Müller Dubois O'Brien Kowalski Novák Sato Singh Patel Nguyen Kim Schmidt Rossi Søndergaard Ibáñez Peña".split(' ');
const COMPANIES = ['Northwind Labs', 'Contoso Systems', 'Globex AI', 'Initech Health', 'Hooli', '字节跳动', '美团', '小红书', '蚂蚁集团', '商汤科技', '大疆创新', 'Cyberdyne Robotics', '騰訊', '阿里巴巴'];
const TITLES = ['Software Engineer', 'Senior Backend Engineer', 'Product Manager', 'Data Scientist', 'Engineering Manager', 'Sales Director', '高级Java工程师', '算法工程师', '产品经理', '前端开发工程师'];
const TAGS = ['java', 'golang', 'react', 'ml', 'sales', 'referral', 'remote', '高潜', '985', 'manager'];
const NOTES = [
  'Called today: open to backend roles, notice period four weeks. Follow up Tuesday.',
  'Strong distributed systems; expects 80k base plus equity. Prefers remote.',
  'Met at the Kubernetes meetup, would relocate for the right team.',
  '电话沟通：对该岗位感兴趣，期望薪资50万，下周二再约。',
  '内推给字节，简历已通过初筛，等待面试安排。',
  'Not looking right now (vesting cliff in 6 months). Ping again next quarter.',
];

function hash(i: number, salt: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x27d4eb2f, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
const pick = <T>(list: readonly T[], i: number, salt: number): T => list[hash(i, salt) % list.length]!;

export function syntheticPerson(i: number): SearchablePerson {
  const zh = hash(i, 1) % 3 === 0;
  const name = zh
    ? pick(ZH_SURNAMES, i, 2) + pick(ZH_GIVEN, i, 3) + (hash(i, 4) % 2 ? pick(ZH_GIVEN, i, 5) : '')
    : `${pick(EN_FIRST, i, 6)} ${pick(EN_LAST, i, 7)}`;
  return {
    id: `P${String(i).padStart(25, '0')}`,
    name,
    headline: `${pick(TITLES, i, 8)} at ${pick(COMPANIES, i, 9)}`,
    companyName: pick(COMPANIES, i, 9),
    tags: hash(i, 10) % 2 ? [pick(TAGS, i, 11), pick(TAGS, i, 12)] : [],
  };
}

export function syntheticExtras(i: number): SearchExtras {
  const n = hash(i, 13) % 3;
  return { notes: Array.from({ length: n }, (_, k) => pick(NOTES, i, 14 + k)) };
}

export function syntheticPeople(count: number): { people: SearchablePerson[]; extras: Map<string, SearchExtras> } {
  const people: SearchablePerson[] = [];
  const extras = new Map<string, SearchExtras>();
  for (let i = 0; i < count; i++) {
    const p = syntheticPerson(i);
    people.push(p);
    extras.set(p.id, syntheticExtras(i));
  }
  return { people, extras };
}
