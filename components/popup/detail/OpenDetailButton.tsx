import { useI18n } from '../i18n/I18nProvider';
import { openPerson } from './sheet-stack';
import './open-detail.css';

/** A person's name that opens their details (rows of the talent bank). */
export function OpenDetailButton({ personId, name, className }: { personId: string; name: string; className?: string }) {
  const { t } = useI18n();
  return (
    <button type="button" className={`linklike ${className ?? ''}`} data-testid="sb-open-detail" title={t('detail.openOf', { name })} onClick={() => openPerson(personId)}>
      {name}
    </button>
  );
}

/** The saved profile page, opened in a new tab. */
export function ProfileLink({ href }: { href: string }) {
  const { t } = useI18n();
  return (
    <a className="row-profile" href={href} target="_blank" rel="noopener noreferrer" aria-label={t('detail.profile')} title={href}>
      ↗
    </a>
  );
}
