import type { Pipeline } from '@/utils/schema';
import { lastActivity } from '@/utils/pipelines/reminders';
import { isStaleEntry } from '@/utils/reminders/stale';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from './useNow';
import { useStaleAfterDays } from './useReminderSettings';
import './reminders.css';

type Entry = Parameters<typeof isStaleEntry>[0];

const DAY_MS = 86_400_000;

/** "Stale" on an open entry with no activity for longer than the setting; nothing otherwise. */
export function StaleBadge({ entry, pipeline }: { entry: Entry; pipeline: Pick<Pipeline, 'stages'> }) {
  const { t } = useI18n();
  const now = useNow();
  const days = useStaleAfterDays();
  if (!isStaleEntry(entry, pipeline, now, days)) return null;
  const idle = Math.floor((now - lastActivity(entry)) / DAY_MS);
  return (
    <span className="sb-stale" data-testid="sb-stale" title={t('reminder.staleTitle', { days: idle })}>
      {t('reminder.stale')} · {idle}d
    </span>
  );
}
