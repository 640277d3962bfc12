import { describe, expect, it } from 'vitest';
import { Company, describeZodError, Note, Person, Pipeline, PipelineEntry } from '@/utils/schema';
import { benchOptions, generateChunk } from '../../bench/generate';

const options = benchOptions();
const chunk = generateChunk(0, 2000, options);

function expectValid(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, rows: unknown[]) {
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`${describeZodError(parsed.error as never)} in ${JSON.stringify(row)}`);
  }
}

describe('bench data generator', () => {
  it('makes records valid against the schemas, with a clock for every field', () => {
    expectValid(Person, chunk.people);
    expectValid(Note, chunk.notes);
    expectValid(Company, chunk.companies);
    expectValid(PipelineEntry, chunk.entries);
    expectValid(Pipeline, chunk.pipelines);
    for (const p of chunk.people) {
      const fields = Object.keys(p).filter((k) => !['id', 'updatedAt', 'clocks'].includes(k));
      expect(Object.keys(p.clocks).sort()).toEqual(fields.sort());
    }
  });

  it('stores people by LinkedIn profile key, with Chinese and English names and 1-5 notes each', () => {
    expect(chunk.people).toHaveLength(2000);
    expect(chunk.people.every((p) => p.profileKeys[0]!.startsWith('linkedin:in/'))).toBe(true);
    expect(chunk.people.some((p) => /^[\u4e00-\u9fff]{2,3}$/.test(p.name))).toBe(true);
    expect(chunk.people.some((p) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(p.name))).toBe(true);
    const perPerson = new Map<string, number>();
    for (const n of chunk.notes) perPerson.set(n.personId!, (perPerson.get(n.personId!) ?? 0) + 1);
    expect(perPerson.size).toBe(2000);
    expect(Math.min(...perPerson.values())).toBe(1);
    expect(Math.max(...perPerson.values())).toBe(5);
    expect(chunk.notes.length / 2000).toBeGreaterThan(2.7);
    expect(chunk.notes.length / 2000).toBeLessThan(3.3);
  });

  it('gives unique ids and profile keys, and a person to every note and entry', () => {
    const ids = [...chunk.people, ...chunk.notes, ...chunk.entries, ...chunk.companies].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = chunk.people.flatMap((p) => p.profileKeys);
    expect(new Set(keys).size).toBe(keys.length);
    const people = new Set(chunk.people.map((p) => p.id));
    const companies = new Set(chunk.companies.map((c) => c.id));
    expect(chunk.notes.every((n) => people.has(n.personId!))).toBe(true);
    expect(chunk.entries.every((e) => (e.personId ? people.has(e.personId) : companies.has(e.companyId!)))).toBe(true);
    expect(chunk.entries.filter((e) => e.personId)).toHaveLength(2000);
  });

  it('is deterministic and composes: [0, n) equals [0, k) + [k, n)', () => {
    const a = generateChunk(0, 700, options);
    const b = generateChunk(700, 2000, options);
    expect([...a.people, ...b.people]).toEqual(chunk.people);
    expect([...a.notes, ...b.notes]).toEqual(chunk.notes);
    expect([...a.entries, ...b.entries]).toEqual(chunk.entries);
    expect([...a.companies, ...b.companies]).toEqual(chunk.companies);
    expect(b.pipelines).toEqual([]);
  });

  it('is self-contained, so that it can run from its source text in an extension page', () => {
    const rebuilt = new Function('__name', `return (${generateChunk.toString()});`)((f: unknown) => f) as typeof generateChunk;
    expect(rebuilt(100, 200, options)).toEqual(generateChunk(100, 200, options));
  });
});
