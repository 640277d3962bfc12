import type { SiteHealth } from '@/utils/messaging/protocol';
import { relativeTime } from '@/utils/format/relative-time';
import { SITES } from './sites';

/** Per site: did reading profiles work lately, with which alternative, and what was the last miss. */
export function SiteHealthTable({ health }: { health: SiteHealth }) {
  return (
    <section>
      <h2>Site health</h2>
      <p className="hint">
        Sites change their pages. When Scoutbook cannot read a profile, it records the miss here: please report it.
      </p>
      <table className="health" data-testid="sb-site-health">
        <thead>
          <tr>
            <th>Site</th>
            <th>Last success</th>
            <th>Matched by</th>
            <th>Last miss</th>
          </tr>
        </thead>
        <tbody>
          {SITES.map((site) => {
            const h = health[site.id];
            return (
              <tr key={site.id} data-testid={`sb-health-${site.id}`}>
                <td>{site.name}</td>
                <td>{h?.lastSuccessAt ? relativeTime(h.lastSuccessAt) : '—'}</td>
                <td>{h?.matched ?? '—'}</td>
                <td>{h?.lastMissAt ? `${relativeTime(h.lastMissAt)}: ${h.lastMiss ?? ''}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
