/**
 * Columns derived from a record's merged data on every save, so that ownership, alerts and intel
 * matching can query them. A tombstone derives nothing: "forget this person" leaves no trace here.
 */
export interface DerivedColumns {
  person_id: string | null;
  company_name: string | null;
  company_key: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function derivedColumns(entity: string, data: Record<string, unknown>): DerivedColumns {
  const none: DerivedColumns = { person_id: null, company_name: null, company_key: null };
  if (data.deleted === true) return none;
  switch (entity) {
    case 'person':
      return { ...none, company_name: text(data.companyName), company_key: text(data.companyKey) };
    case 'company':
      return { ...none, company_name: text(data.name), company_key: profileKeysOf(entity, data)[0] ?? null };
    case 'entry':
    case 'note':
      return { ...none, person_id: text(data.personId) };
    default:
      return none;
  }
}

/** The profile keys a live person or company is known by. */
export function profileKeysOf(entity: string, data: Record<string, unknown>): string[] {
  if (data.deleted === true || (entity !== 'person' && entity !== 'company')) return [];
  const keys = Array.isArray(data.profileKeys) ? data.profileKeys : [];
  return [...new Set(keys.filter((k): k is string => typeof k === 'string' && k !== ''))];
}
