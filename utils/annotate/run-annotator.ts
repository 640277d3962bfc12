import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '../sites/adapter';
import { PageAnnotator } from './page-annotator';
import { listenToTabMessages } from './tab-messages';

/** What every site family's content script does: annotate this URL and every in-page navigation. */
export function runAnnotator(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  const annotator = new PageAnnotator(ctx, adapter);
  annotator.onUrl(location.href);
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => annotator.onUrl(newUrl.href));
  listenToTabMessages(ctx, annotator);
}
