import { useState } from 'react';
import type { Person, PersonStatus } from '@/utils/schema';
import { send } from '@/utils/messaging/send';
import { useAction } from './useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from './ActionError';
import { StatusOptions } from '../StatusOptions';

/** Talent-bank status and tags of a person, saved through the background like the card's. */
export function StatusTags({ person }: { person: Pick<Person, 'id' | 'status' | 'tags'> }) {
  const { t } = useI18n();
  const [tag, setTag] = useState('');
  const action = useAction();
  const setTags = (tags: string[]) => action.run(() => send({ type: 'setTags', personId: person.id, tags }));
  return (
    <div className="sb-status-tags">
      <label className="field inline">
        <span>{t('detail.status')}</span>
        <select
          data-testid="sb-detail-status"
          value={person.status}
          onChange={(e) => void action.run(() => send({ type: 'setStatus', personId: person.id, status: e.target.value as PersonStatus }))}
        >
          <StatusOptions />
        </select>
      </label>
      <div className="sb-tags" role="group" aria-label={t('detail.tags')}>
        <span className="sb-label">{t('detail.tags')}</span>
        {person.tags.map((tg) => (
          <span key={tg} className="chip" data-testid="sb-detail-tag">
            {tg}
            <button type="button" aria-label={t('detail.removeTag', { tag: tg })} onClick={() => void setTags(person.tags.filter((x) => x !== tg))}>
              ×
            </button>
          </span>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!tag.trim()) return;
            void setTags([...person.tags, tag.trim()]).then((ok) => ok && setTag(''));
          }}
        >
          <input data-testid="sb-detail-tag-input" aria-label={t('detail.addTag')} placeholder={`+ ${t('detail.addTag')}`} value={tag} maxLength={60} onChange={(e) => setTag(e.target.value)} />
        </form>
      </div>
      <ActionError error={action.error} message="detail.failed" />
    </div>
  );
}
