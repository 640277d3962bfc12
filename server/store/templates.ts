import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';

/**
 * Hot queries compiled once per dialect and shape, then run with fresh parameters. Kysely
 * compiles its query tree to SQL on every call, which for a 50-row insert costs as much as SQLite
 * takes to run it. A template is built with marker strings in place of the parameters; compiling
 * it shows where each one lands, and later calls put their values there. The builder must pass
 * every value through untouched (no arithmetic on them), and the key must name the shape — e.g.
 * the row count of a multi-row insert.
 */
interface Template {
  compiled: CompiledQuery;
  /** Which of the caller's parameters goes in each place; null when they go in as given (the usual case). */
  order: number[] | null;
}

const templates = new Map<string, Template>();
const MAX_TEMPLATES = 2000;

function dialectOf<DB>(db: Kysely<DB>): string {
  return (db.getExecutor().adapter as object).constructor.name;
}

export async function runTemplate<DB, R>(
  db: Kysely<DB>,
  key: string,
  params: readonly unknown[],
  build: (markers: string[]) => Compilable<R>,
): Promise<QueryResult<R>> {
  const id = `${dialectOf(db)}\u0000${key}`;
  let t = templates.get(id);
  if (!t) {
    const markers = params.map((_, i) => `\u0001tpl${i}\u0001`);
    const compiled = build(markers).compile();
    const order = compiled.parameters.map((p) => {
      const i = markers.indexOf(p as string);
      if (i === -1) throw new Error(`query template ${key}: a parameter did not come from a marker`);
      return i;
    });
    const inPlace = order.length === params.length && order.every((from, to) => from === to);
    t = { compiled, order: inPlace ? null : order };
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(id, t);
  }
  const order = t.order;
  return db.executeQuery<R>({ ...t.compiled, parameters: order ? order.map((i) => params[i]) : params } as CompiledQuery<R>);
}
