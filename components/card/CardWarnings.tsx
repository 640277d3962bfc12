import type { Warning } from '@/utils/messaging/protocol';
import { useCardEnv } from './CardContext';

export function CardWarnings({ warnings }: { warnings: Warning[] }) {
  const { t } = useCardEnv();
  return warnings.map((w, i) => (
    <div key={i} data-testid="sb-warning" className={`sb-warning sb-warning-${w.kind}`} role="alert">
      {w.kind === 'homonym'
        ? t('warning.homonym', { name: w.name, headline: w.headline ? ` (${w.headline})` : '' })
        : t('warning.owned', { owner: w.owner, pipeline: w.pipelineName, stage: w.stageName })}
    </div>
  ));
}
