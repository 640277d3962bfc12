import { describe, expect, it } from 'vitest';
import { MAX_PULL_LIMIT } from '../../utils/sync/protocol';
import { useHarness } from './support/harness';
import { batch, mutation, hlc, newPerson } from './support/records';
import { STORE_KINDS } from './support/stores';

describe.each(STORE_KINDS)('pull ($name)', (kind) => {
  const h = useHarness(kind);

  it('returns every record exactly once across pages, in seq order', async () => {
    const token = await h.tokenFor('acme');
    const people = Array.from({ length: 7 }, (_, i) => newPerson(i + 1, `person-${i}`));
    await h.pushOk(token, batch(...people.slice(0, 4)));
    await h.pushOk(token, batch(...people.slice(4)));
    // An edit moves a record to the end of the sequence: it must not appear twice.
    await h.pushOk(token, batch(mutation('person', people[0]!.id, { headline: 'moved' }, hlc(20))));

    const seen: string[] = [];
    const seqs: number[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await h.pull(token, `?cursor=${cursor}&limit=3`);
      pages += 1;
      expect(page.records.length).toBeLessThanOrEqual(3);
      seen.push(...page.records.map((r) => r.id));
      seqs.push(...page.records.map((r) => r.seq));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(3);
    expect(seen.toSorted()).toEqual(people.map((p) => p.id).toSorted());
    expect(seqs).toEqual(seqs.toSorted((a, b) => a - b));
    expect(seen.at(-1)).toBe(people[0]!.id);
    expect(cursor).toBe(8);
  });

  it('keeps the cursor when nothing is new', async () => {
    const token = await h.tokenFor('acme');
    await h.pushOk(token, batch(newPerson(1)));
    expect(await h.pull(token, '?cursor=1')).toEqual({ records: [], cursor: 1, hasMore: false });
    expect(await h.pull(token, '?cursor=99')).toEqual({ records: [], cursor: 99, hasMore: false });
  });

  it('refuses a limit above the maximum and a cursor that is not a number', async () => {
    const token = await h.tokenFor('acme');
    const tooMany = await h.request(`/v1/sync/pull?limit=${MAX_PULL_LIMIT + 1}`, { token });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toContain('limit');
    const notNumber = await h.request('/v1/sync/pull?cursor=abc', { token });
    expect(notNumber.status).toBe(400);
    expect(JSON.stringify(await notNumber.json())).toContain('cursor');
  });
});
