import Dexie from 'dexie';
import type { CachedIntel, ScoutbookDb, StoredCompany, StoredEntry, StoredNote, StoredPerson, StoredPipeline } from '../db/database';

/** A profile key as a link to open: only forms whose page address can be rebuilt from the key. */
export function profileKeyUrl(key: string): string | undefined {
  const [site, rest = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const path = (prefix: string) => (rest.startsWith(prefix) ? encodeURIComponent(rest.slice(prefix.length)) : undefined);
  if (site === 'linkedin') {
    if (path('in/')) return `https://www.linkedin.com/in/${path('in/')}/`;
    if (path('company/')) return `https://www.linkedin.com/company/${path('company/')}/`;
    if (rest.startsWith('pub/')) return `https://www.linkedin.com/${rest.split('/').map(encodeURIComponent).join('/')}`;
    return undefined;
  }
  if (site === 'maimai') {
    if (path('dstu/')) return `https://maimai.cn/profile/detail?dstu=${path('dstu/')}`;
    if (path('webcid/')) return `https://maimai.cn/company?webcid=${path('webcid/')}`;
    if (path('card/')) return `https://maimai.cn/contact/share/card?u=${path('card/')}`;
    return undefined;
  }
  if (site === 'github' && rest) return `https://github.com/${encodeURIComponent(rest)}`;
  return undefined;
}

/** The links of a record: its saved page first, then one per other key, each once. */
export function profileLinks(record: { profileUrl?: string; profileKeys: readonly string[] }): string[] {
  const links = [record.profileUrl, ...record.profileKeys.map(profileKeyUrl)].filter((u): u is string => !!u);
  const seen = new Set<string>();
  return links.filter((u) => {
    const k = u.replace(/\/+$/, '').toLowerCase();
    return !seen.has(k) && !!seen.add(k);
  });
}

export interface EntryDetail {
  entry: StoredEntry;
  pipeline: StoredPipeline;
}

/** Notes newest first; an edited note shows as its newest revision only. */
async function notesOf(db: ScoutbookDb, index: 'personId' | 'companyId', id: string): Promise<StoredNote[]> {
  const rows = await db.notes
    .where(`[${index}+createdAt]`)
    .between([id, Dexie.minKey], [id, Dexie.maxKey])
    .reverse()
    .toArray();
  const replaced = new Set(rows.map((n) => n.revisionOf).filter(Boolean));
  return rows.filter((n) => !n.deleted && !replaced.has(n.id));
}

async function entriesOf(db: ScoutbookDb, index: 'personId' | 'companyId', id: string): Promise<EntryDetail[]> {
  const entries = (await db.entries.where(index).equals(id).toArray()).filter((e) => !e.deleted);
  const pipelines = await db.pipelines.bulkGet(entries.map((e) => e.pipelineId));
  const out: EntryDetail[] = [];
  entries.forEach((entry, i) => {
    const pipeline = pipelines[i];
    if (pipeline && !pipeline.deleted) out.push({ entry, pipeline });
  });
  // Active pipelines first, then by the last change.
  return out.sort((a, b) => Number(a.pipeline.archived) - Number(b.pipeline.archived) || b.entry.updatedAt.localeCompare(a.entry.updatedAt));
}

/** Cached intel for a company, by its key or its name, newest first. */
async function intelOf(db: ScoutbookDb, keys: readonly string[], name: string | undefined): Promise<CachedIntel[]> {
  const byKey = keys.length ? await db.intel.where('companyKey').anyOf([...keys]).toArray() : [];
  const byName = name ? await db.intel.where('companyNameLower').equals(name.toLowerCase()).toArray() : [];
  const seen = new Set<string>();
  return [...byKey, ...byName].filter((i) => !seen.has(i.id) && !!seen.add(i.id)).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

/** The saved company a person works at: by the company page's key, else by the exact name. */
async function companyOfPerson(db: ScoutbookDb, person: StoredPerson): Promise<StoredCompany | undefined> {
  const byKey = person.companyKey ? await db.companies.where('profileKeys').equals(person.companyKey).toArray() : [];
  const byName = !byKey.length && person.companyName ? await db.companies.where('name').equals(person.companyName).toArray() : [];
  return [...byKey, ...byName].find((c) => !c.deleted);
}

export interface PersonDetail {
  person: StoredPerson;
  company?: StoredCompany;
  entries: EntryDetail[];
  notes: StoredNote[];
  intel: CachedIntel[];
}

export async function personDetail(db: ScoutbookDb, personId: string): Promise<PersonDetail | null> {
  const person = await db.people.get(personId);
  if (!person || person.deleted) return null;
  const company = await companyOfPerson(db, person);
  const keys = [person.companyKey, ...(company?.profileKeys ?? [])].filter((k): k is string => !!k);
  const [entries, notes, intel] = await Promise.all([
    entriesOf(db, 'personId', personId),
    notesOf(db, 'personId', personId),
    intelOf(db, keys, person.companyName ?? company?.name),
  ]);
  return { person, company, entries, notes, intel };
}

export interface CompanyDetail {
  company: StoredCompany;
  /** Saved people whose current company this is: the contacts you already have at the account. */
  people: StoredPerson[];
  entries: EntryDetail[];
  notes: StoredNote[];
  intel: CachedIntel[];
}

export async function companyDetail(db: ScoutbookDb, companyId: string): Promise<CompanyDetail | null> {
  const company = await db.companies.get(companyId);
  if (!company || company.deleted) return null;
  const [byName, entries, notes, intel] = await Promise.all([
    // People imported from a file carry a company name but no key; there is no index on it (a scan, on a rare view).
    db.people.filter((p) => p.companyName?.toLowerCase() === company.name.toLowerCase()).limit(200).toArray(),
    entriesOf(db, 'companyId', companyId),
    notesOf(db, 'companyId', companyId),
    intelOf(db, company.profileKeys, company.name),
  ]);
  const byKey = await db.people.where('companyKey').anyOf(company.profileKeys).toArray();
  const seen = new Set<string>();
  const people = [...byKey, ...byName]
    .filter((p) => !p.deleted && !seen.has(p.id) && !!seen.add(p.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { company, people, entries, notes, intel };
}
