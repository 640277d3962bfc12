import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { adapterForUrl, githubRefineTarget } from '../../../utils/sites/registry';
import type { CompanyProfile, Extraction, PageTarget, PersonProfile } from '../../../utils/sites/types';
import { ownFixture } from '../../support/shared-fixtures';

/** Shared by the site suites: parsing, our fixtures by site, and "would the card show here?". */

/** Some saves are body-only fragments; linkedom needs a document around them. */
export function parse(html: string): Document {
  let { document } = parseHTML(html);
  if (!document.querySelector('body')) ({ document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`));
  return document as unknown as Document;
}

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

export function fixtureFiles(site: 'linkedin' | 'maimai' | 'github'): string[] {
  return readdirSync(join(FIXTURES, site))
    .filter((f) => f.endsWith('.html'))
    .sort();
}

export interface Fixture {
  file: string;
  html: string;
  /** The address the fixture imitates, from its "Page URL:" comment. */
  url: string;
  doc: Document;
}

export function fixture(site: 'linkedin' | 'maimai' | 'github', file: string): Fixture {
  const html = ownFixture(`${site}/${file}`);
  return { file, html, url: /Page URL:\s*(\S+)/.exec(html)?.[1] ?? '', doc: parse(html) };
}

export interface CardDecision {
  target?: PageTarget;
  extraction?: Extraction<PersonProfile | CompanyProfile>;
  /** What the content script would do: a card for a profile, nothing otherwise. */
  card: boolean;
}

/**
 * What the content script does with a page, per the wiring proposed for issue 4: the adapter's
 * target from the URL; on GitHub the page refines it (user → person, org → company, else none);
 * a LinkedIn sub-page shows the stored record without extracting; otherwise the card needs a
 * successful extraction (no stored record is assumed).
 */
export function cardDecision(url: string, doc: Document): CardDecision {
  const adapter = adapterForUrl(url);
  let target = adapter?.target(url);
  if (!adapter || !target) return { card: false };
  if (adapter.site === 'github') target = githubRefineTarget(doc, target);
  if (!target) return { card: false };
  if (target.subpage) return { target, card: true };
  const extraction = target.kind === 'person' ? adapter.extractPerson(doc) : adapter.extractCompany(doc);
  return { target, extraction, card: extraction.ok };
}
