import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ulid } from 'ulidx';
import { ScoutbookDb } from '@/utils/db/database';
import { openStore } from '@/utils/db/store';
import { SHARED_FIXTURES } from '../../support/shared-fixtures';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/import');

/** Our own synthetic import files (tests/fixtures/import), as the bytes a file picker gives. */
export function ownBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixtures, name)));
}

/** A real file from ../shared/fixtures; only call inside suites skipped when they are absent. */
export function sharedBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SHARED_FIXTURES, relativePath)));
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A fresh profile with its own database and a clock that moves one second per call. */
export async function freshStore(start = 1_763_700_000_000) {
  let now = start;
  return openStore(new ScoutbookDb(`test-${ulid()}`), () => (now += 1000));
}

/** `count` mapped rows of a LinkedIn-style file (line numbers from 2, after the header), with `extra` fields per row. */
export function linkedInRows<T extends object>(count: number, extra: (i: number) => T = () => ({}) as T) {
  return Array.from({ length: count }, (_, i) => ({
    line: i + 2,
    name: `Person ${i}`,
    profileUrl: `https://www.linkedin.com/in/person-${i}`,
    emails: [],
    phones: [],
    tags: [],
    ...extra(i),
  }));
}
