import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/database';
import { useI18n } from '../i18n/I18nProvider';
import type { SheetRequest } from './sheet-stack';

/** A sheet's title: the person's or company's name once read, else what the view is. */
export function useSheetTitle(request: SheetRequest): string {
  const { t } = useI18n();
  const name = useLiveQuery(async () => {
    if (request.kind === 'person') return (await getDb().people.get(request.id))?.name;
    if (request.kind === 'company') return (await getDb().companies.get(request.id))?.name;
    return undefined;
  }, [JSON.stringify(request)]);
  switch (request.kind) {
    case 'person':
      return name ?? t('detail.person');
    case 'company':
      return name ?? t('detail.company');
    case 'manage':
      return t('manage.title');
    case 'due':
      return t('reminder.dueTitle');
    case 'pitches':
      return t('pitch.title');
  }
}
