import { describe, expect, it } from 'vitest';
import { ProfileKey } from '@/utils/schema';
import { extractCompany, extractPerson, pageIdentity, pageTarget } from '../../../utils/sites/linkedin';
import { cardDecision, fixture, fixtureFiles, parse } from './site-test-support';

/**
 * Issue 4 additions to LinkedIn on our synthetic pages: one person's several keys (vanity and
 * member URN; Recruiter and Sales Navigator ids and the /in/ profile they link), the SDUI top
 * card's <p> lines, and "no card" on every negative page.
 */

const URN_PAGE_URL = 'https://www.linkedin.com/in/ACoAAB7kQm2BxYz9LpQrStUvWxYz0123abcdEFG/';
const URN_KEY = 'linkedin:in/acoaab7kqm2bxyz9lpqrstuvwxyz0123abcdefg';
const VANITY_KEY = 'linkedin:in/mei-lin-chen-9f8e7d';

describe('one person, two LinkedIn identities (altKeys)', () => {
  it('at /in/ACoAA…, the other key is the vanity from the "Contact info" link', () => {
    const { doc } = fixture('linkedin', 'person-urn-2024.html');
    expect(pageTarget(URN_PAGE_URL)?.key).toBe(URN_KEY);
    expect(extractPerson(doc, URN_PAGE_URL)).toMatchObject({ ok: true, value: { altKeys: [VANITY_KEY] } });
  });

  it('the same page at the vanity address reports the URN', () => {
    const { doc } = fixture('linkedin', 'person-urn-2024.html');
    expect(extractPerson(doc, 'https://www.linkedin.com/in/mei-lin-chen-9f8e7d/')).toMatchObject({ value: { altKeys: [URN_KEY] } });
    // A detached document (no URL) is taken to sit at the slug it names itself by.
    expect(extractPerson(doc)).toMatchObject({ value: { altKeys: [URN_KEY] } });
  });

  it('sub-page links alone pair the URN page with its vanity (no "Contact info" link)', () => {
    const { doc } = fixture('linkedin', 'person-urn-2024.html');
    doc.querySelector('a[href*="/overlay/contact-info"]')!.remove();
    // `/in/mei-lin-chen-9f8e7d/details/experience?profileUrn=<the page's URN>` names the vanity.
    expect(pageIdentity(doc, 'ACoAAB7kQm2BxYz9LpQrStUvWxYz0123abcdEFG').keys).toEqual([VANITY_KEY, URN_KEY]);
    expect(extractPerson(doc, URN_PAGE_URL)).toMatchObject({ ok: true, value: { altKeys: [VANITY_KEY] } });
    // Without them, no vanity key is invented.
    for (const a of doc.querySelectorAll('a[href*="profileUrn="], a[href*="profileId="]')) a.remove();
    const bare = extractPerson(doc, URN_PAGE_URL);
    expect(bare).toMatchObject({ ok: true, value: { name: 'Mei-Lin Chen' } });
    expect(bare.ok && bare.value.altKeys).toBeUndefined();
  });

  it('never takes the viewer (Voyager <code> "Me" blob, nav link) or "People also viewed"', () => {
    const { doc } = fixture('linkedin', 'person-urn-2024.html');
    const all = JSON.stringify(pageIdentity(doc));
    expect(all).not.toMatch(/viewer|other1|other2|ravi/i);
    // Even with every URN link gone, the viewer's blob is not about the page's vanity.
    for (const a of doc.querySelectorAll('a[href*="profileUrn="], a[href*="profileId="]')) a.remove();
    expect(pageIdentity(doc).keys).toEqual([VANITY_KEY]);
  });

  it('two different URNs for one page are ambiguous: no URN key', () => {
    const { doc } = fixture('linkedin', 'person-urn-2024.html');
    const a = doc.createElement('a');
    a.setAttribute('href', '/in/mei-lin-chen-9f8e7d/details/skills?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAZzZzZzZzZzZzZzZzZzZzZzZzZzZzZzZzZz');
    doc.querySelector('main')!.appendChild(a);
    const result = extractPerson(doc, 'https://www.linkedin.com/in/mei-lin-chen-9f8e7d/');
    expect(result.ok && result.value.altKeys).toBeUndefined();
  });

  it('Recruiter and Sales Navigator pages name the public /in/ profile as the other key', () => {
    for (const [file, key] of [
      ['recruiter-profile.html', 'linkedin:in/priya-raman-sre'],
      ['sales-lead.html', 'linkedin:in/lena-fischer-procurement'],
    ] as const) {
      const { doc, url } = fixture('linkedin', file);
      const result = extractPerson(doc, url);
      expect(result, file).toMatchObject({ ok: true, value: { altKeys: [key] } });
      expect(pageTarget(url)?.key, file).not.toBe(key);
    }
  });

  it('every reported key satisfies the ProfileKey schema', () => {
    for (const file of fixtureFiles('linkedin')) {
      const { doc, url } = fixture('linkedin', file);
      for (const result of [extractPerson(doc, url), extractPerson(doc), extractCompany(doc)]) {
        if (!result.ok) continue;
        for (const key of result.value.altKeys ?? []) expect(ProfileKey.safeParse(key).success, `${file}: ${key}`).toBe(true);
        if ('companyKey' in result.value && result.value.companyKey) {
          expect(ProfileKey.safeParse(result.value.companyKey).success, file).toBe(true);
        }
      }
    }
  });
});

