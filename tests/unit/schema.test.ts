import { describe, expect, it } from 'vitest';
import { describeZodError, IntelImportItem, Note, Person, Pipeline, PipelineEntry } from '@/utils/schema';
import { Request } from '@/utils/messaging/protocol';

const ID = '01JD0000000000000000000000';
const HLC = '001763700000000:00000:abc';
const person = {
  id: ID,
  createdAt: 1,
  updatedAt: HLC,
  name: 'Jane Doe',
  profileKeys: ['linkedin:in/jane-doe'],
  profileUrl: 'https://www.linkedin.com/in/jane-doe/',
};

function problem(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown): string {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return describeZodError(r.error as Parameters<typeof describeZodError>[0]);
}

describe('schemas', () => {
  it('accepts a minimal person and fills the defaults', () => {
    const p = Person.parse(person);
    expect(p).toMatchObject({ status: 'active', tags: [], deleted: false });
  });

  it('rejects bad people with messages that name the field', () => {
    expect(problem(Person, { ...person, name: '' })).toBe('name: name is required');
    expect(problem(Person, { ...person, id: 'abc' })).toMatch(/^id: must be a ULID/);
    expect(problem(Person, { ...person, emails: ['not-an-address'] })).toBe('emails.0: emails must be e-mail addresses');
    expect(problem(Person, { ...person, profileKeys: ['twitter:jane'] })).toMatch(/profileKeys.0: must be a profile key/);
    expect(problem(Person, { ...person, profileUrl: 'javascript:alert(1)' })).toBe('profileUrl: profileUrl must be an http(s) URL');
    expect(problem(Person, { ...person, status: 'hot' })).toMatch(/^status:/);
    expect(problem(Person, { ...person, updatedAt: '2026-01-01' })).toMatch(/^updatedAt: must be a hybrid logical clock/);
    expect(problem(Person, { ...person, name: 'x'.repeat(201) })).toBe('name: must be at most 200 characters');
  });

  it('a note belongs to exactly one person or company and is never empty', () => {
    const base = { id: ID, createdAt: 1, updatedAt: HLC, body: 'hi' };
    expect(Note.safeParse({ ...base, personId: ID }).success).toBe(true);
    expect(problem(Note, base)).toBe('personId: a note belongs to exactly one person or one company');
    expect(problem(Note, { ...base, personId: ID, companyId: ID })).toBe('personId: a note belongs to exactly one person or one company');
    expect(problem(Note, { ...base, personId: ID, body: '   ' })).toBe('body: a note cannot be empty');
  });

  it('pipelines need unique stage ids; entries need one subject', () => {
    const p = { id: ID, createdAt: 1, updatedAt: HLC, name: 'R', kind: 'recruiting' };
    expect(problem(Pipeline, { ...p, stages: [] })).toBe('stages: a pipeline needs at least one stage');
    expect(problem(Pipeline, { ...p, stages: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] })).toBe('stages: stage ids must be unique');
    expect(problem(PipelineEntry, { id: ID, createdAt: 1, updatedAt: HLC, pipelineId: ID, stageId: 's' })).toMatch(
      /exactly one person or one company/,
    );
  });

  it('intel import items need a known type, an http URL and an ISO date', () => {
    const item = { companyName: 'Audiense', type: 'funding', title: 'Series B', url: 'https://x.example/a', publishedAt: '2026-10-02T08:00:00Z' };
    expect(IntelImportItem.safeParse(item).success).toBe(true);
    expect(problem(IntelImportItem, { ...item, type: 'gossip' })).toMatch(/^type:/);
    expect(problem(IntelImportItem, { ...item, publishedAt: 'yesterday' })).toBe('publishedAt: publishedAt must be an ISO 8601 date-time');
    expect(problem(IntelImportItem, { ...item, url: 'ftp://x' })).toBe('url: url must be an http(s) URL');
  });

  it('messages are parsed: unknown types and bad fields are rejected', () => {
    expect(Request.safeParse({ type: 'ping' }).success).toBe(true);
    expect(Request.safeParse({ type: 'dropTables' }).success).toBe(false);
    expect(Request.safeParse({ type: 'addNote', subject: { personId: ID }, body: '' }).success).toBe(false);
    expect(Request.safeParse({ type: 'saveSettings', serverUrl: 'file:///etc/passwd', token: 'x' }).success).toBe(false);
    expect(
      Request.safeParse({ type: 'lookup', target: { kind: 'person', key: 'linkedin:in/x', url: 'https://www.linkedin.com/in/x/' } }).success,
    ).toBe(true);
  });
});
