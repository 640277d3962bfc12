import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type StoredCompany } from '@/utils/db/database';

/** A company (account) at a stage of a sales pipeline: what the board shows beside the people. */
export interface AccountCard {
  entryId: string;
  stageId: string;
  company: StoredCompany;
}

const NONE: readonly AccountCard[] = [];

/**
 * The accounts in one pipeline, read by the pipeline's own index (the talent-bank rows the board
 * gets hold people only). Live: a stage move or a company saved from a page shows at once.
 */
export function useAccountCards(pipelineId: string | undefined): readonly AccountCard[] {
  return (
    useLiveQuery(
      async () => {
        if (!pipelineId) return NONE;
        const db = getDb();
        const entries = await db.entries
          .where('[pipelineId+stageId]')
          .between([pipelineId, Dexie.minKey], [pipelineId, Dexie.maxKey])
          .filter((e) => !e.deleted && e.companyId !== undefined)
          .toArray();
        if (!entries.length) return NONE;
        const companies = await db.companies.bulkGet(entries.map((e) => e.companyId!));
        return entries.flatMap((e, i) => {
          const company = companies[i];
          return company && !company.deleted ? [{ entryId: e.id, stageId: e.stageId, company }] : [];
        });
      },
      [pipelineId],
    ) ?? NONE
  );
}

/** Accounts whose name (or legal name) holds the search text; all of them when nothing is typed. */
export function matchingAccounts(cards: readonly AccountCard[], query: string): readonly AccountCard[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return cards;
  return cards.filter((c) => [c.company.name, c.company.legalName].some((n) => n?.toLocaleLowerCase().includes(q)));
}
