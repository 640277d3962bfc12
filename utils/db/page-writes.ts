import { send } from '../messaging/send';
import { getDb } from './database';
import { openStore, type Store } from './store';

let pageStore: Promise<Store> | undefined;

/**
 * Large writes made from this page (an import, a restore, an erasure): they run here, with this
 * page's own clock node, and the background is told afterwards so open cards update and sync runs.
 */
export async function writeFromPage<T>(work: (store: Store) => Promise<T>): Promise<T> {
  pageStore ??= openStore(getDb(), Date.now, 'page');
  const result = await work(await pageStore);
  // The write is committed: a background that cannot be told right now (restarting) must not make
  // it look failed, which would hide its undo. Sync still picks it up on its next round.
  await send({ type: 'localChanges' }).catch((e: unknown) => console.warn('[scoutbook] the background did not hear of a page write:', e));
  return result;
}
