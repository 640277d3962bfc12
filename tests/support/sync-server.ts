import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TSX = join('node_modules', '.bin', 'tsx');
const CLI = join('server', 'cli.ts');

/** The sync API as a user runs it: through the admin CLI, on a fresh SQLite file. */
export class SyncServerProcess {
  readonly dir = mkdtempSync(join(tmpdir(), 'scoutbook-server-'));
  readonly db = join(this.dir, 'scoutbook.sqlite');
  private child: ChildProcess | undefined;
  url = '';

  cli(args: string[]): string {
    return execFileSync(TSX, [CLI, ...args, '--db', this.db], { encoding: 'utf8' });
  }

  createToken(team: string, user: string): string {
    return this.cli(['token', 'create', '--team', team, '--user', user]).trim();
  }

  importIntel(team: string, items: unknown[]): string {
    const file = join(this.dir, `intel-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(items));
    return this.cli(['intel', 'import', file, '--team', team]);
  }

  async start(): Promise<string> {
    const child = spawn(TSX, [CLI, 'serve', '--db', this.db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`sync API exited with ${code} before listening`)));
    });
    return this.url;
  }

  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise((r) => this.child!.once('exit', r));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
