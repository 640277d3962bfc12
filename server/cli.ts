import { parseArgs } from 'node:util';
import { UsageError, type Values } from './commands/usage-error';
import { DEFAULT_DB, DEFAULT_HOST, DEFAULT_PORT } from './defaults';

// Commands load their modules on demand: a usage error answers at once, and `token` never loads the HTTP stack.
const USAGE = `usage: npm run server -- <command> [options]

commands:
  serve [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}]          run the sync API
  token create --team <team> --user <email>       print a new token (creates the team if new)
  token list [--team <team>]                      list tokens, without their secrets
  token revoke <token-id>                         revoke a token by the id that create reported
  intel import <file.json> --team <team>          import company intel (a JSON array)

every command takes --db <sqlite file | postgres://…>; default: $DATABASE_URL, else ${DEFAULT_DB}`;

const OPTIONS = {
  db: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  team: { type: 'string' },
  user: { type: 'string' },
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
    options: ['db', 'port', 'host'],
    run: async (v) => (await import('./commands/serve')).serve(v),
  },
  'token create': {
    args: [],
    options: ['db', 'team', 'user'],
    required: ['team', 'user'],
    run: async (v) => (await import('./commands/token')).create(v),
  },
  'token list': {
    args: [],
    options: ['db', 'team'],
    run: async (v) => (await import('./commands/token')).list(v),
  },
  'token revoke': {
    args: ['token-id'],
    options: ['db'],
    run: async (v, a) => (await import('./commands/token')).revoke(v, a),
  },
  'intel import': {
    args: ['file.json'],
    options: ['db', 'team'],
    required: ['team'],
    run: async (v, a) => (await import('./commands/intel')).importFile(v, a),
  },
};

async function main(argv: string[]): Promise<number> {
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

process.exitCode = await main(process.argv.slice(2));
