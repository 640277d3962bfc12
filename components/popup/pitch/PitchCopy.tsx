import { useState } from 'react';
import { renderPitch, type PitchContext } from '@/utils/pipelines/pitch';
import type { Person, Pipeline } from '@/utils/schema';
import { useI18n } from '../i18n/I18nProvider';
import { copyText } from './copy-text';
import { useMyName, useUsablePitches } from './usePitches';
import './pitch.css';

interface Props {
  pipeline: Pick<Pipeline, 'id' | 'kind' | 'name' | 'stages'>;
  entry: { stageId: string; referrer?: string };
  person: Pick<Person, 'name' | 'headline' | 'companyName'>;
  /** A board card has room for one button (the first template); the detail view lets you pick. */
  picker?: boolean;
}

/** Fill a pitch template for this person and put it on the clipboard in one click. */
export function PitchCopy({ pipeline, entry, person, picker }: Props) {
  const { t } = useI18n();
  const pitches = useUsablePitches(pipeline);
  const myName = useMyName();
  const [chosen, setChosen] = useState(0);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  if (!pitches?.length) return null;
  const index = Math.min(chosen, pitches.length - 1);
  const template = pitches[index]!;
  const context: PitchContext = { person, entry, pipeline, myName };

  const copy = async () => {
    const { text } = renderPitch(template.body, context);
    try {
      await copyText(text);
      setStatus({ ok: true, text: t('pitch.copied') });
    } catch (e) {
      setStatus({ ok: false, text: t('pitch.copyFailed', { reason: (e as Error).message }) });
    }
  };

  return (
    <span className="sb-pitch-copy">
      {picker && pitches.length > 1 && (
        <select aria-label={t('pitch.template')} data-testid="sb-pitch-choice" value={index} onChange={(e) => setChosen(Number(e.target.value))}>
          {pitches.map((p, i) => (
            <option key={p.id ?? i} value={i}>
              {p.name}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        data-testid="sb-pitch-copy"
        aria-label={t('pitch.copyPitchOf', { template: template.name, name: person.name })}
        title={t('pitch.copyPitchOf', { template: template.name, name: person.name })}
        onClick={() => void copy()}
      >
        {picker ? t('pitch.copy') : t('pitch.copyPitch')}
      </button>
      <span className={status?.ok === false ? 'error' : 'sb-copied'} role="status" data-testid="sb-pitch-copied">
        {status?.text ?? ''}
      </span>
    </span>
  );
}
