import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import type { Settings } from '@/utils/db/settings';
import { loadSiteHealth } from '@/utils/db/site-health';
import { useI18n } from '../popup/i18n/I18nProvider';
import { CardPrefsForm } from './CardPrefsForm';
import { SettingsForm } from './SettingsForm';
import { SiteHealthTable } from './SiteHealthTable';

export function Options() {
  const { t } = useI18n();
  // Wrapped so that "loaded, nothing saved yet" differs from "still loading" (undefined).
  const stored = useLiveQuery(async () => ({ settings: (await getDb().meta.get('settings'))?.value as Settings | undefined }));
  const health = useLiveQuery(() => loadSiteHealth(getDb()));
  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      {stored && <SettingsForm initial={stored.settings} />}
      <CardPrefsForm />
      {health && <SiteHealthTable health={health} />}
    </main>
  );
}
