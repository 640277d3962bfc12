import { describe, expect, it } from 'vitest';
import { importIntel } from '../../server/store/intel';
import { findTeam } from '../../server/store/teams';
import { useHarness } from './support/harness';
import { batch, hlc, mutation, newPerson } from './support/records';
import { STORE_KINDS } from './support/stores';

describe.each(STORE_KINDS)('team isolation ($name)', (kind) => {
  const h = useHarness(kind);

  it("never shows one team's records to another", async () => {
    const a = await h.tokenFor('team-a');
    const b = await h.tokenFor('team-b');
    await h.pushOk(b, batch(newPerson(1, 'b-only')));
    expect(await h.pull(a)).toEqual({ records: [], cursor: 0, hasMore: false });
    expect((await h.pull(b)).records).toHaveLength(1);
  });

  it("keeps a record of the same id separate and leaves the other team's untouched", async () => {
    const a = await h.tokenFor('team-a');
    const b = await h.tokenFor('team-b');
    const bPerson = newPerson(1, 'shared', 'Person of B');
    await h.pushOk(b, batch(bPerson));
    const sameId = mutation('person', bPerson.id, { ...bPerson.fields, name: 'Person of A' }, hlc(5));
    expect(await h.pushOk(a, batch(sameId))).toEqual({ applied: 1, duplicates: 0, seq: 1 });
    // Even a replayed mutation id is counted per team.
    expect(await h.pushOk(a, batch({ ...bPerson, fields: { headline: 'x' }, hlc: hlc(6) }))).toMatchObject({ applied: 1 });

    const [fromA] = (await h.pull(a)).records;
    const [fromB] = (await h.pull(b)).records;
    expect(fromA?.data).toMatchObject({ name: 'Person of A', headline: 'x' });
    expect(fromB?.data).toMatchObject({ name: 'Person of B' });
    expect(fromB?.data).not.toHaveProperty('headline');
    expect(fromB?.seq).toBe(1);
  });

  it("never shows one team's intel to another", async () => {
    const a = await h.tokenFor('team-a');
    await h.tokenFor('team-b');
    const teamB = await findTeam(h.store.db, 'team-b');
    await importIntel(h.store.db, teamB!.id, [
      { companyName: 'Acme', companyKey: 'linkedin:company/acme', type: 'funding', title: 'Acme raises B', url: 'https://news.example/acme-b', publishedAt: '2025-01-02T00:00:00Z' },
    ]);
    const res = await h.request('/v1/intel?companyKey=linkedin:company/acme&companyName=Acme', { token: a });
    expect(await res.json()).toEqual({ items: [] });
  });
});
