import { ulid } from 'ulidx';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../utils/sync/hlc';
import { useHarness, type Harness } from './support/harness';
import { batch, hlc, mutation, newPerson, personFields } from './support/records';
import { STORE_KINDS } from './support/stores';

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

async function teamSeq(h: Harness): Promise<number> {
  return (await h.store.db.selectFrom('teams').select('seq').executeTakeFirstOrThrow()).seq;
}

describe.each(STORE_KINDS)('push ($name)', (kind) => {
  const h = useHarness(kind);

  it('applies a batch and returns the new seq', async () => {
    const token = await h.tokenFor('acme');
    const result = await h.pushOk(token, batch(newPerson(1, 'a'), newPerson(2, 'b')));
    expect(result).toEqual({ applied: 2, duplicates: 0, seq: 2 });
    const pulled = await h.pull(token);
    expect(pulled.records.map((r) => r.seq)).toEqual([1, 2]);
    expect(pulled.records[0]?.data).toMatchObject({ name: 'Jane Doe', updatedAt: hlc(1) });
  });

  it('answers malformed JSON with 400 and writes nothing', async () => {
    const token = await h.tokenFor('acme');
    const res = await h.push(token, '{"clientId": "x", "mutations": [');
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: 'invalid_json', message: 'request body is not valid JSON' });
    expect(await teamSeq(h)).toBe(0);
    expect((await h.pull(token)).records).toEqual([]);
  });

  it('answers a body that breaks the protocol schema with 400 naming the field', async () => {
    const token = await h.tokenFor('acme');
    const bad = batch(newPerson(1), { ...newPerson(2), hlc: 'yesterday' });
    const res = await h.push(token, bad);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('mutations.1.hlc');
    expect((await h.pull(token)).records).toEqual([]);
  });

  it('writes none of a batch whose third mutation makes an invalid record', async () => {
    const token = await h.tokenFor('acme');
    const invalid = mutation('person', ulid(), { ...personFields('c'), name: '' }, hlc(3));
    const res = await h.push(token, batch(newPerson(1, 'a'), newPerson(2, 'b'), invalid, newPerson(4, 'd')));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: 'invalid_record',
      message: `mutation 3 (person ${invalid.id}): name: name is required`,
    });
    expect((await h.pull(token)).records).toEqual([]);
    expect(await teamSeq(h)).toBe(0);
    expect(await h.store.db.selectFrom('applied_mutations').selectAll().execute()).toEqual([]);
  });

  it('refuses a partial record that does not exist yet', async () => {
    const token = await h.tokenFor('acme');
    const res = await h.push(token, batch(mutation('person', ulid(), { headline: 'CTO' }, hlc(1))));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain('name');
  });

  it('refuses private notes, whatever else the batch holds', async () => {
    const token = await h.tokenFor('acme');
    const person = newPerson(1);
    const note = mutation('note', ulid(), { personId: person.id, body: 'my secret', visibility: 'private', createdAt: 1 }, hlc(2));
    const res = await h.push(token, batch(person, note));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('private_note');
    expect((await h.pull(token)).records).toEqual([]);
    expect(h.logged.join('\n')).not.toContain('my secret');
  });

  it('accepts team notes', async () => {
    const token = await h.tokenFor('acme');
    const person = newPerson(1);
    const note = mutation('note', ulid(), { personId: person.id, body: 'met at QCon', createdAt: 1 }, hlc(2));
    expect(await h.pushOk(token, batch(person, note))).toMatchObject({ applied: 2 });
  });

  it('refuses a clock more than a day ahead', async () => {
    const token = await h.tokenFor('acme');
    const ahead = formatHlc({ ms: h.now.getTime() + 2 * 86_400_000, counter: 0, node: 'a' });
    const res = await h.push(token, batch(mutation('person', ulid(), personFields(), ahead)));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('clock_ahead');
  });

  it('applies a replayed batch once', async () => {
    const token = await h.tokenFor('acme');
    const body = batch(newPerson(1, 'a'), newPerson(2, 'b'));
    expect(await h.pushOk(token, body)).toEqual({ applied: 2, duplicates: 0, seq: 2 });
    expect(await h.pushOk(token, body)).toEqual({ applied: 0, duplicates: 2, seq: 2 });
    const pulled = await h.pull(token);
    expect(pulled.records).toHaveLength(2);
    expect(pulled.cursor).toBe(2);
  });

  it('keeps both fields when two clients edit different fields', async () => {
    const token = await h.tokenFor('acme');
    const created = newPerson(1);
    await h.pushOk(token, batch(created));
    await h.pushOk(token, batch(mutation('person', created.id, { headline: 'CTO at Acme' }, hlc(10, 'laptop'))));
    await h.pushOk(token, batch(mutation('person', created.id, { location: 'Shanghai' }, hlc(5, 'phone'))));
    const [record] = (await h.pull(token)).records;
    expect(record?.data).toMatchObject({ name: 'Jane Doe', headline: 'CTO at Acme', location: 'Shanghai', updatedAt: hlc(10, 'laptop') });
    expect(record?.clocks).toMatchObject({ headline: hlc(10, 'laptop'), location: hlc(5, 'phone'), name: hlc(1) });
  });

  it.each([
    ['older first', [0, 1]],
    ['newer first', [1, 0]],
  ])('lets the higher clock win on the same field (%s)', async (_label, order) => {
    const token = await h.tokenFor('acme');
    const created = newPerson(1);
    await h.pushOk(token, batch(created));
    const edits = [
      mutation('person', created.id, { headline: 'older' }, hlc(5, 'phone')),
      mutation('person', created.id, { headline: 'newer' }, hlc(6, 'laptop')),
    ];
    for (const i of order) await h.pushOk(token, batch(edits[i]!));
    const [record] = (await h.pull(token)).records;
    expect(record?.data.headline).toBe('newer');
    expect(record?.clocks.headline).toBe(hlc(6, 'laptop'));
  });

  it('does not advance seq for a change that loses every field', async () => {
    const token = await h.tokenFor('acme');
    const created = newPerson(5);
    await h.pushOk(token, batch(created));
    const stale = await h.pushOk(token, batch(mutation('person', created.id, { name: 'Old Name' }, hlc(1))));
    expect(stale).toEqual({ applied: 1, duplicates: 0, seq: 1 });
    expect((await h.pull(token)).records[0]?.data.name).toBe('Jane Doe');
  });

  it('unsets a field sent as null', async () => {
    const token = await h.tokenFor('acme');
    const created = mutation('person', ulid(), { ...personFields(), headline: 'CTO' }, hlc(1));
    await h.pushOk(token, batch(created));
    await h.pushOk(token, batch(mutation('person', created.id, { headline: null }, hlc(2))));
    const [record] = (await h.pull(token)).records;
    expect(record?.data).not.toHaveProperty('headline');
    expect(record?.clocks.headline).toBe(hlc(2));
  });

  it('accepts a tombstone that erases the content ("forget this person")', async () => {
    const token = await h.tokenFor('acme');
    const created = newPerson(1);
    await h.pushOk(token, batch(created));
    const erase = Object.fromEntries(Object.keys(personFields()).map((k) => [k, null]));
    await h.pushOk(token, batch(mutation('person', created.id, { ...erase, deleted: true }, hlc(2))));
    const [record] = (await h.pull(token)).records;
    expect(record?.data).toEqual({ id: created.id, deleted: true, updatedAt: hlc(2) });
    const row = await h.store.db.selectFrom('records').select('deleted').executeTakeFirstOrThrow();
    expect(row.deleted).toBe(1);
  });

  it('loses no field when concurrent pushes edit one record', async () => {
    const token = await h.tokenFor('acme');
    const created = newPerson(1);
    await h.pushOk(token, batch(created));
    const fields = ['headline', 'location', 'companyName', 'ownerId', 'industry', 'nickname'];
    await Promise.all(fields.map((f, i) => h.pushOk(token, batch(mutation('person', created.id, { [f]: `${f} value` }, hlc(10 + i))))));
    const [record] = (await h.pull(token)).records;
    for (const f of fields) expect(record?.data[f]).toBe(`${f} value`);
    expect(record?.seq).toBe(1 + fields.length);
  });

  it('gives concurrent pushes of one team distinct, gap-free sequence numbers', async () => {
    const token = await h.tokenFor('acme');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => h.pushOk(token, batch(newPerson(i, `p${i}a`), newPerson(i, `p${i}b`)))),
    );
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual([2, 4, 6, 8, 10, 12]);
    const pulled = await h.pull(token);
    expect(pulled.records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
