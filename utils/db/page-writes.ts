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
  await send({ type: 'localChanges' });
  return result;
}
