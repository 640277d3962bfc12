import type { PopupTranslate } from '@/utils/i18n/popup';
import type { StoredAlert } from '@/utils/sync/team-alerts';

/** One alert as a sentence in the user's language. Every value is text, rendered as text. */
export function alertText(a: StoredAlert, t: PopupTranslate): string {
  const d = a.detail;
  const vars = {
    by: a.by || t('team.alert.someone'),
    person: a.personName || '?',
    pipeline: d.pipelineName ?? '?',
    stage: d.stageName ?? d.stageId ?? '?',
    from: d.fromStageName ?? d.fromStageId ?? '?',
  };
  switch (a.kind) {
    case 'entry_added':
      return t('team.alert.entry_added', vars);
    case 'entry_changed':
      return d.fromStageId !== undefined ? t('team.alert.entry_moved', vars) : t('team.alert.entry_changed', vars);
    case 'note_added':
      return t('team.alert.note_added', vars);
    case 'job_change': {
      const change = [d.companyName, d.headline]
        .filter((c): c is NonNullable<typeof c> => c !== undefined)
        .map((c) => `${c.from ?? '—'} → ${c.to ?? '—'}`)
        .join('; ');
      return t('team.alert.job_change', { ...vars, change });
    }
  }
}
