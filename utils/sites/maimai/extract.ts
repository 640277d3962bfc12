import { clean, documentUrl, isObject, jsonText, metaContent, textOf, uniqueKeys, within, type JsonObject } from '../dom';
import type { CompanyProfile, Extraction, PersonProfile } from '../types';
import { embeddedStates, findObjects, type Found, type State } from './state';
import { companyKeyFromHref, dstuKey, pageTarget, personKeyFromHref, webcidKey } from './urls';

/**
 * Maimai (脉脉) extractors. The data is JSON embedded in the page (state.ts); field names follow
 * public scrapers (REALDATA §2), so the shapes are RECONSTRUCTIONS, not read off a saved page:
 *
 * - person: `name`, `company` (short name, e.g. 字节跳动), `stdname` (full legal name),
 *   `position`, `headline`, `ht_province` / `ht_city`, `mmid` / `encode_mmid`, `exp[]` with
 *   `company`, `position`, `v` ("2019-01至今"), `company_info.{cid,webcid,share_url}`;
 * - company: `name` (short), `stdname` (full legal name), `webcid`, `industry`.
 *
 * Alternatives, in order: the embedded JSON (reported as `state:<where it was found>`), then
 * `og:title` and the document title ("张三的职业档案 - 脉脉"). A login wall, a not-found page, a page
 * about the other kind, or a page with neither JSON nor a recognisable title is refused with a
 * reason. Never throws.
 */

const MAX = { name: 200, headline: 500, location: 200, companyName: 200 } as const;

// --- What the JSON looks like -------------------------------------------------------------------

function nameOf(node: JsonObject): string | undefined {
  return within(jsonText(node.name), MAX.name);
}

/** A person object: a name plus any person-only field. */
function looksLikePerson(node: JsonObject): boolean {
  if (!nameOf(node)) return false;
  return (
    typeof node.company === 'string' ||
    typeof node.position === 'string' ||
    typeof node.headline === 'string' ||
    'ht_province' in node ||
    'ht_city' in node ||
    'mmid' in node ||
    'encode_mmid' in node
  );
}

/** A company object: a name plus a company-only field, and nothing a person has. */
function looksLikeCompany(node: JsonObject): boolean {
  if (!nameOf(node) || looksLikePerson(node)) return false;
  return (
    typeof node.webcid === 'string' ||
    typeof node.stdname === 'string' ||
    typeof node.full_name === 'string' ||
    typeof node.industry === 'string'
  );
}

/** "北京" + "北京" → "北京"; "广东" + "深圳" → "广东 深圳". */
function locationOf(node: JsonObject): string | undefined {
  const province = jsonText(node.ht_province) ?? jsonText(node.province);
  const city = jsonText(node.ht_city) ?? jsonText(node.city);
  const parts = uniqueKeys([province, city]);
  return within(clean(parts.join(' ')) ?? jsonText(node.loc) ?? jsonText(node.location), MAX.location);
}

/** A company name field that may be a string or `{ name }`. */
function companyNameOf(value: unknown): string | undefined {
  return jsonText(value) ?? (isObject(value) ? jsonText(value.name) : undefined);
}

/** `company_info: { webcid | share_url }` → `maimai:webcid/<code>`. */
function companyInfoKey(info: unknown): string | undefined {
  if (!isObject(info)) return undefined;
  const shareUrl = jsonText(info.share_url) ?? jsonText(info.url);
  return webcidKey(info.webcid) ?? (shareUrl ? companyKeyFromHref(shareUrl) : undefined);
}

/** The current job in `exp[]`: open-ended ("2019-01至今", no end date), preferring the named company. */
function currentJob(found: Found, companyName: string | undefined): JsonObject | undefined {
  const exp = Array.isArray(found.node.exp) ? found.node.exp : Array.isArray(found.parent?.exp) ? found.parent.exp : [];
  const jobs = exp.filter(isObject);
  const open = jobs.filter((job) => {
    const range = jsonText(job.v) ?? '';
    const end = job.end_date_ym;
    return /至今|今$|present/i.test(range) || (!range && (end === undefined || end === null || end === '' || end === 0));
  });
  return open.find((job) => companyName && companyNameOf(job.company) === companyName) ?? open[0];
}

/** Other keys of the same person the JSON names: its uid (`dstu`) and share-card link. */
function personKeysOf(node: JsonObject): string[] {
  const shareUrl = jsonText(node.share_url) ?? jsonText(node.card_url);
  return uniqueKeys([dstuKey(node.dstu) ?? dstuKey(node.uid), shareUrl ? personKeyFromHref(shareUrl) : undefined]);
}

// --- What the page is ---------------------------------------------------------------------------

interface Page {
  states: State[];
  person: Found | undefined;
  company: Found | undefined;
  title: string;
  loginWall: boolean;
  notFound: boolean;
}

function readPage(doc: Document): Page {
  const states = embeddedStates(doc);
  const title = clean(doc.title) ?? '';
  const loginWall =
    /登录|登陆|\blog\s?in\b|\bsign\s?in\b/i.test(title) ||
    doc.querySelector('input[type="password"], form[action*="login" i], meta[http-equiv="refresh" i][content*="login" i]') !== null;
  return {
    states,
    person: findObjects(states, looksLikePerson)[0],
    company: findObjects(states, looksLikeCompany)[0],
    title,
    loginWall,
    notFound: /页面不存在|找不到|不存在|已注销|404|not found/i.test(title),
  };
}

