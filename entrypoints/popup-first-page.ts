import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyFirstPage } from '@/components/popup/first-page-early';

/**
 * A classic script popup.html runs as soon as it is parsed, before its modules have loaded: it
 * starts reading the talent bank's first page (components/popup/first-page-early.ts).
 */
export default defineUnlistedScript(() => startEarlyFirstPage(indexedDB));
