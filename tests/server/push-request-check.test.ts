import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { personBatch } from '../../server/load/generator';
import { fastParse } from '../../server/record-check';
import { MAX_PUSH_BATCH, PushRequest } from '../../utils/sync/protocol';

const ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const CLOCK = '001732000000000:00003:laptop';

/** A push as the extension sends it, through JSON like the server receives it. */
function request(): Record<string, unknown> {
  const body = personBatch(3, 'laptop');
  body.mutations.push({ mutationId: ID, entity: 'note', id: ID, hlc: CLOCK, fields: { body: 'met at QCon', personId: ID, visibility: 'team' } });
  body.mutations.push({ mutationId: `${ID.slice(0, -1)}1`, entity: 'person', id: ID, hlc: CLOCK, fields: { headline: null, tags: [] } });
  return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}

/** Values that break each rule of PushRequest, or come close. */
const TRICKY: unknown[] = [
  undefined,
  null,
  '',
  'a',
  'A',
  'x'.repeat(32),
  'x'.repeat(33),
  ID,
  ID.toLowerCase(),
  `${ID}0`,
  CLOCK,
  '1732000000000:3:laptop',
  'person',
  'people',
  0,
  1.5,
  true,
  [],
  [{}],
  {},
  { name: 'x' },
  { id: ID },
  { updatedAt: CLOCK },
  { 'bad key': 1 },
  { ['__proto__']: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: 'x' },
  { ['9lives']: 1 },
  { ['x'.repeat(41)]: 1 },
  Object.assign(Object.create(null), { name: 'x' }),
];

/** zod's verdict and output, against which the compiled check is held. */
function byZod(value: unknown): { ok: boolean; data?: unknown } {
  const r = PushRequest.safeParse(value);
  return r.success ? { ok: true, data: r.data } : { ok: false };
}

/** The compiled check may refuse what zod accepts (zod then decides), never the other way round, and it outputs what zod outputs. */
function expectSound(value: unknown): boolean {
  const fast = fastParse(PushRequest, value);
  if (fast) {
    const zod = byZod(value);
    expect(zod.ok, JSON.stringify(value)).toBe(true);
    expect(fast.data).toStrictEqual(zod.data);
  }
  return fast !== undefined;
}

afterEach(() => vi.restoreAllMocks());

describe('compiled push request check (fastParse of PushRequest)', () => {
  it('checks a valid push without calling zod, and outputs what zod outputs', () => {
    const body = request();
    const expected = PushRequest.parse(body);
    const mutation = PushRequest.shape.mutations.element;
    const spies = [vi.spyOn(PushRequest, 'safeParse'), vi.spyOn(mutation, 'safeParse'), vi.spyOn(mutation.shape.fields, 'safeParse')];
    const fast = fastParse(PushRequest, body);
    expect(fast?.data).toStrictEqual(expected);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('drops unknown keys as zod does', () => {
    const body = request();
    (body as { extra?: number }).extra = 1;
    (body.mutations as Record<string, unknown>[])[0]!.extra = 'x';
    const fast = fastParse(PushRequest, body);
    expect(fast?.data).toStrictEqual(PushRequest.parse(body));
    expect(fast?.data).not.toHaveProperty('extra');
    expect((fast?.data as PushRequest).mutations[0]).not.toHaveProperty('extra');
  });

  it('agrees with zod when any one part of a push is set to an edge value', () => {
    let refused = 0;
    const disagreements: unknown[] = [];
    const check = (value: unknown, label: string) => {
      const fast = expectSound(value);
      if (!fast) refused += 1;
      if (fast !== byZod(value).ok) disagreements.push(label);
    };
    for (const value of TRICKY) {
      for (const key of ['clientId', 'mutations', 'extra']) {
        const body = request();
        body[key] = value;
        check(body, `${key} = ${JSON.stringify(value)}`);
      }
      for (const key of ['mutationId', 'entity', 'id', 'hlc', 'fields', 'extra']) {
        const body = request();
        (body.mutations as Record<string, unknown>[])[1]![key] = value;
        check(body, `mutation.${key} = ${JSON.stringify(value)}`);
      }
      const body = request();
      ((body.mutations as Record<string, unknown>[])[1]!.fields as Record<string, unknown>).name = value;
      check(body, `fields.name = ${JSON.stringify(value)}`);
    }
    const tooMany = request();
    tooMany.mutations = Array.from({ length: MAX_PUSH_BATCH + 1 }, () => (request().mutations as unknown[])[0]);
    check(tooMany, 'too many mutations');
    // The edge values do catch invalid pushes: the check is not just saying yes.
    expect(refused).toBeGreaterThan(100);
    // Where zod alone decides (odd keys such as __proto__ or constructor in fields), the two may differ, on the safe side only.
    for (const label of disagreements) expect(label).toMatch(/^mutation\.fields = .*(__proto__|constructor)|^mutation\.fields = \{"name":"x"\}$/);
  });

  it('never accepts a push zod refuses, whatever the values', () => {
    const anyValue = fc.oneof(fc.anything(), fc.constantFrom(...TRICKY), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('mutationId', 'entity', 'id', 'hlc', 'fields', 'clientId', 'field'), fc.string({ maxLength: 8 }), anyValue, (pick, part, name, value) => {
        const body = request();
        const mutation = (body.mutations as Record<string, unknown>[])[pick % 5]!;
        if (part === 'clientId') body.clientId = value;
        else if (part === 'field') (mutation.fields as Record<string, unknown>)[name] = value;
        else mutation[part] = value;
        expectSound(body);
      }),
      { numRuns: 3000 },
    );
  });
});