/**
 * The name a Maimai title or og:title gives. Person: "张三的职业档案 - 脉脉", "张三的脉脉名片",
 * "张三 - 字节跳动 高级工程师 - 脉脉". Company: "字节跳动 - 公司主页 - 脉脉", "字节跳动怎么样 - 脉脉".
 * Only titles that name Maimai count (the bare site title names nobody), and a title in one
 * kind's pattern never names the other kind.
 */
const PERSON_TITLE = /^(.+?)的(?:职业档案|脉脉名片|个人主页|名片|主页)/;
const COMPANY_TITLE = /^(.+?)(?:怎么样|\s*[-_|–—]\s*公司主页|的公司主页|公司主页)/;

function nameFromTitle(title: string | undefined, kind: 'person' | 'company'): string | undefined {
  if (!title || !/脉脉/.test(title)) return undefined;
  const body = title.replace(/\s*[-_|–—·]\s*脉脉[^-_|–—·]*$/, '');
  const person = PERSON_TITLE.exec(body)?.[1];
  const company = COMPANY_TITLE.exec(body)?.[1];
  const name = clean(
    kind === 'company' ? (person ? undefined : company) : company ? undefined : (person ?? body.split(/\s+[-_|–—]\s+/)[0]),
  );
  // "字节跳动的人脉", "…的同事" are lists about somebody, not somebody.
  if (!name || /脉脉|登录|登陆|的(?:人脉|同事|员工|好友|动态)$/.test(name) || name.length > 60) return undefined;
  return name;
}

function fail(error: unknown): { ok: false; reason: string } {
  return { ok: false, reason: `extractor-error: ${error instanceof Error ? error.message : String(error)}` };
}

// --- Person ------------------------------------------------------------------------------------

function personFromState(found: Found): PersonProfile {
  const node = found.node;
  const value: PersonProfile = { name: nameOf(node)! };
  const companyName = within(companyNameOf(node.company) ?? jsonText(node.stdname), MAX.companyName);
  const position = jsonText(node.position);
  const headline = within(jsonText(node.headline) ?? clean([companyName, position].filter(Boolean).join(' ')), MAX.headline);
  const location = locationOf(node);
  const job = currentJob(found, companyName);
  const companyKey = companyInfoKey(node.company_info) ?? webcidKey(node.webcid) ?? companyInfoKey(job?.company_info);
  if (headline) value.headline = headline;
  if (location) value.location = location;
  if (companyName) value.companyName = companyName;
  if (companyName && companyKey) value.companyKey = companyKey;
  return value;
}

/**
 * Reads the person on a Maimai profile or share-card page. `url` is the page's address (default:
 * `document.URL`); it only decides which of the person's keys are "other" keys.
 */
export function extractPerson(doc: Document, url: string | undefined = documentUrl(doc)): Extraction<PersonProfile> {
  try {
    const page = readPage(doc);
    const { person, company } = page;
    if (company && (!person || company.depth < person.depth)) return { ok: false, reason: 'company-page' };
    if (person) {
      const value = personFromState(person);
      const altKeys = uniqueKeys(personKeysOf(person.node), url ? pageTarget(url)?.key : undefined);
      if (altKeys.length > 0) value.altKeys = altKeys;
      return { ok: true, value, matched: `state:${person.source}` };
    }
    if (page.notFound) return { ok: false, reason: 'profile-not-found' };
    if (page.loginWall) return { ok: false, reason: 'login-wall' };
    for (const [matched, title] of [
      ['og-title', metaContent(doc, 'og:title')],
      ['title', page.title],
    ] as const) {
      const name = nameFromTitle(title, 'person');
      if (name) return { ok: true, value: { name }, matched };
    }
    const itemprop = within(textOf(doc.querySelector('[itemscope][itemtype$="schema.org/Person"] [itemprop="name"]')), MAX.name);
    if (itemprop) return { ok: true, value: { name: itemprop }, matched: 'microdata' };
    return { ok: false, reason: page.states.length > 0 ? 'no-person-in-page-data' : 'not-a-profile' };
  } catch (error) {
    // A page is data; whatever it holds, the content script gets an answer, not an exception.
    return fail(error);
  }
}

// --- Company -----------------------------------------------------------------------------------

function companyFromState(found: Found): CompanyProfile {
  const node = found.node;
  const name = nameOf(node)!;
  const value: CompanyProfile = { name };
  const legalName = within(jsonText(node.stdname) ?? jsonText(node.full_name) ?? jsonText(node.fullname), MAX.companyName);
  const industry = within(companyNameOf(node.industry), MAX.companyName);
  if (legalName && legalName !== name) value.legalName = legalName;
  if (industry) value.industry = industry;
  return value;
}

/** Reads the company on a Maimai company page: `name` is the short name, `legalName` the full one. */
export function extractCompany(doc: Document): Extraction<CompanyProfile> {
  try {
    const page = readPage(doc);
    const { person, company } = page;
    if (person && (!company || person.depth <= company.depth)) return { ok: false, reason: 'person-page' };
    if (company) return { ok: true, value: companyFromState(company), matched: `state:${company.source}` };
    if (page.notFound) return { ok: false, reason: 'page-not-found' };
    if (page.loginWall) return { ok: false, reason: 'login-wall' };
    for (const [matched, title] of [
      ['og-title', metaContent(doc, 'og:title')],
      ['title', page.title],
    ] as const) {
      const name = nameFromTitle(title, 'company');
      if (name) return { ok: true, value: { name }, matched };
    }
    return { ok: false, reason: page.states.length > 0 ? 'no-company-in-page-data' : 'not-a-company-page' };
  } catch (error) {
    return fail(error);
  }
}
