import { useState } from 'react';
import { writeFromPage } from '@/utils/db/page-writes';
import { createPipeline } from '@/utils/pipelines/edit';
import { BLANK_TEMPLATE, localizedTemplate, templateFor, type PipelineTemplate } from '@/utils/pipelines/templates';
import { STAGE_NAMES_ZH } from '@/utils/i18n/popup/pipelines';
import { useAction } from '../detail/useAction';
import { useI18n } from '../i18n/I18nProvider';

type TemplateChoice = 'recruiting' | 'referral' | 'sales' | 'blank';
const CHOICES: TemplateChoice[] = ['recruiting', 'referral', 'sales', 'blank'];

/** A new pipeline from a template (DESIGN §1) or blank; its stages are named in the popup's language. */
export function CreatePipelineForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [choice, setChoice] = useState<TemplateChoice>('recruiting');
  const action = useAction();

  const template = (): PipelineTemplate => {
    const base = choice === 'blank' ? BLANK_TEMPLATE : templateFor(choice);
    const defaultName = choice === 'blank' ? t('manage.create') : t(`manage.kind.${choice}`);
    const named = { ...base, name: lang === 'en' && choice !== 'blank' ? base.name : defaultName };
    return lang === 'zh-CN' ? localizedTemplate(named, STAGE_NAMES_ZH) : named;
  };

  return (
    <form
      className="sb-create"
      data-testid="sb-create-pipeline"
      onSubmit={(e) => {
        e.preventDefault();
        let created = '';
        void action
          .run(async () => {
            created = await writeFromPage((store) => createPipeline(store, { template: template(), name: name.trim() || undefined }));
          }, t('manage.created', { name: name.trim() || template().name }))
          .then((ok) => {
            if (!ok) return;
            setName('');
            onCreated(created);
          });
      }}
    >
      <h3>{t('manage.create')}</h3>
      <div className="sb-create-fields">
        <label className="field">
          <span>{t('manage.template')}</span>
          <select data-testid="sb-create-template" value={choice} onChange={(e) => setChoice(e.target.value as TemplateChoice)}>
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`manage.template.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{t('manage.name')}</span>
          <input data-testid="sb-create-name" value={name} maxLength={120} placeholder={t('manage.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="primary" data-testid="sb-create-submit" disabled={action.busy}>
          {t('manage.createButton')}
        </button>
      </div>
      <p role="status" className={action.error ? 'error' : 'sb-saved'}>
        {action.error ? t('manage.failed', { reason: action.error }) : (action.done ?? '')}
      </p>
    </form>
  );
}
