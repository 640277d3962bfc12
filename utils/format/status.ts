import type { PersonStatus } from '../schema';

export const STATUS_TEXT: Record<PersonStatus, string> = {
  active: 'Active',
  passive: 'Passive',
  not_interested: 'Not interested',
  placed: 'Placed',
  do_not_contact: 'Do not contact',
};
