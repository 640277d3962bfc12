import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { CompanyProfile, PersonProfile } from '../../../utils/sites/types';
import { extractCompany, extractPerson, isCompanyPage, isPersonProfile, pageTarget, profileKey } from '../../../utils/sites/linkedin';
import { ownFixture } from '../../support/shared-fixtures';

/**
 * Our own small pages under tests/fixtures/linkedin (fictional people, same structure as the real
 * vintages). This suite always runs; the e2e tests serve the same files.
 */

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
const fixture = (name: string) => parse(ownFixture(`linkedin/${name}`));
/** The address each fixture imitates, from its "Page URL:" comment. */
const pageUrl = (name: string) => /Page URL:\s*(\S+)/.exec(ownFixture(`linkedin/${name}`))?.[1] ?? '';

const PEOPLE: ReadonlyArray<readonly [file: string, matched: string, expected: PersonProfile]> = [
  ['person-2024.html', 'voyager-2022', {
    name: 'Jane Doe', headline: 'Head of Talent at Northwind Labs | Hiring engineers in Berlin', location: 'Berlin, Germany',
    companyName: 'Northwind Labs', companyKey: 'linkedin:company/northwind-labs',
  }],
  ['person-2024-b.html', 'voyager-2022', {
    name: 'Carlos Mendes', headline: 'Staff Software Engineer at Contoso · Distributed systems', location: 'Lisbon, Portugal',
    companyName: 'Contoso', companyKey: 'linkedin:company/contoso',
  }],
  ['person-guest-2024.html', 'json-ld-2024', {
    name: 'Amelia Hart', headline: 'Senior Recruiter at Fabrikam · Engineering and data hiring',
    location: 'London, England, United Kingdom', companyName: 'Fabrikam', companyKey: 'linkedin:company/fabrikam',
  }],
  // The SDUI top card's componentkey carries the member URN: an "other" key of the person.
  ['person-sdui-2025.html', 'sdui-topcard-2025', {
    name: 'Ingrid Solberg', headline: 'Product Designer at Tailspin Toys · Design systems', location: 'Oslo, Norway',
    companyName: 'Tailspin Toys', companyKey: 'linkedin:company/tailspin-toys',
    altKeys: ['linkedin:in/acoaabcdefghijklmnopqrstuvwxyz0123456789'],
  }],
  // Pronouns, "· 3rd+", an "Open to work" <p> before the name, "People also viewed" after the card.
  ['person-sdui-2025-b.html', 'sdui-topcard-2025', {
    name: 'Kwame Mensah', headline: 'Engineering Manager at Fourth Coffee · Payments & reliability',
    location: 'Accra, Greater Accra Region, Ghana', companyName: 'Fourth Coffee', companyKey: 'linkedin:company/4815162',
    altKeys: ['linkedin:in/acoaac9sxyzwvutsrqponmlkjihgfedcba98765'],
  }],
  // Opened at /in/ACoAA…: the other key is the vanity from the "Contact info" link.
  ['person-urn-2024.html', 'voyager-2022', {
    name: 'Mei-Lin Chen', headline: 'Talent Partner, APAC at Wide World Importers', location: 'Singapore',
    companyName: 'Wide World Importers', companyKey: 'linkedin:company/2718281', altKeys: ['linkedin:in/mei-lin-chen-9f8e7d'],
  }],
  // Reconstructions (no real capture): Recruiter and Sales Navigator link the public /in/ profile.
  ['recruiter-profile.html', 'recruiter-2023', {
    name: 'Priya Raman', headline: 'Staff Site Reliability Engineer at Litware', location: 'Bengaluru, Karnataka, India',
    companyName: 'Litware', companyKey: 'linkedin:company/5551234', altKeys: ['linkedin:in/priya-raman-sre'],
  }],
  ['sales-lead.html', 'sales-navigator-2023', {
    name: 'Lena Fischer', headline: 'Head of Procurement at Proseware · Industrial supply chains',
    location: 'Munich, Bavaria, Germany', companyName: 'Proseware', companyKey: 'linkedin:sales-company/1098765',
    altKeys: ['linkedin:in/lena-fischer-procurement'],
  }],
  ['person-chinese.html', 'voyager-2022', {
    name: '张伟', headline: '字节跳动 高级技术招聘经理｜专注 AI 与基础架构人才', location: '中国 北京市 海淀区',
    companyName: '字节跳动', companyKey: 'linkedin:company/bytedance',
  }],
  // Markup in page text is text: returned literally, for the card to render as text.
  ['person-xss.html', 'voyager-2022', {
    name: '<img src=x onerror=alert(1)>', headline: `"><script>alert('headline')</script>`,
    location: '<svg onload=alert(2)>', companyName: '<b>Evil</b> Corp', companyKey: 'linkedin:company/evil-corp',
  }],
];

