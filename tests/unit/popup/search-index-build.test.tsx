// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useSearch } from '@/components/popup/useSearch';
import { bankOf, searchPerson as person } from './search-bank';

/** Lets the test decide when the (real) index build proceeds, and counts the builds started. */
const gate = vi.hoisted(() => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
});
const build = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@/utils/search', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/utils/search')>();
  return {
    ...actual,
    buildIndexAsync: async (...args: Parameters<typeof actual.buildIndexAsync>) => {
      build.calls++;
      await gate.opened;
      return actual.buildIndexAsync(...args);
    },
  };
});


describe('the search index of the popup', () => {
  it('is built once while the bank keeps changing, and the changes made during the build are found', async () => {
    const people = Array.from({ length: 50 }, (_, i) => person(i));
    const { result, rerender } = renderHook(({ data, query }) => useSearch(data, query), {
      initialProps: { data: bankOf(people), query: '' },
    });
    await waitFor(() => expect(build.calls).toBe(1));

    // Stage moves and edits arrive while the index is being built: each gives the popup new rows.
    for (let k = 1; k <= 3; k++) {
      people[0] = person(0, `Renamed ${k} Zhou`, `${String(1_763_800_000_000 + k).padStart(15, '0')}:00000:test`);
      rerender({ data: bankOf([...people]), query: '' });
    }
    act(() => gate.open());

    rerender({ data: bankOf([...people]), query: 'Renamed 3' });
    await waitFor(() => expect(result.current.map((r) => r.person.name)).toEqual(['Renamed 3 Zhou']));
    expect(build.calls).toBe(1);
    // The build is announced once, with the people it indexed (the keystroke benchmark waits for it).
    expect(performance.getEntriesByName('scoutbook:search-index-built').map((m) => (m as PerformanceMark).detail)).toEqual([{ people: 50 }]);
  });
});
