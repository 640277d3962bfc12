/**
 * Per-field last-writer-wins. A record's state is its data plus, for every field, the clock of
 * the write that set it. Merging takes each incoming field whose clock is greater than the one
 * held. The result does not depend on the order in which changes arrive (commutative, idempotent),
 * which is what lets two clients that edited different fields — or the same field — converge.
 */
export interface FieldState {
  data: Record<string, unknown>;
  clocks: Record<string, string>;
}

export interface MergeResult extends FieldState {
  /** Fields whose value was taken from the incoming change. */
  changedFields: string[];
}

export function mergeFields(current: FieldState | undefined, incoming: FieldState): MergeResult {
  const data = { ...(current?.data ?? {}) };
  const clocks = { ...(current?.clocks ?? {}) };
  const changedFields: string[] = [];
  for (const [field, value] of Object.entries(incoming.data)) {
    const clock = incoming.clocks[field];
    if (clock === undefined) continue;
    const held = clocks[field];
    if (held !== undefined && held >= clock) continue;
    clocks[field] = clock;
    // JSON has no undefined: null on the wire means "unset this field".
    if (value === undefined || value === null) delete data[field];
    else data[field] = value;
    changedFields.push(field);
  }
  return { data, clocks, changedFields };
}

/** A mutation's fields all carry the mutation's clock. */
export function fieldsAt(fields: Record<string, unknown>, hlc: string): FieldState {
  const clocks: Record<string, string> = {};
  for (const k of Object.keys(fields)) clocks[k] = hlc;
  return { data: fields, clocks };
}

/** The newest clock of a record: its `updatedAt`. */
export function latestClock(clocks: Record<string, string>): string {
  let max = '';
  for (const c of Object.values(clocks)) if (c > max) max = c;
  return max;
}