const COMPANIES: ReadonlyArray<readonly [file: string, matched: string, expected: CompanyProfile]> = [
  ['company-2025.html', 'org-top-card-2025', { name: 'Audiense', industry: 'Software Development' }],
  ['company-guest-2024.html', 'json-ld-2024', { name: 'Northwind Labs', industry: 'IT Services and IT Consulting' }],
  // Reconstruction: the Sales Navigator account links its public /company/<id>/ page.
  ['sales-company.html', 'sales-navigator-2023', {
    name: 'Proseware', industry: 'Industrial Machinery Manufacturing', altKeys: ['linkedin:company/1098765'],
  }],
];

describe('synthetic LinkedIn pages (tests/fixtures/linkedin)', () => {
  it.each(PEOPLE)('%s → person (%s)', (file, matched, expected) => {
    const doc = fixture(file);
    expect(extractPerson(doc, pageUrl(file))).toEqual({ ok: true, matched, value: expected });
    expect(extractCompany(doc).ok).toBe(false);
    // Every other key is a valid key of a person, never the page's own.
    for (const key of expected.altKeys ?? []) expect(key).not.toBe(pageTarget(pageUrl(file))?.key);
  });

  it.each(COMPANIES)('%s → company (%s)', (file, matched, expected) => {
    const doc = fixture(file);
    expect(extractCompany(doc)).toEqual({ ok: true, matched, value: expected });
    expect(extractPerson(doc)).toEqual({ ok: false, reason: 'company-page' });
  });

  it('profile-not-found.html is not a profile', () => {
    const doc = fixture('profile-not-found.html');
    expect(extractPerson(doc)).toEqual({ ok: false, reason: 'profile-not-found' });
    expect(extractCompany(doc).ok).toBe(false);
  });

  it('feed.html is neither a profile nor a company page', () => {
    const doc = fixture('feed.html');
    expect(extractPerson(doc)).toEqual({ ok: false, reason: 'not-a-profile' });
    expect(extractCompany(doc).ok).toBe(false);
  });

  it('every fixture is a standalone document that says what it imitates and where it lives', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/linkedin');
    const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(files.sort()).toEqual(
      [
        'company-2025.html', 'company-guest-2024.html', 'feed.html', 'person-2024-b.html', 'person-2024.html',
        'person-chinese.html', 'person-guest-2024.html', 'person-sdui-2025.html', 'person-xss.html',
        'profile-not-found.html',
        // Added with issue 4 (not served by the e2e routes).
        'person-sdui-2025-b.html', 'person-urn-2024.html', 'recruiter-profile.html', 'sales-lead.html', 'sales-company.html',
      ].sort(),
    );
    for (const file of files) {
      const html = ownFixture(`linkedin/${file}`);
      expect(html.startsWith('<!doctype html>'), file).toBe(true);
      expect(html, file).toMatch(/Imitates:/);
      const doc = parse(html);
      expect(doc.title, file).not.toBe('');
      expect(doc.querySelector('main'), file).not.toBeNull();

      // The URL the e2e tests serve it under agrees with what the extractors find.
      const url = /Page URL:\s*(\S+)/.exec(html)?.[1] ?? '';
      const person = extractPerson(doc).ok;
      const company = extractCompany(doc).ok;
      if (person) expect(isPersonProfile(url), `${file} ${url}`).toBe(true);
      if (company) expect(isCompanyPage(url), `${file} ${url}`).toBe(true);
    }
  });

  it('the Chinese fixture lives at a percent-encoded Chinese slug', () => {
    const url = /Page URL:\s*(\S+)/.exec(ownFixture('linkedin/person-chinese.html'))?.[1] ?? '';
    expect(profileKey(url)).toBe('linkedin:in/张伟-8a7b6c');
  });
});

