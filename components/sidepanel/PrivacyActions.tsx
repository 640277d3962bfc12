import { useState } from 'react';
import { forgetPerson, subjectAccessExport } from '@/utils/backup/erasure';
import { getDb } from '@/utils/db/database';
import { writeFromPage } from '@/utils/db/page-writes';
import { downloadText } from '@/components/popup/download';
import type { Person } from '@/utils/schema';

/** PIPL / GDPR: everything held about one person, and erasure everywhere (a tombstone stays). */
export function PrivacyActions({ person }: { person: Person }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string>();
  return (
    <section className="sb-section" aria-label="Privacy">
      <div className="sb-section-title">Privacy</div>
      <button
        type="button"
        className="sb-link"
        data-testid="sb-subject-export"
        onClick={() =>
          void subjectAccessExport(getDb(), person.id).then((report) =>
            downloadText(`scoutbook-${person.id}.json`, JSON.stringify(report, null, 2), 'application/json'),
          )
        }
      >
        Download everything held about this person
      </button>
      {!confirming ? (
        <button type="button" className="sb-link" data-testid="sb-forget" onClick={() => setConfirming(true)}>
          Forget this person…
        </button>
      ) : (
        <div className="sb-warning" role="alertdialog" aria-label="Forget this person">
          Erase {person.name}, their notes and pipeline entries here and, when synced, on your team&apos;s server and devices?
          <div className="sb-row-buttons">
            <button type="button" className="sb-link" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="sb-secondary"
              data-testid="sb-forget-confirm"
              onClick={() =>
                void writeFromPage((store) => forgetPerson(store, person.id)).then(
                  () => setMessage('Forgotten. Only a tombstone remains.'),
                  (e: unknown) => setMessage((e as Error).message),
                )
              }
            >
              Forget
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role="status" data-testid="sb-forget-message">
          {message}
        </p>
      )}
    </section>
  );
}
