import { useEffect, useState } from 'react';
import { loadPrefs, prefsItem, parsePrefs, updatePrefs, type Prefs } from '@/utils/prefs/prefs';
import { useI18n } from '../popup/i18n/I18nProvider';
import type { LanguageChoice } from '../popup/i18n/language';
import { SITES } from './sites';

/** Where the in-page card appears, and in which language. Changes apply at once in open tabs. */
export function CardPrefsForm() {
  const { t, choice, setChoice } = useI18n();
  const [prefs, setPrefs] = useState<Prefs>();
  useEffect(() => {
    void loadPrefs().then(setPrefs);
    return prefsItem.watch((raw) => setPrefs(parsePrefs(raw)));
  }, []);
  if (!prefs) return null;
  // Shown at once; the storage watcher confirms it (and carries changes made elsewhere).
  const change = (next: Partial<Prefs>) => {
    setPrefs({ ...prefs, ...next });
    void updatePrefs(next);
  };
  return (
    <section>
      <h2>{t('options.card.title')}</h2>
      <p className="hint">{t('options.card.hint')}</p>
      {SITES.map((site) => (
        <label key={site.id} className="switch">
          <input
            type="checkbox"
            data-testid={`sb-site-${site.id}`}
            checked={!prefs.disabledSites.includes(site.id)}
            onChange={(e) =>
              change({
                disabledSites: e.target.checked
                  ? prefs.disabledSites.filter((s) => s !== site.id)
                  : [...prefs.disabledSites, site.id],
              })
            }
          />
          {t('options.card.site', { site: site.name })}
        </label>
      ))}
      <label>
        {t('options.language')}
        {/* The same preference as the popup's switch: the card, popup and this page follow it. */}
        <select data-testid="sb-language" value={choice} onChange={(e) => setChoice(e.target.value as LanguageChoice)}>
          <option value="auto">{t('options.language.auto')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
    </section>
  );
}
