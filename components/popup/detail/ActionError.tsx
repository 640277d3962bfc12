import type { PopupMessageKey } from '@/utils/i18n/popup';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Why a write from a form failed, announced to screen readers: in a paragraph, or `inline` beside
 * the field. `message` wraps the reason ("Could not save: …") when the reason alone is not enough.
 */
export function ActionError({ error, message, inline }: { error?: string; message?: PopupMessageKey; inline?: boolean }) {
  const { t } = useI18n();
  if (!error) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className="error" role="alert">
      {message ? t(message, { reason: error }) : error}
    </Tag>
  );
}
