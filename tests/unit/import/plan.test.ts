import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINES } from '@/utils/db/default-pipelines';
import type { ImportRow } from '@/utils/import/map-rows';
import { mergeChanges, planImport, planSummary, type ExistingPerson } from '@/utils/import/plan';
import { readImportFile } from '@/utils/import/read-import';
import { ownBytes } from './helpers';

const RECRUITING = DEFAULT_PIPELINES[0]!;
const person = (id: string, name: string, extra: Partial<ExistingPerson> = {}): ExistingPerson => ({
  id,
  name,
  profileKeys: [`linkedin:in/${id.toLowerCase()}`],
  profileUrl: `https://www.linkedin.com/in/${id.toLowerCase()}/`,
  tags: [],
  ...extra,
});

describe('planImport on the 2024 Connections format', () => {
  it('creates, folds a repeated profile into one person, and rejects with line numbers and reasons', async () => {
    const { rows, preset, table } = await readImportFile(ownBytes('connections-2024.csv'));
    expect(preset.id).toBe('linkedin-connections-2024');
    expect(table.headerLine).toBe(4);
    const plan = await planImport(rows, []);
    expect(planSummary(plan)).toEqual({ create: 3, merge: 0, unchanged: 0, possibleDuplicates: 0, rejected: 2, warnings: 0 });
    expect(plan.create.map((c) => [c.lines, c.person.name, c.person.profileKey])).toEqual([
      [[5, 11], 'Ada Lovelace', 'linkedin:in/ada-lovelace'],
      [[7], 'James "Tyler" Smith', 'linkedin:in/james-tyler-smith-1a2b3c'],
      [[8], 'Li Wei', 'linkedin:in/li-wei-李'],
    ]);
    expect(plan.create[0]!.person).toMatchObject({ headline: 'Mathematician, Writer', emails: ['ada@example.com'] });
    expect(plan.create[1]!.person).toMatchObject({ headline: 'Engineer', profileUrl: 'https://www.linkedin.com/in/james-tyler-smith-1a2b3c/', emails: ['james@example.com'] });
    expect(plan.create[2]!.person.emails).toEqual([]);
    expect(plan.create[2]!.person.headline).toBe('Staff Engineer\nInfra');
    expect(plan.rejected).toEqual([
      { line: 6, reason: expect.stringMatching(/^no name/) },
      { line: 10, reason: 'not a LinkedIn profile URL: https://www.linkedin.com/company/acme' },
    ]);
  });

  it('merges into saved people by profile key, filling only empty fields and adding e-mails', async () => {
    const { rows } = await readImportFile(ownBytes('connections-2024.csv'));
    const existing = [
      person('ada-lovelace', 'Ada Lovelace', { headline: 'Countess', companyName: undefined }),
      // The saved address differs from the file's only in case: it is the same address, nothing to add.
      person('JAMES-TYLER-SMITH-1A2B3C', 'James Smith', { headline: 'Engineer', companyName: 'Acme Inc.', emails: ['James@Example.com'], connectedAt: new Date(2023, 0, 12).getTime() }),
    ];
    const plan = await planImport(rows, existing);
    // Line 11 is Ada again, with the e-mail line 5 lacks: it is added to her saved record.
    // James's saved record already has the date he connected; Ada's gets hers from "Connected On".
    expect(plan.merge.map((m) => [m.lines, m.personId, m.matchedBy, m.changes])).toEqual([[[5, 11], 'ada-lovelace', 'profile', ['companyName', 'connectedAt', 'emails']]]);
    expect(mergeChanges(existing[0]!, plan.merge[0]!.person, false)).toEqual({
      companyName: 'Analytical Engines',
      connectedAt: new Date(2024, 4, 30).getTime(),
      emails: ['ada@example.com'],
    });
    expect(plan.unchanged.map((m) => m.personId)).toEqual(['JAMES-TYLER-SMITH-1A2B3C']);
    const overwriting = await planImport(rows, existing, { overwrite: true });
    expect(overwriting.merge.find((m) => m.personId === 'ada-lovelace')!.changes).toEqual(['headline', 'companyName', 'connectedAt', 'emails']);
    expect(overwriting.merge.find((m) => m.personId === 'JAMES-TYLER-SMITH-1A2B3C')!.changes).toEqual(['name']);
  });

  it('matches by e-mail when the profile is new, and adds the profile key', async () => {
    const { rows } = await readImportFile(ownBytes('connections-2024.csv'));
    const saved = person('OTHER', 'J. Smith', { emails: ['JAMES@example.com'] });
    const plan = await planImport(rows, [saved]);
    // The address it matched by is already saved (in another case), so e-mails are not a change.
    expect(plan.merge).toEqual([expect.objectContaining({ lines: [7], personId: 'OTHER', matchedBy: 'email', changes: ['headline', 'companyName', 'connectedAt', 'profileKeys'] })]);
    expect(mergeChanges(saved, plan.merge[0]!.person, false)).toEqual({
      headline: 'Engineer',
      companyName: 'Acme Inc.',
      connectedAt: new Date(2023, 0, 12).getTime(),
      profileKeys: ['linkedin:in/other', 'linkedin:in/james-tyler-smith-1a2b3c'],
    });
    expect(plan.create.map((c) => c.lines)).toEqual([[5, 11], [8]]);
  });
});

