import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import { companyDetail, profileLinks } from '@/utils/pipelines/detail';
import { useI18n } from '../i18n/I18nProvider';
import { EntryPanel } from './EntryPanel';
import { IntelList } from './IntelList';
import { LinkItems } from './LinkItems';
import { NotesPanel } from './NotesPanel';
import { openPerson } from './sheet-stack';

/** A company (account): its facts and links, the saved people who work there, entries, notes and intel. */
export function CompanyDetail({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const detail = useLiveQuery(() => companyDetail(getDb(), companyId), [companyId]);
  if (detail === undefined) return null;
  if (detail === null) return <p className="empty">{t('detail.notFound')}</p>;
  const { company, people, entries, notes, intel } = detail;
  const links = [...profileLinks(company), ...(company.website ? [company.website] : [])];
  return (
    <div className="sb-detail" data-testid="sb-company-detail">
      <section className="sb-profile">
        <dl className="sb-entry-facts">
          {company.legalName && (
            <>
              <dt>{t('detail.legalName')}</dt>
              <dd>{company.legalName}</dd>
            </>
          )}
          {company.industry && (
            <>
              <dt>{t('detail.industry')}</dt>
              <dd>{company.industry}</dd>
            </>
          )}
        </dl>
        {links.length > 0 && (
          <ul className="sb-links" aria-label={t('detail.links')}>
            <LinkItems links={links} />
          </ul>
        )}
      </section>
      <section className="sb-section">
        <h3>{t('detail.people')}</h3>
        {people.length === 0 ? (
          <p className="hint">{t('detail.noPeople')}</p>
        ) : (
          <ul className="sb-people" data-testid="sb-company-people">
            {people.map((p) => (
              <li key={p.id}>
                <button type="button" className="linklike" onClick={() => openPerson(p.id)}>
                  {p.name}
                </button>
                {p.headline && <span className="hint"> · {p.headline}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {entries.length > 0 && (
        <section className="sb-section">
          <h3>{t('detail.pipelines')}</h3>
          <ul className="sb-entries">
            {entries.map(({ entry, pipeline }) => (
              <EntryPanel key={entry.id} entry={entry} pipeline={pipeline} />
            ))}
          </ul>
        </section>
      )}
      <NotesPanel subject={{ companyId: company.id }} notes={notes} />
      <IntelList items={intel} />
    </div>
  );
}
