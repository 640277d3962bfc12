import { useId, useState } from 'react';
import type { Note } from '@/utils/schema';
import { relativeTime } from '@/utils/format/relative-time';
import { send } from '@/utils/messaging/send';
import { dateTime } from './format';
import { useAction } from './useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from './ActionError';

/** Notes, newest first, with a box to add one (written by the background, like the card's). */
export function NotesPanel({ subject, notes }: { subject: { personId: string } | { companyId: string }; notes: readonly Note[] }) {
  const { t, lang } = useI18n();
  const [body, setBody] = useState('');
  const titleId = useId();
  const action = useAction();
  return (
    <section className="sb-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('detail.notes')}</h3>
      <form
        className="sb-note-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!body.trim()) return;
          void action.run(() => send({ type: 'addNote', subject, body: body.trim() })).then((ok) => ok && setBody(''));
        }}
      >
        <textarea
          data-testid="sb-detail-note-input"
          aria-label={t('detail.notePlaceholder')}
          placeholder={t('detail.notePlaceholder')}
          rows={2}
          maxLength={10_000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
          }}
        />
        <button type="submit" data-testid="sb-detail-note-add" disabled={action.busy || !body.trim()}>
          {t('detail.addNote')}
        </button>
        <ActionError error={action.error} message="detail.failed" inline />
      </form>
      {notes.length === 0 ? (
        <p className="hint">{t('detail.noNotes')}</p>
      ) : (
        <ul className="sb-notes" data-testid="sb-detail-notes">
          {notes.map((n) => (
            <li key={n.id} data-testid="sb-detail-note">
              <p className="sb-note-body">{n.body}</p>
              <span className="hint" title={dateTime(n.createdAt, lang)}>
                {[n.authorId, relativeTime(n.createdAt, lang)].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
