import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TabMessage, type CurrentPage } from '../messaging/protocol';
import { isOwnExtension } from '../messaging/sender';
import type { PageAnnotator } from './page-annotator';

/** What the background and the side panel may ask of a content script; parsed, sender-checked. */
export function listenToTabMessages(ctx: ContentScriptContext, annotator: PageAnnotator): void {
  const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
    if (!isOwnExtension(sender)) return false;
    const parsed = TabMessage.safeParse(raw);
    if (!parsed.success) return false;
    switch (parsed.data.type) {
      case 'changed':
        annotator.refresh();
        return false;
      case 'saveCurrent':
        annotator.saveCurrent().then(
          (saved) => sendResponse({ saved }),
          (e: unknown) => sendResponse({ saved: false, error: (e as Error).message }),
        );
        return true;
      case 'currentPage': {
        const page = annotator.currentPage();
        const answer: CurrentPage | null = page
          ? { target: page.target, [page.target.kind]: page.extracted }
          : null;
        sendResponse(answer);
        return false;
      }
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
