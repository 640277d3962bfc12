import { useEffect, useRef, useState } from 'react';
import type { Person } from '@/utils/schema';
import { send } from '@/utils/messaging/send';
import { useCardEnv } from './CardContext';

export function CardTags({ person }: { person: Person }) {
  const { t, act } = useCardEnv();
  const [draft, setDraft] = useState('');
  // The newest list, including adds whose save has not come back yet: two quick Enters keep both tags.
  const latest = useRef(person.tags);
  useEffect(() => {
    latest.current = person.tags;
  }, [person.tags]);
  const save = (tags: string[]) => {
    latest.current = tags;
    return act(() => send({ type: 'setTags', personId: person.id, tags }));
  };
  return (
    <section className="sb-section" aria-label={t('tags.label')}>
      <div className="sb-section-title">{t('tags.label')}</div>
      <div className="sb-tags">
        {person.tags.map((tag) => (
          <span key={tag} className="sb-chip" data-testid="sb-tag">
            {tag}
            <button
              type="button"
              aria-label={t('tags.remove', { tag })}
              onClick={() => void save(latest.current.filter((x) => x !== tag))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          data-testid="sb-tag-input"
          className="sb-tag-input"
          placeholder={t('tags.placeholder')}
          aria-label={t('tags.placeholder')}
          value={draft}
          maxLength={60}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || !draft.trim()) return;
            e.preventDefault();
            const tag = draft.trim();
            setDraft('');
            void save([...latest.current, tag]);
          }}
        />
      </div>
    </section>
  );
}
