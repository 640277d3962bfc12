import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import { personDetail, profileLinks } from '@/utils/pipelines/detail';
import { useI18n } from '../i18n/I18nProvider';
import { EntryPanel } from './EntryPanel';
import { IntelList } from './IntelList';
import { LinkItems } from './LinkItems';
import { NotesPanel } from './NotesPanel';
import { openCompany } from './sheet-stack';
import { StatusTags } from './StatusTags';
import { TeamOwnership } from '../team/TeamOwnership';

/** Everything about one person: profile and links, status, tags, pipelines, notes, company intel. */
export function PersonDetail({ personId }: { personId: string }) {
  const { t } = useI18n();
  const detail = useLiveQuery(() => personDetail(getDb(), personId), [personId]);
  if (detail === undefined) return null;
  if (detail === null) return <p className="empty">{t('detail.notFound')}</p>;
  const { person, company, entries, notes, intel } = detail;
  const links = profileLinks(person);
  return (
    <div className="sb-detail" data-testid="sb-person-detail">
      <section className="sb-profile">
        {person.headline && <p className="sb-headline">{person.headline}</p>}
        <p className="sb-where">
          {company ? (
            <button type="button" className="linklike" data-testid="sb-detail-company" onClick={() => openCompany(company.id)}>
              {person.companyName ?? company.name}
            </button>
          ) : (
            person.companyName
          )}
          {person.companyName && person.location ? ' · ' : ''}
          {person.location}
        </p>
        {(links.length > 0 || person.emails.length > 0 || person.phones.length > 0) && (
          <ul className="sb-links" aria-label={t('detail.links')}>
            <LinkItems links={links} />
            {person.emails.map((e) => (
              <li key={e}>
                <a href={`mailto:${e}`}>{e}</a>
              </li>
            ))}
            {person.phones.map((p) => (
              <li key={p}>
                <a href={`tel:${p.replace(/[^\d+]/g, '')}`}>{p}</a>
              </li>
            ))}
          </ul>
        )}
        <StatusTags person={person} />
      </section>
      <section className="sb-section">
        <h3>{t('detail.pipelines')}</h3>
        {entries.length === 0 ? (
          <p className="hint">{t('detail.noEntries')}</p>
        ) : (
          <ul className="sb-entries">
            {entries.map(({ entry, pipeline }) => (
              <EntryPanel key={entry.id} entry={entry} pipeline={pipeline} person={person} />
            ))}
          </ul>
        )}
      </section>
      <TeamOwnership profileKeys={person.profileKeys} />
      <NotesPanel subject={{ personId: person.id }} notes={notes} />
      <IntelList items={intel} />
    </div>
  );
}
