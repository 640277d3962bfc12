import { useEffect, useState } from 'react';
import { loadPrefs, prefsItem, parsePrefs, updatePrefs, type Prefs } from '@/utils/prefs/prefs';
import { SITES } from './sites';

/** Where the in-page card appears, and in which language. Changes apply at once in open tabs. */
export function CardPrefsForm() {
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
      <h2>In-page card</h2>
      <p className="hint">Turn the card off on a site if you prefer not to touch its pages; the popup and side panel still work.</p>
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
          Show the card on {site.name}
        </label>
      ))}
      <label>
        Language
        <select
          data-testid="sb-language"
          value={prefs.language ?? ''}
          onChange={(e) => change({ language: (e.target.value || undefined) as Prefs['language'] })}
        >
          <option value="">Follow the browser</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
    </section>
  );
}
