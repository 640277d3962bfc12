import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UsageError, type Values } from './commands/usage-error';
import { DEFAULT_DB, DEFAULT_HOST, DEFAULT_PORT } from './defaults';

// Commands load their modules on demand: a usage error answers at once, and `token` never loads the HTTP stack.
const USAGE = `usage: npm run server -- <command> [options]

commands:
  serve [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}]            run the sync API
        [--poll-interval 30m] [--no-poll]                 feed polling schedule (s, m, h)
        [--rate-limit 50] [--rate-burst 300]              requests per second per token (0: off)
        [--allow-private-feeds] [--keep-days 30]          feeds on private addresses; mutation ids kept
  team create <team>                                 create a team
  team list                                          list teams
  user list --team <team>                            list a team's users and roles
  user role --team <team> --user <email> --role <admin|member>
  token create --team <team> --user <email> [--role admin|member]
                                                     print a new token (creates the team and user if new;
                                                     a team's first user becomes its admin)
  token list [--team <team>]                         list tokens, without their secrets
  token revoke <token-id>                            revoke a token by the id that create reported
  intel import <file.json|file.csv> --team <team>    import company intel (JSON array, or CSV with the header
                                                     companyName,companyKey,type,title,url,publishedAt,summary,amount,round)
  feed add <url> --team <team> [--name <name>]       add an RSS or Atom feed
  feed list --team <team>                            list feeds and their last poll
  feed remove <feed-id> [--team <team>]              stop polling a feed
  feed poll --team <team> [--allow-private-feeds]    poll the team's feeds once, now
  alias add <alias> <company> --team <team>          e.g. alias add 字节 ByteDance, or acme.com Acme
  alias list --team <team>
  prune [--keep-days 30]                             forget applied mutation ids older than that, old alerts

every command takes --db <sqlite file | postgres://…>; default: $DATABASE_URL, else ${DEFAULT_DB}`;

const OPTIONS = {
  db: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  team: { type: 'string' },
  user: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  'poll-interval': { type: 'string' },
  'no-poll': { type: 'boolean' },
  'rate-limit': { type: 'string' },
  'rate-burst': { type: 'string' },
  'allow-private-feeds': { type: 'boolean' },
  'keep-days': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
type OptionName = keyof Values;

interface Command {
  /** Names of the positional arguments after the command words. */
  args: string[];
  options: OptionName[];
  required?: OptionName[];
  run(values: Values, args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  serve: {
    args: [],
    options: ['db', 'port', 'host', 'poll-interval', 'no-poll', 'rate-limit', 'rate-burst', 'allow-private-feeds', 'keep-days'],
    run: async (v) => (await import('./commands/serve')).serve(v),
  },
  'team create': { args: ['team'], options: ['db'], run: async (v, a) => (await import('./commands/team')).create(v, a) },
  'team list': { args: [], options: ['db'], run: async (v) => (await import('./commands/team')).list(v) },
  'user list': { args: [], options: ['db', 'team'], required: ['team'], run: async (v) => (await import('./commands/team')).users(v) },
  'user role': {
    args: [],
    options: ['db', 'team', 'user', 'role'],
    required: ['team', 'user', 'role'],
    run: async (v) => (await import('./commands/team')).role(v),
  },
  'token create': {
    args: [],
    options: ['db', 'team', 'user', 'role'],
    required: ['team', 'user'],
    run: async (v) => (await import('./commands/token')).create(v),
  },
  'token list': { args: [], options: ['db', 'team'], run: async (v) => (await import('./commands/token')).list(v) },
  'token revoke': { args: ['token-id'], options: ['db'], run: async (v, a) => (await import('./commands/token')).revoke(v, a) },
  'intel import': {
    args: ['file'],
    options: ['db', 'team'],
    required: ['team'],
    run: async (v, a) => (await import('./commands/intel')).importFile(v, a),
  },
  'feed add': {
    args: ['url'],
    options: ['db', 'team', 'name', 'allow-private-feeds'],
    required: ['team'],
    run: async (v, a) => (await import('./commands/feed')).add(v, a),
  },
  'feed list': { args: [], options: ['db', 'team'], required: ['team'], run: async (v) => (await import('./commands/feed')).list(v) },
  'feed remove': { args: ['feed-id'], options: ['db', 'team'], run: async (v, a) => (await import('./commands/feed')).remove(v, a) },
  'feed poll': {
    args: [],
    options: ['db', 'team', 'allow-private-feeds'],
    required: ['team'],
    run: async (v) => (await import('./commands/feed')).poll(v),
  },
  'alias add': { args: ['alias', 'company'], options: ['db', 'team'], required: ['team'], run: async (v, a) => (await import('./commands/feed')).aliasAdd(v, a) },
  'alias list': { args: [], options: ['db', 'team'], required: ['team'], run: async (v) => (await import('./commands/feed')).aliasList(v) },
  prune: { args: [], options: ['db', 'keep-days'], run: async (v) => (await import('./commands/feed')).prune(v) },
};

/** Runs one command; the exit code it returns is the process's. Exported so that tests can run commands in-process. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const twoWords = positionals.slice(0, 2).join(' ');
  const [command, words] = COMMANDS[twoWords] ? [COMMANDS[twoWords], 2] : [COMMANDS[positionals[0] ?? ''], 1];
  if (!command) return usage(positionals.length ? `unknown command: ${twoWords}` : 'no command given');
  const { help: _, ...given } = values;
  const stray = (Object.keys(given) as OptionName[]).find((o) => !command.options.includes(o));
  if (stray) return usage(`--${stray} does not apply to this command`);
  const missing = command.required?.find((o) => given[o] === undefined);
  if (missing) return usage(`missing --${missing}`);
  const args = positionals.slice(words);
  if (args.length !== command.args.length) {
    return usage(`expected ${command.args.map((a) => `<${a}>`).join(' ') || 'no arguments'} after the command`);
  }
  try {
    return await command.run(given, args);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    console.error(`error: ${(error as Error).message}`);
    return 1;
  }
}

function usage(problem: string): number {
  console.error(`${problem}\n\n${USAGE}`);
  return 2;
}

function invokedDirectly(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) process.exitCode = await main(process.argv.slice(2));
