// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useSearch } from '@/components/popup/useSearch';
import { bankOf, searchPerson as person } from './search-bank';

/** Counts the sliced index builds and the one-by-one index updates the hook asks the engine for. */
const work = vi.hoisted(() => ({ builds: 0, updates: 0 }));
vi.mock('@/utils/search', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/utils/search')>();
  return {
    ...actual,
    buildIndexAsync: (...args: Parameters<typeof actual.buildIndexAsync>) => {
      work.builds++;
      return actual.buildIndexAsync(...args);
    },
    updateIndex: (...args: Parameters<typeof actual.updateIndex>) => {
      work.updates++;
      return actual.updateIndex(...args);
    },
  };
});


describe('the search index after a bulk change (an import)', () => {
  it('is built again in slices rather than updated person by person in one task, and finds the new people', async () => {
    const people = Array.from({ length: 20 }, (_, i) => person(i));
    const { result, rerender } = renderHook(({ data, query }) => useSearch(data, query), { initialProps: { data: bankOf(people), query: '' } });
    await waitFor(() => expect(work.builds).toBe(1));
    // A small change is an update in place: no new build.
    rerender({ data: bankOf([person(0, 'Renamed Zhou', `${String(1_763_700_000_001).padStart(15, '0')}:00000:test`), ...people.slice(1)]), query: 'Renamed' });
    await waitFor(() => expect(result.current.map((r) => r.person.name)).toEqual(['Renamed Zhou']));
    expect(work.builds).toBe(1);

    // 3,000 people imported at once.
    const imported = Array.from({ length: 3000 }, (_, i) => person(1000 + i, i === 2999 ? 'Imported Qian' : `Imported ${i}`));
    work.updates = 0;
    rerender({ data: bankOf([...imported, ...people]), query: '' });
    await waitFor(() => expect(work.builds).toBe(2));
    expect(work.updates).toBe(0);
    rerender({ data: bankOf([...imported, ...people]), query: 'Imported Qian' });
    await waitFor(() => expect(result.current.map((r) => r.person.name)).toEqual(['Imported Qian']));
  });
});
