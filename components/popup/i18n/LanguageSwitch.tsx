import { useI18n } from './I18nProvider';
import type { LanguageChoice } from './language';

/** Language of the popup and the card: follow the browser, English or 简体中文. */
export function LanguageSwitch() {
  const { t, choice, setChoice } = useI18n();
  return (
    <select
      className="language"
      aria-label={t('popup.language.label')}
      data-testid="sb-language"
      value={choice}
      onChange={(e) => setChoice(e.target.value as LanguageChoice)}
    >
      <option value="auto">{t('popup.language.auto')}</option>
      {/* Each language is named in itself, so a user who cannot read the current one still finds theirs. */}
      <option value="en">English</option>
      <option value="zh-CN">简体中文</option>
    </select>
  );
}
