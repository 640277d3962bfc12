import { runAnnotator } from '@/utils/annotate/run-annotator';
import { maimaiAdapter, SITE_MATCHES } from '@/utils/sites/registry';

export default defineContentScript({
  matches: [...SITE_MATCHES.maimai],
  runAt: 'document_idle',
  cssInjectionMode: 'manual', // see linkedin.content
  main: (ctx) => runAnnotator(ctx, maimaiAdapter),
});
