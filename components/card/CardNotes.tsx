import { useState } from 'react';
import type { Note } from '@/utils/schema';
import { send } from '@/utils/messaging/send';
import { relativeTime } from '@/utils/format/relative-time';
import type { Act } from './act';


export function CardNotes({ notes, act }: { notes: Note[]; act: Act }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const body = draft.trim();
    if (!body) return;
    void act((subject) => send({ type: 'addNote', subject, body })).then(() => setDraft(''));
  };
  return (
    <section className="sb-section" aria-label="Notes">
      <div className="sb-note-form">
        <textarea
          data-testid="sb-note-input"
          placeholder="Add a note…"
          rows={2}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) add();
          }}
        />
        <button type="button" data-testid="sb-note-add" className="sb-secondary" disabled={!draft.trim()} onClick={add}>
          Add note
        </button>
      </div>
      {notes.length > 0 && (
        <ul className="sb-notes">
          {notes.map((n) => (
            <li key={n.id} data-testid="sb-note" className="sb-note">
              <p>{n.body}</p>
              <span className="sb-muted">{relativeTime(n.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
