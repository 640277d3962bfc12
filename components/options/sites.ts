/** The site families Scoutbook annotates, as the Options page names them. */
export const SITES = [
  { id: 'linkedin', name: 'LinkedIn' },
  { id: 'maimai', name: 'Maimai 脉脉' },
  { id: 'github', name: 'GitHub' },
] as const;
