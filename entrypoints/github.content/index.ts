import { runAnnotator } from '@/utils/annotate/run-annotator';
import { githubAdapter, SITE_MATCHES } from '@/utils/sites/registry';

export default defineContentScript({
  matches: [...SITE_MATCHES.github],
  runAt: 'document_idle',
  cssInjectionMode: 'manual', // see linkedin.content
  main: (ctx) => runAnnotator(ctx, githubAdapter),
});
