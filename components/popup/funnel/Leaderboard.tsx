import type { LeaderboardRow } from '@/utils/pipelines/funnel';
import { useI18n } from '../i18n/I18nProvider';

/** Referral (内推) points per referrer in the period, best first. */
export function Leaderboard({ rows }: { rows: readonly LeaderboardRow[] }) {
  const { t } = useI18n();
  return (
    <section className="leaderboard" aria-labelledby="sb-leaderboard-title">
      <h3 id="sb-leaderboard-title">{t('leaderboard.title')}</h3>
      {rows.length === 0 ? (
        <p className="hint" data-testid="sb-leaderboard-empty">
          {t('leaderboard.empty')}
        </p>
      ) : (
        <table data-testid="sb-leaderboard">
          <thead>
            <tr>
              <th scope="col">{t('leaderboard.rank')}</th>
              <th scope="col">{t('leaderboard.referrer')}</th>
              <th scope="col" className="num">
                {t('leaderboard.candidates')}
              </th>
              <th scope="col" className="num">
                {t('leaderboard.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.referrer} data-testid="sb-leaderboard-row">
                <td>{i + 1}</td>
                <td>{r.referrer}</td>
                <td className="num">{r.candidates}</td>
                <td className="num">{r.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