describe('dated alternatives, in order', () => {
  it('guest page: JSON-LD, then meta tags, then the top card', () => {
    const doc = fixture('person-guest-2024.html');
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    expect(extractPerson(doc)).toMatchObject({ ok: true, matched: 'meta-2024', value: { name: 'Amelia Hart', companyName: 'Fabrikam' } });
    doc.querySelector('meta[property="og:type"]')?.remove();
    expect(extractPerson(doc)).toMatchObject({
      ok: true,
      matched: 'guest-top-card-2024',
      value: { name: 'Amelia Hart', location: 'London, England, United Kingdom', companyKey: 'linkedin:company/fabrikam' },
    });
  });

  it('a broken JSON-LD block is skipped, not fatal', () => {
    const doc = fixture('person-guest-2024.html');
    doc.querySelector('script[type="application/ld+json"]')!.textContent = '{"@graph": [ {"@type": "Person", "name": ';
    expect(extractPerson(doc)).toMatchObject({ ok: true, matched: 'meta-2024', value: { name: 'Amelia Hart' } });
  });

  it('JSON-LD employers with an endDate are not the current company', () => {
    const doc = fixture('person-guest-2024.html');
    const script = doc.querySelector('script[type="application/ld+json"]')!;
    script.textContent = JSON.stringify({
      '@type': 'Person',
      name: 'Amelia Hart',
      worksFor: [{ '@type': 'Organization', name: 'Old Co', member: { startDate: '2010-01', endDate: '2012-01' } }],
    });
    // Falls through to the guest top-card link for the company.
    expect(extractPerson(doc)).toMatchObject({ ok: true, matched: 'json-ld-2024', value: { companyName: 'Fabrikam' } });
  });

  it('logged-in page: text-heading-xlarge, then first h1 in main (2025-04), then the title', () => {
    const doc = fixture('person-2024.html');
    const h1 = doc.querySelector('h1')!;
    h1.classList.remove('text-heading-xlarge');
    expect(extractPerson(doc)).toMatchObject({ ok: true, matched: 'main-h1', value: { name: 'Jane Doe' } });
    h1.remove();
    // "(3) Jane Doe | LinkedIn": counter and suffix stripped.
    expect(extractPerson(doc)).toMatchObject({ ok: true, matched: 'title', value: { name: 'Jane Doe', companyName: 'Northwind Labs' } });
  });

  it('2022 aria-label "Current company" (no colon) with the name as text', () => {
    const doc = fixture('person-2024.html');
    doc.querySelector('[aria-label^="Current company:"]')!.setAttribute('aria-label', 'Current company');
    expect(extractPerson(doc)).toMatchObject({ value: { companyName: 'Northwind Labs' } });
  });

  it('company name read from the aria-label when the button has no text', () => {
    const doc = fixture('person-2024.html');
    const button = doc.querySelector('[aria-label^="Current company:"]')!;
    button.querySelector('span')!.remove();
    expect(extractPerson(doc)).toMatchObject({ value: { companyName: 'Northwind Labs', companyKey: 'linkedin:company/northwind-labs' } });
  });

  it('SDUI top card without a company link reads the company line', () => {
    const doc = fixture('person-sdui-2025.html');
    for (const a of doc.querySelectorAll('section[componentkey$="Topcard"] p a[href*="/company/"], section[componentkey$="Topcard"] p a[href*="/school/"]')) {
      a.replaceWith(doc.createTextNode(a.textContent ?? ''));
    }
    const result = extractPerson(doc);
    expect(result).toMatchObject({ ok: true, matched: 'sdui-topcard-2025', value: { companyName: 'Tailspin Toys', location: 'Oslo, Norway' } });
    expect(result.ok && result.value.companyKey).toBeFalsy();
  });

  it('company title fallback strips ": Overview | LinkedIn"', () => {
    const doc = fixture('company-2025.html');
    doc.querySelector('h1')!.remove();
    expect(extractCompany(doc)).toEqual({ ok: true, matched: 'title', value: { name: 'Audiense', industry: 'Software Development' } });
  });

  it('a name too long to be a name is not taken', () => {
    const doc = fixture('person-2024.html');
    doc.querySelector('h1')!.textContent = 'x'.repeat(500);
    const result = extractPerson(doc);
    // The title still names Jane Doe.
    expect(result).toMatchObject({ ok: true, matched: 'title', value: { name: 'Jane Doe' } });
  });
});

describe('extractors never throw', () => {
  it('on an empty document', () => {
    for (const html of ['', '<!doctype html>', '<html></html>', '<html><head></head><body></body></html>']) {
      expect(extractPerson(parse(html)).ok, html).toBe(false);
      expect(extractCompany(parse(html)).ok, html).toBe(false);
    }
  });

  it('on a document whose DOM methods throw', () => {
    const hostile = new Proxy({} as Document, {
      get() {
        throw new Error('boom');
      },
    });
    expect(extractPerson(hostile)).toEqual({ ok: false, reason: 'extractor-error: boom' });
    expect(extractCompany(hostile)).toEqual({ ok: false, reason: 'extractor-error: boom' });
  });

  it('on random garbage built from LinkedIn page parts', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const PARTS = [
      '<main>', '</main>', '<h1>', '</h1>', '<h2>', '<p>', '<section componentkey="xTopcard">', '</section>',
      '<h1 class="text-heading-xlarge">', '<h1 class="top-card-layout__title">', '<script type="application/ld+json">',
      '</script>', '{"@type":"Person","name":', '"Zhang Wei"', '[', '{', '}', '<title>', '</title>', ' | LinkedIn',
      '<meta name="pageKey" content="public_profile_v3_desktop">', '<meta http-equiv="refresh" content="0">',
      '<a href="/company/acme/">', '<a href="/in/x/overlay/contact-info/">', '</a>', '<div aria-label="Current company: ">',
      '张伟', '&lt;img&gt;', '<!--', '-->', '<', '>', '"', "'", '\u0000', '\uD800', ' ',
    ];
    for (let i = 0; i < 400; i++) {
      let html = '';
      const length = Math.floor(next() * 40);
      for (let j = 0; j < length; j++) html += PARTS[Math.floor(next() * PARTS.length)];
      const doc = parse(html);
      const person = extractPerson(doc);
      const company = extractCompany(doc);
      expect(person.ok && company.ok, html).toBe(false);
      if (person.ok) expect(person.value.name.trim(), html).toBe(person.value.name);
    }
  });
});
