import { ulid } from 'ulidx';
import type { EntityName } from '../../../utils/schema';
import { formatHlc } from '../../../utils/sync/hlc';
import type { Mutation, PushRequest } from '../../../utils/sync/protocol';

const BASE_MS = Date.now() - 60_000;

/** A clock `step` ms after the suite's base time, from `node`: later steps win. */
export function hlc(step: number, node = 'a'): string {
  return formatHlc({ ms: BASE_MS + step, counter: 0, node });
}

export function personFields(slug = 'jane-doe', name = 'Jane Doe'): Record<string, unknown> {
  return {
    name,
    createdAt: BASE_MS,
    profileKeys: [`linkedin:in/${slug}`],
    profileUrl: `https://www.linkedin.com/in/${slug}`,
  };
}

export function mutation(entity: EntityName, id: string, fields: Record<string, unknown>, clock: string): Mutation {
  return { mutationId: ulid(), entity, id, hlc: clock, fields };
}

export function batch(...mutations: Mutation[]): PushRequest {
  return { clientId: 'testclient', mutations };
}

export function newPerson(step = 1, slug?: string, name?: string): Mutation {
  return mutation('person', ulid(), personFields(slug, name), hlc(step));
}
