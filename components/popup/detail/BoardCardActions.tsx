import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import type { Person, Pipeline } from '@/utils/schema';
import { PitchCopy } from '../pitch/PitchCopy';
import { NextActionEditor } from '../reminders/NextActionEditor';
import { StaleBadge } from '../reminders/StaleBadge';
import { useI18n } from '../i18n/I18nProvider';
import { openPerson } from './sheet-stack';
import './detail.css';

/**
 * What a kanban card offers besides moving: stale mark, next action, one-click pitch copy, and the
 * person's details. Reads its own entry, so the board only passes ids.
 */
export function BoardCardActions({ entryId, pipeline, person }: { entryId: string; pipeline: Pipeline; person: Pick<Person, 'id' | 'name' | 'headline' | 'companyName'> }) {
  const { t } = useI18n();
  const entry = useLiveQuery(() => getDb().entries.get(entryId), [entryId]);
  if (!entry || entry.deleted) return null;
  return (
    // Keys typed here (a date, Enter on a button) are not the card's Alt+arrow moves.
    <div className="sb-card-actions" onKeyDown={(e) => e.stopPropagation()} draggable={false} onDragStart={(e) => e.stopPropagation()}>
      <StaleBadge entry={entry} pipeline={pipeline} />
      <NextActionEditor key={entry.nextActionAt ?? 'none'} entryId={entry.id} nextActionAt={entry.nextActionAt} name={person.name} compact />
      <PitchCopy pipeline={pipeline} entry={entry} person={person} />
      <button type="button" className="linklike" data-testid="sb-open-detail" aria-label={t('detail.openOf', { name: person.name })} onClick={() => openPerson(person.id)}>
        {t('detail.open')}
      </button>
    </div>
  );
}
