import { useRef, useState } from 'react';
import type { Note } from '@/utils/schema';
import { send } from '@/utils/messaging/send';
import { relativeTime } from '@/utils/format/relative-time';
import { useCardEnv } from './CardContext';

export function CardNotes({ notes }: { notes: Note[] }) {
  const { t, act } = useCardEnv();
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const add = () => {
    const body = draft.trim();
    if (!body) return;
    void act((subject) => send({ type: 'addNote', subject, body })).then(() => {
      setDraft('');
      // The Add button disables itself when the draft empties; keep the keyboard user in the card.
      input.current?.focus();
    });
  };
  return (
    <section className="sb-section" aria-label={t('notes.add')}>
      <div className="sb-note-form">
        <textarea
          ref={input}
          data-testid="sb-note-input"
          placeholder={t('notes.placeholder')}
          aria-label={t('notes.placeholder')}
          rows={2}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) add();
          }}
        />
        <button type="button" data-testid="sb-note-add" className="sb-secondary" disabled={!draft.trim()} onClick={add}>
          {t('notes.add')}
        </button>
      </div>
      {notes.length > 0 && (
        <ul className="sb-notes">
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} />
          ))}
        </ul>
      )}
    </section>
  );
}

function NoteItem({ note }: { note: Note }) {
  const { t, act, lang } = useCardEnv();
  const [editing, setEditing] = useState<string>();
  const save = () => {
    const body = editing?.trim();
    if (!body || body === note.body) return setEditing(undefined);
    void act(() => send({ type: 'editNote', noteId: note.id, body })).then(() => setEditing(undefined));
  };
  return (
    <li data-testid="sb-note" className="sb-note">
      {editing === undefined ? (
        <>
          <p>{note.body}</p>
          <div className="sb-note-meta">
            <span className="sb-muted">
              {relativeTime(note.createdAt, lang)}
              {note.authorId ? ` · ${note.authorId}` : ''}
              {note.revisionOf ? ` · ${t('notes.edited')}` : ''}
            </span>
            <button type="button" className="sb-link" data-testid="sb-note-edit" onClick={() => setEditing(note.body)}>
              {t('notes.edit')}
            </button>
          </div>
        </>
      ) : (
        <div className="sb-note-form">
          <textarea
            data-testid="sb-note-edit-input"
            aria-label={t('notes.edit')}
            rows={3}
            value={editing}
            autoFocus
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) save();
              if (e.key === 'Escape') {
                e.stopPropagation();
                setEditing(undefined);
              }
            }}
          />
          <div className="sb-row-buttons">
            <button type="button" className="sb-link" onClick={() => setEditing(undefined)}>
              {t('notes.cancel')}
            </button>
            <button type="button" className="sb-secondary" data-testid="sb-note-save" onClick={save}>
              {t('notes.save')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
