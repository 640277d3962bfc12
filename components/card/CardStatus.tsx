import { PERSON_STATUSES, type Person } from '@/utils/schema';
import { send } from '@/utils/messaging/send';
import { useCardEnv } from './CardContext';

export function CardStatus({ person }: { person: Person }) {
  const { t, act } = useCardEnv();
  return (
    <label className="sb-label">
      <span>{t('status.label')}</span>
      <select
        data-testid="sb-person-status"
        value={person.status}
        onChange={(e) => {
          const status = e.target.value as Person['status'];
          void act(() => send({ type: 'setStatus', personId: person.id, status }));
        }}
      >
        {PERSON_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
