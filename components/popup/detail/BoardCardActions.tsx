import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import type { Company, Person, Pipeline } from '@/utils/schema';
import { PitchCopy } from '../pitch/PitchCopy';
import { NextActionEditor } from '../reminders/NextActionEditor';
import { StaleBadge } from '../reminders/StaleBadge';
import { useI18n } from '../i18n/I18nProvider';
import { openPerson, openSheet } from './sheet-stack';
import './detail.css';

type BoardSubject = { person: Pick<Person, 'id' | 'name' | 'headline' | 'companyName'> } | { company: Pick<Company, 'name'> & { id: string } };

/**
 * What a kanban card offers besides moving: stale mark, next action, one-click pitch copy (for a
 * person), and the person's or account's details. Reads its own entry, so the board only passes ids.
 */
export function BoardCardActions({ entryId, pipeline, subject }: { entryId: string; pipeline: Pipeline; subject: BoardSubject }) {
  const { t } = useI18n();
  const entry = useLiveQuery(() => getDb().entries.get(entryId), [entryId]);
  if (!entry || entry.deleted) return null;
  const person = 'person' in subject ? subject.person : undefined;
  const name = person ? person.name : 'company' in subject ? subject.company.name : '';
  const open = () => ('person' in subject ? openPerson(subject.person.id) : openSheet({ kind: 'company', id: subject.company.id }));
  return (
    // Keys typed here (a date, Enter on a button) are not the card's Alt+arrow moves.
    <div className="sb-card-actions" onKeyDown={(e) => e.stopPropagation()} draggable={false} onDragStart={(e) => e.stopPropagation()}>
      <StaleBadge entry={entry} pipeline={pipeline} />
      <NextActionEditor key={entry.nextActionAt ?? 'none'} entryId={entry.id} nextActionAt={entry.nextActionAt} name={name} compact />
      {person && <PitchCopy pipeline={pipeline} entry={entry} person={person} />}
      <button type="button" className="linklike" data-testid="sb-open-detail" aria-label={t('detail.openOf', { name })} onClick={open}>
        {t('detail.open')}
      </button>
    </div>
  );
}
