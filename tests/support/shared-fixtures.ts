import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real pages and files live in ../shared/fixtures, beside the repository, and are not ours to
 * publish (DESIGN §5). Suites that use them skip, with a printed notice, when they are absent.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_FIXTURES = process.env.SCOUTBOOK_SHARED_FIXTURES ?? join(repoRoot, '..', 'shared', 'fixtures');
export const hasSharedFixtures = existsSync(SHARED_FIXTURES);

if (!hasSharedFixtures) {
  console.warn(`[scoutbook] ../shared/fixtures not found at ${SHARED_FIXTURES}: real-page suites are skipped.`);
}

export function sharedFixture(relativePath: string): string {
  return readFileSync(join(SHARED_FIXTURES, relativePath), 'utf8');
}

/** Our own synthetic fixtures, committed under tests/fixtures. */
export function ownFixture(relativePath: string): string {
  return readFileSync(join(repoRoot, 'tests', 'fixtures', relativePath), 'utf8');
}
