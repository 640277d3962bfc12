import { describe, expect, it } from 'vitest';
import { buildIndex, search, searchExtras } from '@/utils/search';
import type { Company, Note, Person } from '@/utils/schema';

const CLOCK = '000001763700000:00000:test';
const note = (id: string, personId: string, body: string, more: Partial<Note> = {}): Note => ({
  id,
  personId,
  body,
  visibility: 'team',
  createdAt: 0,
  updatedAt: CLOCK,
  deleted: false,
  ...more,
});

describe('searchExtras', () => {
  it('collects current note bodies and the linked company name per person', () => {
    const P = '01JPERSON00000000000000000';
    const notes = [
      note('01JNOTE0000000000000000001', P, 'first draft: likes Kotlin'),
      note('01JNOTE0000000000000000002', P, 'likes Rust', { revisionOf: '01JNOTE0000000000000000001' }),
      note('01JNOTE0000000000000000003', P, 'private: 期望薪资 50万', { visibility: 'private' }),
      note('01JNOTE0000000000000000004', P, 'deleted text', { deleted: true }),
    ];
    const companies: Company[] = [
      { id: '01JCOMPANY0000000000000000', name: '腾讯', profileKeys: ['linkedin:company/tencent'], createdAt: 0, updatedAt: CLOCK, deleted: false },
    ];
    const people = [{ id: P, companyKey: 'linkedin:company/tencent' }];
    const extras = searchExtras(notes, companies, people);
    expect(extras.get(P)).toEqual({ notes: ['likes Rust', 'private: 期望薪资 50万'], companyName: '腾讯' });

    const person = { id: P, name: 'Wang Lei', companyName: 'Tencent' } as Pick<Person, 'id' | 'name' | 'companyName'>;
    const index = buildIndex([person], extras);
    expect(search(index, 'rust')).toEqual([P]);
    expect(search(index, 'kotlin')).toEqual([]);
    expect(search(index, 'tengxun')).toEqual([P]);
    expect(search(index, '騰訊')).toEqual([P]);
    expect(search(index, '期望')).toEqual([P]);
  });
});
