import { z } from 'zod';
import { createToken, listTokens, revokeToken } from '../store/tokens';
import { checked, roleOption, TeamName, withStore } from './options';
import type { Values } from './usage-error';

/** Prints the new token, and nothing else, on stdout so that scripts can capture it. */
export async function create(values: Values): Promise<number> {
  const team = checked(TeamName, values.team, 'team');
  const email = checked(z.email('must be an e-mail address'), values.user, 'user');
  const role = roleOption(values);
  const created = await withStore(values, (store) => createToken(store.db, team, email, { ...(role && { role }) }));
  if (created.teamCreated) console.error(`created team ${team}`);
  console.error(`created token ${created.id} for ${email} (${created.role}) in team ${team}; it is shown once, keep it safe`);
  console.log(created.token);
  return 0;
}

export async function list(values: Values): Promise<number> {
  const team = values.team === undefined ? undefined : checked(TeamName, values.team, 'team');
  const tokens = await withStore(values, (store) => listTokens(store.db, team));
  for (const t of tokens) {
    const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`;
    console.log(`${t.id}\t${t.team}\t${t.email}\tcreated ${t.createdAt}\t${state}`);
  }
  return 0;
}

export async function revoke(values: Values, [id]: string[]): Promise<number> {
  const revoked = await withStore(values, (store) => revokeToken(store.db, id ?? ''));
  if (!revoked) {
    console.error(`no live token with id ${id}`);
    return 1;
  }
  console.error(`revoked token ${id}`);
  return 0;
}
