import { PERSON_STATUSES } from '@/utils/schema';
import { statusLabel } from './filters/filter-labels';
import { useI18n } from './i18n/I18nProvider';

/** One `<option>` per talent-bank status, in the popup's language. */
export function StatusOptions() {
  const { t } = useI18n();
  return PERSON_STATUSES.map((s) => (
    <option key={s} value={s}>
      {statusLabel(t, s)}
    </option>
  ));
}
