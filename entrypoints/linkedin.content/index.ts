import { runAnnotator } from '@/utils/annotate/run-annotator';
import { linkedinAdapter, SITE_MATCHES } from '@/utils/sites/registry';

export default defineContentScript({
  // The whole site: users reach a profile from the feed or a search without a page load.
  matches: [...SITE_MATCHES.linkedin],
  runAt: 'document_idle',
  // The card's CSS is inlined into its shadow root (page-annotator.tsx): the 'ui' mode would need a
  // web_accessible_resources entry, which sites use to detect extensions (DESIGN §4).
  cssInjectionMode: 'manual',
  main: (ctx) => runAnnotator(ctx, linkedinAdapter),
});
