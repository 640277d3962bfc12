import type { SiteHealth } from '@/utils/messaging/protocol';
import { relativeTime } from '@/utils/format/relative-time';
import { useI18n } from '../popup/i18n/I18nProvider';
import { SITES } from './sites';

/** Per site: did reading profiles work lately, with which alternative, and what was the last miss. */
export function SiteHealthTable({ health }: { health: SiteHealth }) {
  const { t, lang } = useI18n();
  return (
    <section>
      <h2>{t('options.health.title')}</h2>
      <p className="hint">{t('options.health.hint')}</p>
      <table className="health" data-testid="sb-site-health">
        <thead>
          <tr>
            <th>{t('options.health.site')}</th>
            <th>{t('options.health.lastSuccess')}</th>
            <th>{t('options.health.matched')}</th>
            <th>{t('options.health.lastMiss')}</th>
          </tr>
        </thead>
        <tbody>
          {SITES.map((site) => {
            const h = health[site.id];
            return (
              <tr key={site.id} data-testid={`sb-health-${site.id}`}>
                <td>{site.name}</td>
                <td>{h?.lastSuccessAt ? relativeTime(h.lastSuccessAt, lang) : '—'}</td>
                <td>{h?.matched ?? '—'}</td>
                <td>{h?.lastMissAt ? `${relativeTime(h.lastMissAt, lang)}: ${h.lastMiss ?? ''}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