describe('planImport on the 2018 Connections format (no URLs)', () => {
  it('creates people without a profile into an empty bank, with their e-mails', async () => {
    const { rows, preset } = await readImportFile(ownBytes('connections-2018.csv'));
    expect(preset.id).toBe('linkedin-connections-2018');
    const plan = await planImport(rows, []);
    expect(planSummary(plan)).toEqual({ create: 3, merge: 0, unchanged: 0, possibleDuplicates: 0, rejected: 0, warnings: 0 });
    expect(plan.create.map((c) => [c.lines, c.person.name, c.person.companyName, c.person.headline, c.person.emails, c.person.profileKey])).toEqual([
      [[2], 'Claudia Berg', 'ApproveIt', 'Owner', ['claudia@example.com'], undefined],
      [[3], 'Vik Shah', 'Variance Tech', 'CEO', ['vik@example.com'], undefined],
      [[4], 'No Match', 'Nowhere', 'Intern', ['nomatch@example.com'], undefined],
    ]);
  });

  it('offers same-name-same-company people as possible duplicates, and creates the rest', async () => {
    const { rows } = await readImportFile(ownBytes('connections-2018.csv'));
    const plan = await planImport(rows, [
      person('CB', 'Claudia Berg', { companyName: 'ApproveIt' }),
      person('VS1', 'Vik Shah', { companyName: 'VARIANCE TECH.' }),
      person('VS2', 'vik shah', { companyName: 'Variance Tech', headline: 'Founder' }),
    ]);
    expect(plan.possibleDuplicates.map((d) => [d.line, d.candidates.map((c) => c.id), d.reason])).toEqual([
      [2, ['CB'], 'same name and company as a saved person'],
      [3, ['VS1', 'VS2'], 'same name and company as 2 saved people'],
    ]);
    expect(plan.rejected).toEqual([]);
    expect(plan.create.map((c) => [c.lines, c.person.name, c.person.profileKey])).toEqual([[[4], 'No Match', undefined]]);
  });

  it('merges by e-mail, which beats a same-name-same-company guess', async () => {
    const { rows } = await readImportFile(ownBytes('connections-2018.csv'));
    const plan = await planImport(rows, [
      person('CB', 'Claudia Berg', { companyName: 'ApproveIt', headline: 'Owner', emails: ['Claudia@Example.com'], connectedAt: new Date(2018, 0, 8, 18, 14).getTime() }),
      person('VIK', 'Vikram S.', { emails: ['vik@example.com'] }),
    ]);
    expect(plan.merge.map((m) => [m.lines, m.personId, m.matchedBy, m.changes])).toEqual([[[3], 'VIK', 'email', ['headline', 'companyName', 'connectedAt']]]);
    expect(plan.unchanged.map((m) => [m.lines, m.personId, m.matchedBy])).toEqual([[[2], 'CB', 'email']]);
    expect(plan.possibleDuplicates).toEqual([]);
    expect(plan.create.map((c) => c.lines)).toEqual([[4]]);
  });
});

