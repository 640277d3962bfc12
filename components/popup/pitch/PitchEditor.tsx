import { useRef, useState } from 'react';
import { writeFromPage } from '@/utils/db/page-writes';
import { PITCH_VARIABLES, renderPitch, templateVariables, type PitchVariable } from '@/utils/pipelines/pitch';
import { createPitch, updatePitch } from '@/utils/pipelines/pitch-store';
import type { Pipeline } from '@/utils/schema';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { copyText } from './copy-text';
import { usePreviewPeople } from './usePreviewPeople';
import { useMyName } from './usePitches';
import { samplePerson } from './sample-person';
import { ActionError } from '../detail/ActionError';

export interface PitchDraftState {
  id?: string;
  name: string;
  body: string;
}

/** Write or edit a template, with a live preview filled from someone in the pipeline. */
export function PitchEditor({ pipeline, draft, onDone }: { pipeline: Pipeline; draft: PitchDraftState; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState(draft.name);
  const [body, setBody] = useState(draft.body);
  const [subjectId, setSubjectId] = useState('');
  const [copied, setCopied] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const people = usePreviewPeople(pipeline.id);
  const myName = useMyName();
  const action = useAction();

  const subject = people.find((p) => p.id === subjectId)?.context ?? people[0]?.context ?? samplePerson(lang);
  const preview = renderPitch(body, { ...subject, pipeline, myName });
  const { unknown } = templateVariables(body);

  const insert = (variable: PitchVariable) => {
    const area = bodyRef.current;
    const token = `{{${variable}}}`;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = () =>
    action
      .run(() =>
        writeFromPage(async (store) => {
          if (draft.id) await updatePitch(store.db, draft.id, { name, body });
          else await createPitch(store.db, pipeline.id, { name, body });
        }),
      )
      .then((ok) => ok && onDone());

  return (
    <form
      className="sb-pitch-editor"
      data-testid="sb-pitch-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>{t('pitch.name')}</span>
        <input data-testid="sb-pitch-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('pitch.body')}</span>
        <textarea ref={bodyRef} data-testid="sb-pitch-body" rows={6} value={body} maxLength={5000} onChange={(e) => setBody(e.target.value)} />
      </label>
      <div className="sb-pitch-vars" role="group" aria-label={t('pitch.variables')}>
        <span>{t('pitch.variables')}</span>
        {PITCH_VARIABLES.map((v) => (
          <button key={v} type="button" className="chip" onClick={() => insert(v)}>
            {`{{${v}}}`}
          </button>
        ))}
      </div>
      {unknown.length > 0 && (
        <p className="error" role="alert" data-testid="sb-pitch-unknown">
          {t('pitch.unknown', { names: unknown.map((u) => `{{${u}}}`).join(', ') })}
        </p>
      )}
      <section className="sb-pitch-preview" aria-label={t('pitch.preview')}>
        <div className="sb-pitch-preview-head">
          <strong>{t('pitch.preview')}</strong>
          <label>
            {t('pitch.previewFor')}{' '}
            <select data-testid="sb-pitch-subject" value={subjectId} onChange={(e) => setSubjectId(e.target.value)}>
              {people.length === 0 && <option value="">{t('pitch.sample')}</option>}
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            data-testid="sb-pitch-preview-copy"
            onClick={() =>
              void copyText(preview.text).then(
                () => setCopied(t('pitch.copied')),
                (e: unknown) => setCopied(t('pitch.copyFailed', { reason: (e as Error).message })),
              )
            }
          >
            {t('pitch.copy')}
          </button>
          <span role="status" className="sb-copied">
            {copied}
          </span>
        </div>
        <p className="sb-pitch-text" data-testid="sb-pitch-preview">
          {preview.text}
        </p>
        {preview.missing.length > 0 && (
          <p className="sb-warn" data-testid="sb-pitch-missing">
            {t('pitch.missing', { names: preview.missing.map((m) => `{{${m}}}`).join(', ') })}
          </p>
        )}
      </section>
      <div className="sb-actions">
        <button type="submit" className="primary" data-testid="sb-pitch-save" disabled={action.busy}>
          {t('pitch.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('pitch.cancel')}
        </button>
        <ActionError error={action.error} inline />
      </div>
    </form>
  );
}
