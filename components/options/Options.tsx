import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '@/utils/db/database';
import type { Settings } from '@/utils/db/settings';
import { loadSiteHealth } from '@/utils/db/site-health';
import { send } from '@/utils/messaging/send';
import { CardPrefsForm } from './CardPrefsForm';
import { SiteHealthTable } from './SiteHealthTable';

export function Options() {
  // Wrapped so that "loaded, nothing saved yet" differs from "still loading" (undefined).
  const stored = useLiveQuery(async () => ({ settings: (await getDb().meta.get('settings'))?.value as Settings | undefined }));
  const health = useLiveQuery(() => loadSiteHealth(getDb()));
  return (
    <main className="options">
      <h1>Scoutbook settings</h1>
      {stored && <SettingsForm initial={stored.settings} />}
      <CardPrefsForm />
      {health && <SiteHealthTable health={health} />}
    </main>
  );
}

/** Team sync: where the self-hosted sync API is, the token an admin created, and how teammates see you. */
function SettingsForm({ initial }: { initial: Settings | undefined }) {
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
          ? { ok: true, text: 'Saved. Sync is off: Scoutbook keeps everything on this device.' }
          : status.lastError
            ? { ok: false, text: `Saved, but sync failed: ${status.lastError}` }
            : { ok: true, text: 'Saved and synced.' },
      );
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };

  return (
    <section>
      <h2>Team sync</h2>
      <p className="hint">
        Optional. Point Scoutbook at your team&apos;s self-hosted sync API to share the talent bank, pipelines and notes, and to
        get company intel. Leave the URL empty to keep everything on this device.
      </p>
      <label>
        Your name
        <input
          data-testid="sb-user-name"
          placeholder="Li Wei"
          value={userName}
          maxLength={100}
          onChange={(e) => setUserName(e.target.value)}
        />
        <span className="hint">Shown to teammates as the owner of the people you put in a pipeline.</span>
      </label>
      <label>
        Server URL
        <input
          data-testid="sb-sync-url"
          type="url"
          placeholder="https://scoutbook.example.com"
          value={serverUrl}
          onChange={(e) => setServerUrl(e.target.value)}
        />
      </label>
      <label>
        Token
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
        Save
      </button>
      {message && (
        <p role="status" data-testid="sb-sync-message" className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
