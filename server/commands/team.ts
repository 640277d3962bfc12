import { z } from 'zod';
import { ensureTeam, listTeams } from '../store/teams';
import { setRole } from '../store/users';
import { listUsers } from '../store/users';
import { checked, existingTeam, RoleName, TeamName, withStore } from './options';
import type { Values } from './usage-error';

export async function create(values: Values, [name]: string[]): Promise<number> {
  const team = checked(TeamName, name, 'team');
  const result = await withStore(values, (store) => ensureTeam(store.db, team));
  if (!result.created) {
    console.error(`team ${team} already exists`);
    return 1;
  }
  console.error(`created team ${team}; add its first user (who becomes its admin) with "token create --team ${team} --user <email>"`);
  console.log(result.id);
  return 0;
}

export async function list(values: Values): Promise<number> {
  const teams = await withStore(values, (store) => listTeams(store.db));
  for (const t of teams) console.log(`${t.id}\t${t.name}\t${Number(t.users)} users\tcreated ${t.createdAt}`);
  return 0;
}

export async function users(values: Values): Promise<number> {
  const rows = await withStore(values, async (store) => listUsers(store.db, (await existingTeam(store, values)).id));
  for (const u of rows) console.log(`${u.email}\t${u.role}\t${u.activeTokens} live tokens\tlast used ${u.lastUsedAt ?? 'never'}`);
  return 0;
}

export async function role(values: Values): Promise<number> {
  const email = checked(z.email('must be an e-mail address'), values.user, 'user');
  const wanted = checked(RoleName, values.role, 'role');
  const outcome = await withStore(values, async (store) => setRole(store.db, (await existingTeam(store, values)).id, email, wanted));
  switch (outcome) {
    case 'no_such_user':
      console.error(`no user ${email} in team ${values.team}`);
      return 1;
    case 'last_admin':
      console.error(`${email} is the team's last admin: make someone else admin first`);
      return 1;
    default:
      console.error(`${email} is ${wanted} in team ${values.team}`);
      return 0;
  }
}