describe('SDUI top card: the <p> lines after the name', () => {
  const sdui = (lines: string) =>
    parse(`<!doctype html><html><head><title>x | LinkedIn</title></head><body><main>
      <section componentkey="com.linkedin.sdui.profile.card.refACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789Topcard">
        <h2>Ana Lima</h2>${lines}
      </section></main></body></html>`);

  it('"· 2nd", "2nd", "3rd+ degree connection" and pronouns are never the headline', () => {
    for (const degree of ['<p>· 2nd</p>', '<p>2nd</p>', '<p>3rd+ degree connection</p>', '<p>She/Her</p><p>· 1st</p>']) {
      const result = extractPerson(sdui(`${degree}<p>Data Engineer at Contoso</p><p>Recife, Brazil</p>`));
      expect(result, degree).toMatchObject({ ok: true, value: { headline: 'Data Engineer at Contoso', location: 'Recife, Brazil' } });
    }
  });

  it('the degree inside the heading is not part of the name', () => {
    const doc = parse(`<!doctype html><html><body><main><section componentkey="xTopcard">
      <h2>Ana Lima <span>· 2nd</span></h2><p>Data Engineer</p></section></main></body></html>`);
    expect(extractPerson(doc)).toMatchObject({ ok: true, value: { name: 'Ana Lima', headline: 'Data Engineer' } });
  });

  it('a lone headline has no location; lines after "Contact info" are not read', () => {
    const result = extractPerson(sdui('<p>Data Engineer</p><p><a href="/in/ana/overlay/contact-info/">Contact info</a></p><p>Recife</p>'));
    expect(result).toMatchObject({ ok: true, value: { name: 'Ana Lima', headline: 'Data Engineer' } });
    expect(result.ok && result.value.location).toBeUndefined();
  });

  it('headline, unlinked company line, location', () => {
    const result = extractPerson(sdui('<p>· 2nd</p><p>Data Engineer at Contoso</p><p>Contoso · UFPE</p><p>Recife, Brazil</p>'));
    expect(result).toMatchObject({
      ok: true,
      value: { headline: 'Data Engineer at Contoso', companyName: 'Contoso', location: 'Recife, Brazil' },
    });
  });

  it('<p> lines before the name (banners) and other cards are ignored', () => {
    const { doc } = fixture('linkedin', 'person-sdui-2025-b.html');
    const result = extractPerson(doc);
    expect(result).toMatchObject({ ok: true, value: { headline: 'Engineering Manager at Fourth Coffee · Payments & reliability' } });
    expect(JSON.stringify(result)).not.toMatch(/Open to work|Ama Owusu|Product Lead|He\/Him|3rd/);
  });
});

describe('Recruiter and Sales Navigator reconstructions: only their own top card counts', () => {
  it('Recruiter: a "similar candidates" row is not the profile', () => {
    const { doc } = fixture('linkedin', 'recruiter-profile.html');
    doc.querySelector('#profile-container')!.remove();
    expect(extractPerson(doc).ok).toBe(false);
  });

  it('Recruiter: the current position is the "Present" one', () => {
    const { doc } = fixture('linkedin', 'recruiter-profile.html');
    const ranges = doc.querySelectorAll('[data-test-position-entity-date-range]');
    ranges[0]!.textContent = 'Apr 2021 – Mar 2024';
    ranges[1]!.textContent = 'Apr 2024 – Present';
    expect(extractPerson(doc)).toMatchObject({ ok: true, value: { companyName: 'Adatum', companyKey: 'linkedin:company/5550000' } });
  });

  it('Sales Navigator: the messaging overlay\'s person-name is not the lead', () => {
    const { doc } = fixture('linkedin', 'sales-lead.html');
    doc.querySelector('h1[data-anonymize="person-name"]')!.remove();
    const result = extractPerson(doc);
    expect(result.ok && result.value.name).not.toBe('Otto Becker');
  });

  it('Sales Navigator account: the lead list does not make it a person page', () => {
    const { doc } = fixture('linkedin', 'sales-company.html');
    expect(extractPerson(doc)).toEqual({ ok: false, reason: 'company-page' });
  });
});

describe('every negative LinkedIn page yields no card', () => {
  const NEGATIVE = new Set(['feed.html', 'profile-not-found.html']);

  it.each(fixtureFiles('linkedin'))('%s', (file) => {
    const { doc, url } = fixture('linkedin', file);
    expect(cardDecision(url, doc).card, `${file} at ${url}`).toBe(!NEGATIVE.has(file));
  });

  it('school and showcase pages get no card even with a company top card', () => {
    const { doc } = fixture('linkedin', 'company-2025.html');
    expect(cardDecision('https://www.linkedin.com/school/university-of-oslo/', doc).card).toBe(false);
    expect(cardDecision('https://www.linkedin.com/showcase/audiense-connect/', doc).card).toBe(false);
    expect(cardDecision('https://www.linkedin.com/company/audiense/', doc).card).toBe(true);
  });

  it('a sub-page shows the stored record without extracting (its DOM has no top card)', () => {
    const doc = parse('<!doctype html><html><head><title>Experience | Jane Doe | LinkedIn</title></head><body><main><h2>Experience</h2></main></body></html>');
    const decision = cardDecision('https://www.linkedin.com/in/jane-doe-1a2b3c/details/experience/', doc);
    expect(decision).toEqual({
      card: true,
      target: { kind: 'person', key: 'linkedin:in/jane-doe-1a2b3c', url: 'https://www.linkedin.com/in/jane-doe-1a2b3c/', subpage: true },
    });
    expect(extractPerson(doc).ok).toBe(false);
  });
});
