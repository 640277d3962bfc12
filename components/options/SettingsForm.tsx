import { useState } from 'react';
import { teamIdentity, type Settings } from '@/utils/db/settings';
import { send } from '@/utils/messaging/send';
import { useI18n } from '../popup/i18n/I18nProvider';

/** Team sync: where the self-hosted sync API is, the token an admin created, and how teammates see you. */
export function SettingsForm({ initial }: { initial: Settings | undefined }) {
  const { t } = useI18n();
  const [serverUrl, setServerUrl] = useState(initial?.serverUrl ?? '');
  const [token, setToken] = useState(initial?.token ?? '');
  const [userName, setUserName] = useState(initial?.userName ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const save = async () => {
    setMessage(undefined);
    try {
      await send({ type: 'saveSettings', serverUrl: serverUrl.trim(), token: token.trim(), userName: userName.trim() || undefined });
      const status = await send({ type: 'syncNow' });
      setMessage(
        !status.configured
          ? { ok: true, text: t('options.sync.savedLocal') }
          : status.lastError
            ? { ok: false, text: t('options.sync.savedFailed', { reason: status.lastError }) }
            : { ok: true, text: t('options.sync.saved') },
      );
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };

  return (
    <section>
      <h2>{t('options.sync.title')}</h2>
      <p className="hint">{t('options.sync.hint')}</p>
      <Identity settings={initial} />
      <label>
        {t('options.sync.name')}
        <input
          data-testid="sb-user-name"
          placeholder={t('options.sync.namePlaceholder')}
          value={userName}
          maxLength={100}
          onChange={(e) => setUserName(e.target.value)}
        />
        <span className="hint">{t('options.sync.nameHint')}</span>
      </label>
      <label>
        {t('options.sync.url')}
        <input
          data-testid="sb-sync-url"
          type="url"
          placeholder="https://scoutbook.example.com"
          value={serverUrl}
          onChange={(e) => setServerUrl(e.target.value)}
        />
      </label>
      <label>
        {t('options.sync.token')}
        <input
          data-testid="sb-sync-token"
          type="password"
          autoComplete="off"
          placeholder="sb_…"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </label>
      <button type="button" data-testid="sb-sync-save" onClick={() => void save()}>
        {t('options.sync.save')}
      </button>
      {message && (
        <p role="status" data-testid="sb-sync-message" className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** Who the team's server says this user is: the owner id teammates see (or why there is none yet). */
function Identity({ settings }: { settings: Settings | undefined }) {
  const { t } = useI18n();
  if (!settings?.serverUrl) return null;
  const identity = teamIdentity(settings);
  return (
    <p className={identity ? 'identity' : 'identity pending'} data-testid="sb-sync-identity">
      {identity
        ? t('options.sync.identity', { email: identity.email, team: identity.team, role: t(`options.sync.role.${identity.role}`) })
        : t('options.sync.identityPending')}
    </p>
  );
}
