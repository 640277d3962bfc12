import type { PopupData } from '@/components/popup/usePopupData';
import { talentRows } from '@/utils/export/talent-bank';
import type { Person } from '@/utils/schema';

/** Person `i` of a search test's bank; `updatedAt` ticks with `i` unless given. */
export function searchPerson(i: number, name = `Person ${i}`, updatedAt = `${String(1_763_700_000_000 + i).padStart(15, '0')}:00000:test`): Person {
  return {
    id: `01KAB${String(i).padStart(21, '0')}`,
    name,
    profileKeys: [`linkedin:in/p${i}`],
    status: 'active',
    tags: [],
    emails: [],
    phones: [],
    createdAt: 1_763_700_000_000,
    updatedAt,
    deleted: false,
  } as Person;
}

/** What usePopupData gives once the whole bank has loaded. */
export const bankOf = (people: Person[]): PopupData => ({ rows: talentRows(people, [], []), pipelines: [], complete: true });
