import { describe, expect, it } from 'vitest';
import { importIntel, INTEL_LOOKUP_LIMIT } from '../../server/store/intel';
import { ensureTeam } from '../../server/store/teams';
import type { IntelImportItem, IntelItem } from '../../utils/schema';
import { useHarness } from './support/harness';
import { STORE_KINDS } from './support/stores';

function item(n: number, over: Partial<IntelImportItem> = {}): IntelImportItem {
  return {
    companyName: 'Acme Robotics',
    type: 'news',
    title: `Story ${n}`,
    url: `https://news.example/${n}`,
    publishedAt: `2025-03-${String(n).padStart(2, '0')}T08:00:00+08:00`,
    ...over,
  };
}

describe.each(STORE_KINDS)('intel ($name)', (kind) => {
  const h = useHarness(kind);

  async function lookup(token: string, query: string): Promise<IntelItem[]> {
    const res = await h.request(`/v1/intel?${query}`, { token });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: IntelItem[] }).items;
  }

  it('finds items by key or by name in any case, newest first', async () => {
    const token = await h.tokenFor('acme');
    const team = await ensureTeam(h.store.db, 'acme');
    await importIntel(h.store.db, team.id, [
      item(1),
      item(3, { companyName: 'Other Co', companyKey: 'linkedin:company/acme-robotics', type: 'funding', summary: 'Series B', source: '36Kr' }),
      item(2, { companyName: '  ACME robotics ' }),
      item(4, { companyName: 'Unrelated' }),
    ]);
    const items = await lookup(token, 'companyKey=linkedin:company/acme-robotics&companyName=acme%20ROBOTICS');
    expect(items.map((i) => i.title)).toEqual(['Story 3', 'Story 2', 'Story 1']);
    expect(items[0]).toMatchObject({ type: 'funding', summary: 'Series B', source: '36Kr', publishedAt: '2025-03-03T00:00:00.000Z' });
    expect(items[1]).not.toHaveProperty('companyKey');
    expect((await lookup(token, 'companyName=unrelated')).map((i) => i.title)).toEqual(['Story 4']);
  });

  it('orders by instant, whatever offset an item was published with', async () => {
    const token = await h.tokenFor('acme');
    const team = await ensureTeam(h.store.db, 'acme');
    await importIntel(h.store.db, team.id, [
      item(1, { publishedAt: '2025-03-01T09:00:00+08:00' }), // 01:00Z
      item(2, { publishedAt: '2025-03-01T02:00:00Z' }),
    ]);
    expect((await lookup(token, 'companyName=Acme Robotics')).map((i) => i.title)).toEqual(['Story 2', 'Story 1']);
  });

  it('does not duplicate an item imported twice', async () => {
    const team = await ensureTeam(h.store.db, 'acme');
    expect(await importIntel(h.store.db, team.id, [item(1), item(2)])).toEqual({ inserted: 2, present: 0 });
    expect(await importIntel(h.store.db, team.id, [item(2), item(3)])).toEqual({ inserted: 1, present: 1 });
    expect(await h.store.db.selectFrom('intel_items').selectAll().execute()).toHaveLength(3);
  });

  it(`returns at most ${INTEL_LOOKUP_LIMIT} items`, async () => {
    const token = await h.tokenFor('acme');
    const team = await ensureTeam(h.store.db, 'acme');
    const many = Array.from({ length: INTEL_LOOKUP_LIMIT + 5 }, (_, i) =>
      item(1, { url: `https://news.example/many/${i}`, publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString() }),
    );
    await importIntel(h.store.db, team.id, many);
    const items = await lookup(token, 'companyName=acme robotics');
    expect(items).toHaveLength(INTEL_LOOKUP_LIMIT);
    expect(items[0]?.url).toBe(`https://news.example/many/${INTEL_LOOKUP_LIMIT + 4}`);
  });

  it('asks for a key or a name', async () => {
    const token = await h.tokenFor('acme');
    const res = await h.request('/v1/intel', { token });
    expect(res.status).toBe(400);
    const bad = await h.request('/v1/intel?companyKey=not-a-key', { token });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('companyKey');
  });
});
