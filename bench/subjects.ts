import type { StoredPerson } from '@/utils/db/database';
import { benchOptions, generateChunk } from './generate';

/** A seeded person whose profile page the benchmarks open. */
export interface Subject {
  person: StoredPerson;
  /** `/in/<slug>/`, routed to one of our synthetic profile pages. */
  path: string;
  /** The synthetic page served at that path (tests/fixtures/…). */
  fixture: string;
}

/** Indices in the first 1,000 people, so that every dataset size holds them. */
const FIRST = 500;

/**
 * Two people stored in every dataset: the profiles the card benchmarks open (A) and navigate between
 * (A ↔ B). English names without a middle initial: as likely as anyone to have namesakes.
 */
export function subjects(): { a: Subject; b: Subject } {
  const people = generateChunk(0, 1000, benchOptions()).people.slice(FIRST);
  const plain = people.filter((p) => /^[A-Za-z]+ [A-Za-z]+$/.test(p.name) && p.profileKeys.length === 1);
  const [a, b] = plain;
  if (!a || !b) throw new Error('the generator gave no plain English names');
  const path = (p: StoredPerson) => `/${p.profileKeys[0]!.slice('linkedin:'.length)}/`;
  return {
    a: { person: a, path: path(a), fixture: 'linkedin/person-2024.html' },
    b: { person: b, path: path(b), fixture: 'linkedin/person-2024-b.html' },
  };
}
