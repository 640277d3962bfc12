import { listenToTabMessages } from '@/utils/annotate/tab-messages';
import { PageAnnotator } from '@/utils/annotate/page-annotator';
import { linkedinAdapter } from '@/utils/sites/linkedin/adapter';

export default defineContentScript({
  // The whole site: users reach a profile from the feed or a search without a page load.
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  // The card's CSS is inlined into its shadow root (page-annotator.tsx): the 'ui' mode would need a
  // web_accessible_resources entry, which sites use to detect extensions (DESIGN §4).
  cssInjectionMode: 'manual',
  main(ctx) {
    const annotator = new PageAnnotator(ctx, linkedinAdapter);
    annotator.onUrl(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => annotator.onUrl(newUrl.href));
    listenToTabMessages(ctx, annotator);
  },
});
