import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import { dayBounds } from '@/utils/pipelines/reminders';
import { entriesDueBefore } from '@/utils/reminders/due-list';
import { openSheet } from '../detail/sheet-stack';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from '../reminders/useNow';
import './manage.css';

/** The Pipelines tab's tools: today's follow-ups (with their count), pitch templates, pipeline management. */
export function PipelineTools({ pipelineId }: { pipelineId?: string }) {
  const { t } = useI18n();
  const now = useNow();
  const due = useLiveQuery(() => entriesDueBefore(getDb(), dayBounds(now)[1]).then((rows) => rows.length), [now]) ?? 0;
  return (
    <div className="sb-tools" role="toolbar" aria-label={t('tools.label')}>
      <button type="button" className={due ? 'sb-tools-due has-due' : 'sb-tools-due'} data-testid="sb-open-due" onClick={() => openSheet({ kind: 'due' })}>
        {due ? t('tools.dueCount', { count: due }) : t('tools.due')}
      </button>
      <button type="button" data-testid="sb-open-pitches" onClick={() => openSheet({ kind: 'pitches', pipelineId })}>
        {t('tools.pitches')}
      </button>
      <button type="button" data-testid="sb-open-manage" onClick={() => openSheet({ kind: 'manage' })}>
        {t('tools.manage')}
      </button>
    </div>
  );
}
