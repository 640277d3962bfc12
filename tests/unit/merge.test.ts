import { describe, expect, it } from 'vitest';
import { formatHlc } from '@/utils/sync/hlc';
import { fieldsAt, mergeFields, type FieldState } from '@/utils/sync/merge';

const at = (ms: number, node = 'a') => formatHlc({ ms, counter: 0, node });

describe('per-field last-writer-wins', () => {
  const base: FieldState = fieldsAt({ name: 'Jane', headline: 'Engineer', location: 'Berlin' }, at(1));

  it('two clients editing different fields converge to both edits, in either order', () => {
    const a = fieldsAt({ headline: 'Staff Engineer' }, at(5, 'a'));
    const b = fieldsAt({ location: 'Munich' }, at(6, 'b'));
    const ab = mergeFields(mergeFields(base, a), b);
    const ba = mergeFields(mergeFields(base, b), a);
    expect(ab.data).toEqual({ name: 'Jane', headline: 'Staff Engineer', location: 'Munich' });
    expect(ba.data).toEqual(ab.data);
    expect(ba.clocks).toEqual(ab.clocks);
  });

  it('on the same field the later clock wins whatever the arrival order; the node breaks ties', () => {
    const early = fieldsAt({ headline: 'A' }, at(5, 'z'));
    const late = fieldsAt({ headline: 'B' }, at(6, 'a'));
    expect(mergeFields(mergeFields(base, early), late).data.headline).toBe('B');
    expect(mergeFields(mergeFields(base, late), early).data.headline).toBe('B');
    const tieA = fieldsAt({ headline: 'from a' }, at(7, 'a'));
    const tieB = fieldsAt({ headline: 'from b' }, at(7, 'b'));
    expect(mergeFields(mergeFields(base, tieA), tieB).data.headline).toBe('from b');
    expect(mergeFields(mergeFields(base, tieB), tieA).data.headline).toBe('from b');
  });

  it('applying the same change twice changes nothing the second time', () => {
    const change = fieldsAt({ headline: 'X' }, at(9));
    const once = mergeFields(base, change);
    const twice = mergeFields(once, change);
    expect(once.changedFields).toEqual(['headline']);
    expect(twice.changedFields).toEqual([]);
    expect(twice.data).toEqual(once.data);
  });

  it('null unsets a field', () => {
    const r = mergeFields(base, fieldsAt({ location: null }, at(9)));
    expect(r.data).not.toHaveProperty('location');
    expect(r.clocks.location).toBe(at(9));
  });
});