describe('planImport checks', () => {
  const row = (line: number, extra: Partial<ImportRow>): ImportRow => ({ line, emails: [], phones: [], tags: [], ...extra });
  const url = (slug: string) => `https://www.linkedin.com/in/${slug}`;

  it('rejects bad e-mails, over-long fields and too many tags with the field named', async () => {
    const plan = await planImport(
      [
        row(2, { name: 'A', profileUrl: url('a'), emails: ['not-an-email'] }),
        row(3, { name: 'x'.repeat(201), profileUrl: url('b') }),
        row(4, { name: 'C', profileUrl: url('c'), tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }),
        row(5, { name: 'D', profileUrl: url('d'), note: 'n'.repeat(10_001) }),
        row(6, { name: 'E', profileUrl: 'linkedin.com/in/e-without-scheme' }),
        row(7, { name: 'F', profileUrl: 'https://github.com/f' }),
        row(8, { defect: 'ragged row: 2 fields where the header has 3' }),
        // Addresses that look like e-mails but that the Person schema refuses: caught here, not in the write.
        row(9, { name: 'G', emails: ['josé@example.com'] }),
        row(10, { name: 'H', emails: ['h@example.c'] }),
        row(11, { name: 'I', phones: ['+86 '.padEnd(41, '1')] }),
        row(12, { emails: ['nameless@example.com'], companyName: 'Acme' }),
        row(13, { name: 'J', emails: Array.from({ length: 21 }, (_, i) => `j${i}@example.com`) }),
      ],
      [],
    );
    expect(plan.rejected).toEqual([
      { line: 2, reason: 'invalid e-mail address: not-an-email' },
      { line: 3, reason: 'name: must be at most 200 characters' },
      { line: 4, reason: expect.stringMatching(/^tags: /) },
      { line: 5, reason: 'note: must be at most 10000 characters' },
      { line: 7, reason: 'not a LinkedIn profile URL: https://github.com/f' },
      { line: 8, reason: 'ragged row: 2 fields where the header has 3' },
      { line: 9, reason: 'invalid e-mail address: josé@example.com' },
      { line: 10, reason: 'invalid e-mail address: h@example.c' },
      { line: 11, reason: expect.stringMatching(/^phones\.0: must be at most 40 characters/) },
      { line: 12, reason: expect.stringMatching(/^no name/) },
      { line: 13, reason: expect.stringMatching(/^emails: /) },
    ]);
    expect(plan.create.map((c) => c.person.profileKey)).toEqual(['linkedin:in/e-without-scheme']);
  });

  it('creates people from rows without a profile URL, folding a repeat only when nothing tells them apart', async () => {
    const plan = await planImport(
      [
        row(2, { name: '张伟', companyName: '字节跳动', phones: ['13800138000'] }),
        // The same name at the same company, nothing else to go by: the same person listed again.
        row(3, { name: '张伟', companyName: '字节跳动 ', headline: '后端', note: '第二行' }),
        // No company: a name alone is too weak (同名不同人), so two people.
        row(4, { name: '王芳' }),
        row(5, { name: '王芳' }),
        // Two profiles with one name and company are two people; a bare row could be either, so it is its own.
        row(6, { name: 'Ann Lee', companyName: 'Acme', profileUrl: url('ann-lee-1') }),
        row(7, { name: 'Ann Lee', companyName: 'Acme', profileUrl: url('ann-lee-2') }),
        row(8, { name: 'ann lee', companyName: 'ACME' }),
        // Different e-mails tell rows apart; the same e-mail, in any case, folds them.
        row(9, { name: 'Bob Ray', companyName: 'Acme', emails: ['bob@example.com'] }),
        row(10, { name: 'Bob Ray', companyName: 'Acme', emails: ['robert@example.com'] }),
        row(11, { name: 'Cy Young', emails: ['cy@example.com', 'Cy@Example.com'] }),
        row(12, { name: 'C. Young', emails: ['CY@EXAMPLE.COM'], phones: ['+1 555 0100'] }),
        // One new person with a profile fits a bare repeat of their name and company.
        row(13, { name: 'Dee Cole', companyName: 'Acme', profileUrl: url('dee-cole') }),
        row(14, { name: 'Dee Cole', companyName: 'Acme', location: 'Oslo' }),
      ],
      [],
    );
    expect(plan.rejected).toEqual([]);
    expect(plan.create.map((c) => [c.lines, c.person.name, c.person.profileKey ?? null, c.person.emails])).toEqual([
      [[2, 3], '张伟', null, []],
      [[4], '王芳', null, []],
      [[5], '王芳', null, []],
      [[6], 'Ann Lee', 'linkedin:in/ann-lee-1', []],
      [[7], 'Ann Lee', 'linkedin:in/ann-lee-2', []],
      [[8], 'ann lee', null, []],
      [[9], 'Bob Ray', null, ['bob@example.com']],
      [[10], 'Bob Ray', null, ['robert@example.com']],
      [[11, 12], 'Cy Young', null, ['cy@example.com']],
      [[13, 14], 'Dee Cole', 'linkedin:in/dee-cole', []],
    ]);
    expect(plan.create.at(-1)!.person.location).toBe('Oslo');
    expect(plan.create[0]!.person).toMatchObject({ headline: '后端', phones: ['13800138000'], notes: [{ body: '第二行', line: 3 }] });
    expect(plan.create.at(-2)!.person.phones).toEqual(['+1 555 0100']);
  });

  it('folds rows about one person, keeps distinct profiles apart, and refuses a fold that breaks a limit', async () => {
    const tags = (from: number) => Array.from({ length: 30 }, (_, i) => `t${from + i}`);
    const plan = await planImport(
      [
        row(2, { name: 'A', profileUrl: url('a'), emails: ['shared@example.com'] }),
        row(3, { name: 'B', profileUrl: url('b'), emails: ['shared@example.com'] }),
        row(4, { name: 'A', emails: ['shared@example.com'], note: 'from the CRM' }),
        row(5, { name: 'C', profileUrl: url('c'), tags: tags(0) }),
        row(6, { name: 'C', profileUrl: url('c'), tags: tags(30) }),
      ],
      [],
    );
    expect(plan.create.map((c) => [c.lines, c.person.profileKey, c.person.notes.length])).toEqual([
      [[2, 4], 'linkedin:in/a', 1],
      [[3], 'linkedin:in/b', 0],
    ]);
    expect(plan.rejected).toEqual([
      { line: 5, reason: expect.stringMatching(/^together with lines 5, 6: tags: /) },
      { line: 6, reason: expect.stringMatching(/^together with lines 5, 6: tags: /) },
    ]);
  });

  it('adds every profile of a saved person that rows match by profile or by e-mail', async () => {
    const plan = await planImport(
      [row(2, { name: 'A', profileUrl: url('a-old') }), row(3, { name: 'A', profileUrl: url('a-new'), emails: ['a@example.com'] })],
      [person('A-OLD', 'A', { emails: ['a@example.com'] })],
    );
    expect(plan.merge.map((m) => [m.lines, m.changes])).toEqual([[[2, 3], ['profileKeys']]]);
    expect(plan.merge[0]!.person.otherKeys).toEqual(['linkedin:in/a-new']);
  });

  it('matches the Stage column to the chosen pipeline, and warns instead of guessing', async () => {
    const rows = [row(2, { name: 'A', profileUrl: url('a'), stage: 'interview' }), row(3, { name: 'B', profileUrl: url('b'), stage: 'Phone screen' })];
    const plan = await planImport(rows, [], { pipeline: RECRUITING });
    expect(plan.create.map((c) => c.person.stageId)).toEqual(['interview', undefined]);
    expect(plan.warnings).toEqual([{ line: 3, reason: 'stage "Phone screen" is not a stage of Recruiting: the person is imported without a pipeline entry' }]);
    expect((await planImport(rows, [])).warnings[0]!.reason).toMatch(/no pipeline was chosen/);
  });

  it('scales to 100k saved people through maps, not nested loops', async () => {
    const existing: ExistingPerson[] = [];
    const rows: ImportRow[] = [];
    for (let i = 0; i < 100_000; i++) existing.push(person(`P${i}`, `Person ${i}`, { companyName: `Company ${i % 997}` }));
    // Every other row is someone saved; the rest are new people at another company (no homonym).
    for (let i = 0; i < 100_000; i += 4) {
      rows.push(row(i + 2, { name: `Person ${i}`, profileUrl: url(i % 8 ? `p${i}` : `new-${i}`), companyName: `Company ${(i + 1) % 997}` }));
    }
    const started = performance.now();
    const plan = await planImport(rows, existing);
    const ms = performance.now() - started;
    expect(plan.unchanged.length + plan.merge.length).toBe(12_500);
    expect(plan.create.length).toBe(12_500);
    // Quadratic matching would take minutes here; a map lookup per row takes well under a second.
    expect(ms).toBeLessThan(5_000);
  });
});
