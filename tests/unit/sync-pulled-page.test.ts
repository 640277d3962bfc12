import { describe, expect, it } from 'vitest';
import { PulledPage, PullResponse } from '@/utils/sync/protocol';

/** The client's hand-written check of a pulled page (PulledPage) against the documented schema (PullResponse). */
const good = {
  entity: 'person',
  id: '01KAB000000000000000000001',
  seq: 7,
  data: { name: 'Jane Doe', profileKeys: ['linkedin:in/jane'] },
  clocks: { name: '001795300000000:00000:seed', profileKeys: '001795300000000:00001:seed' },
};

const bad: [string, Record<string, unknown>, RegExp][] = [
  ['an unknown entity', { ...good, entity: 'alien' }, /entity/],
  ['a missing entity', { ...good, entity: undefined }, /entity/],
  ['an id that is no ULID', { ...good, id: '01kab000000000000000000001' }, /ULID/],
  ['a seq of 0', { ...good, seq: 0 }, /seq/],
  ['a fractional seq', { ...good, seq: 1.5 }, /seq/],
  ['a seq as text', { ...good, seq: '7' }, /seq/],
  ['data as an array', { ...good, data: [] }, /data/],
  ['data missing', { ...good, data: undefined }, /data/],
  ['clocks as null', { ...good, clocks: null }, /clocks/],
  ['a clock that is no HLC', { ...good, clocks: { name: 'yesterday' } }, /clocks/],
  ['a clock as a number', { ...good, clocks: { name: 1795300000000 } }, /clocks/],
];

const page = (records: unknown[]) => ({ records, cursor: 7, hasMore: false });

describe('the pulled page check', () => {
  it('accepts a good page as the documented schema does', () => {
    expect(PullResponse.safeParse(page([good, good])).success).toBe(true);
    expect(PulledPage.parse(page([good, good]))).toEqual(page([good, good]));
  });

  it.each(bad)('refuses %s, as the documented schema does, and says which record and why', (_what, record, why) => {
    expect(PullResponse.safeParse(page([good, record])).success).toBe(false);
    const parsed = PulledPage.safeParse(page([good, record]));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['records', 1]);
    expect(parsed.error?.issues[0]?.message).toMatch(why);
  });

  it('refuses a record that is not an object, and a page without a cursor', () => {
    expect(PulledPage.safeParse(page([good, 'person'])).success).toBe(false);
    expect(PulledPage.safeParse({ records: [good], hasMore: false }).success).toBe(false);
  });
});
