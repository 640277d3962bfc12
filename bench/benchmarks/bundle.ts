import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Benchmark } from '../benchmark';
import { buildExtension } from '../build';

/** Gzipped size (level 9) in KB of 1024 bytes: deterministic, so one sample. */
export function gzipKb(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length / 1024;
}

export const bundleBenchmarks: Benchmark[] = [
  {
    name: 'bundle.content_gz_kb',
    people: 'none',
    run: async (options) => {
      // What ships: the production build (the e2e build differs by its timing marks and shadow mode).
      const dir = join(buildExtension('production', { force: options.build }), 'content-scripts');
      const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
      if (scripts.length === 0) throw new Error(`no content scripts in ${dir}`);
      return scripts.map((file) => ({
        name: `bundle.content_gz_kb.${basename(file, '.js')}`,
        unit: 'KB',
        samples: [gzipKb(readFileSync(join(dir, file)))],
      }));
    },
  },
];
