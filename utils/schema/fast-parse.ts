import type { z } from 'zod';

/**
 * A fast parse compiled once from a zod schema: zod's own parse allocates a payload, an issue list
 * and an output object per field. On the server that made checking 50 merged people the largest
 * piece of a push's JavaScript (server/record-check.ts); in the extension, validating each of a
 * first sync's 100,000 pulled records (parseRecord) was a fifth of the service worker's work.
 *
 * Why nothing invalid gets through: each compiled node accepts a value only under the exact test
 * zod applies for that node (type, length limits, patterns, enum members, refinements run on the
 * same output zod would give them), and any node kind or check it does not model — string formats
 * other than a plain http(s) URL, transforms, pipes, strict objects, unknown checks, object fields
 * that take undefined without being optional — is handed to zod itself (that sub-schema's
 * safeParse). So a record the fast check accepts is one zod accepts, and its output is zod's.
 * When the fast check refuses, the caller asks zod, which both decides and words the error, so a
 * gap in the other direction costs time, never correctness. tests/unit/fast-parse.test.ts
 * compares both on generated and mutated records of every entity, in both shape modes.
 */
const FAIL: unique symbol = Symbol('invalid');
type Output = unknown;
type Node = (value: unknown) => Output | typeof FAIL;

/** The shapes of zod 4's definitions that this reads (zod/v4/core). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: unknown;
  innerType?: z.ZodType;
  element?: z.ZodType;
  defaultValue?: unknown;
  values?: unknown[];
  entries?: Record<string, unknown>;
  format?: string;
  coerce?: boolean;
  protocol?: RegExp;
  hostname?: RegExp;
  normalize?: boolean;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  mode?: string;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  tx?: (value: unknown) => unknown;
  fn?: (value: unknown) => unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const optinOf = (schema: z.ZodType): string | undefined => (schema as unknown as { _zod: { optin?: string } })._zod.optin;
/** Takes undefined itself: optional, or with a default (a prefault). */
const optionalIn = (schema: z.ZodType): boolean => optinOf(schema) !== undefined;

/** zod decides for this sub-schema: the fallback for everything not modelled here. */
function byZod(schema: z.ZodType): Node {
  return (value) => {
    const result = schema.safeParse(value);
    return result.success ? result.data : FAIL;
  };
}

type Kind = 'string' | 'number' | 'array' | 'object';

/** One check of a string, number or array, applied to the value as the earlier checks left it; undefined when not modelled. */
function compileCheck(check: CheckDef, kind: Kind): ((value: never) => unknown) | undefined {
  if (kind === 'object' && check.check !== 'custom') return undefined;
  switch (check.check) {
    case 'min_length':
      return kind === 'number' ? undefined : (v: { length: number }) => (v.length >= check.minimum! ? v : FAIL);
    case 'max_length':
      return kind === 'number' ? undefined : (v: { length: number }) => (v.length <= check.maximum! ? v : FAIL);
    case 'string_format':
      if (kind !== 'string' || check.format !== 'regex' || !check.pattern) return undefined;
      return (v: string) => {
        check.pattern!.lastIndex = 0;
        return check.pattern!.test(v) ? v : FAIL;
      };
    case 'overwrite':
      return kind === 'string' && check.tx ? (v: string) => check.tx!(v) : undefined;
    case 'number_format':
      return kind === 'number' && check.format === 'safeint' ? (v: number) => (Number.isSafeInteger(v) ? v : FAIL) : undefined;
    case 'greater_than':
      return kind === 'number' ? (v: number) => ((check.inclusive ? v >= check.value! : v > check.value!) ? v : FAIL) : undefined;
    case 'less_than':
      return kind === 'number' ? (v: number) => ((check.inclusive ? v <= check.value! : v < check.value!) ? v : FAIL) : undefined;
    case 'custom':
      // A refinement: zod runs it on the output so far and fails on a falsy (or pending) answer.
      return check.fn ? (v: never) => (((r) => (r && !(r instanceof Promise) ? v : FAIL))(check.fn!(v))) : undefined;
    default:
      return undefined;
  }
}

/** The checks of a node in order, or undefined when one of them is not modelled. */
function compileChecks(def: Def, kind: Kind): ((value: never) => unknown)[] | undefined {
  const out: ((value: never) => unknown)[] = [];
  for (const check of def.checks ?? []) {
    const compiled = compileCheck(check._zod.def, kind);
    if (!compiled) return undefined;
    out.push(compiled);
  }
  return out;
}

function withChecks(checks: ((value: never) => unknown)[], value: unknown): unknown {
  let v = value;
  for (const check of checks) {
    v = check(v as never);
    if (v === FAIL) return FAIL;
  }
  return v;
}

/**
 * `verdictOnly`: the caller keeps only accept or refuse (passesFastCheck), so objects and arrays
 * need not be copied — except under a check of their own (a refinement), which zod runs on the copy.
 */
function compile(schema: z.ZodType, verdictOnly: boolean, generatedCode: boolean): Node {
  const def = defOf(schema);
  if (def.coerce) return byZod(schema);
  switch (def.type) {
    case 'string': {
      if (def.format === 'url') return compileHttpUrl(schema, def);
      // Other string formats (email, …) carry their own check in the schema: zod decides those.
      if (def.format !== undefined) return byZod(schema);
      const checks = compileChecks(def, 'string');
      if (!checks) return byZod(schema);
      return (v) => (typeof v === 'string' ? withChecks(checks, v) : FAIL);
    }
    case 'number': {
      if (def.format !== undefined) return byZod(schema);
      const checks = compileChecks(def, 'number');
      if (!checks) return byZod(schema);
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? withChecks(checks, v) : FAIL);
    }
    case 'boolean':
      return def.checks?.length ? byZod(schema) : (v) => (typeof v === 'boolean' ? v : FAIL);
    case 'enum': {
      // As zod lists an enum's values: a TypeScript numeric enum's reverse-mapped names are not among them.
      const entries = Object.entries(def.entries ?? {});
      const numbers = entries.map(([, v]) => v).filter((v) => typeof v === 'number');
      const options = new Set(entries.filter(([k]) => !numbers.includes(+k)).map(([, v]) => v));
      return def.checks?.length ? byZod(schema) : (v) => (options.has(v) ? v : FAIL);
    }
    case 'literal': {
      const values = new Set(def.values);
      return def.checks?.length ? byZod(schema) : (v) => (values.has(v) ? v : FAIL);
    }
    case 'optional': {
      // An inner schema that takes undefined itself (a default, a prefault) is run on it by zod.
      if (def.checks?.length || optionalIn(def.innerType!)) return byZod(schema);
      const inner = compile(def.innerType!, verdictOnly, generatedCode);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case 'default': {
      if (def.checks?.length) return byZod(schema);
      const inner = compile(def.innerType!, verdictOnly, generatedCode);
      // zod gives the default as it is, without parsing it.
      return (v) => (v === undefined ? def.defaultValue : inner(v));
    }
    case 'array': {
      const checks = compileChecks(def, 'array');
      if (!checks) return byZod(schema);
      // Length checks read the same length from the input; a refinement needs the copy.
      const copy = !verdictOnly || (def.checks ?? []).some((c) => c._zod.def.check === 'custom');
      const element = compile(def.element!, !copy, generatedCode);
      if (!copy) {
        return (v) => {
          if (!Array.isArray(v)) return FAIL;
          for (let i = 0; i < v.length; i++) if (element(v[i]) === FAIL) return FAIL;
          return withChecks(checks, v);
        };
      }
      return (v) => {
        if (!Array.isArray(v)) return FAIL;
        const out: unknown[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const e = element(v[i]);
          if (e === FAIL) return FAIL;
          out[i] = e;
        }
        return withChecks(checks, out);
      };
    }
    case 'object': {
      // Strict objects refuse unknown keys, loose ones keep them: zod decides. Plain ones drop them.
      if (def.catchall !== undefined) return byZod(schema);
      const checks = compileChecks(def, 'object');
      if (!checks) return byZod(schema);
      const copy = !verdictOnly || checks.length > 0;
      const fields = Object.entries(def.shape!).map(([key, field]) => [key, compile(field, !copy, generatedCode)] as const);
      // A missing key is read as undefined. zod refuses it for a field that is not optional even
      // where the field's schema takes undefined (unknown, any), and keeps the key for a default
      // that is undefined: the shape below models neither, so zod decides.
      const modelled = fields.every(([key, node]) => {
        const optin = optinOf(def.shape![key]!);
        const absent = node(undefined);
        return absent === FAIL || (optin === 'optional' && absent === undefined) || (optin === 'defaulted' && absent !== undefined);
      });
      if (!modelled) return byZod(schema);
      return (generatedCode ? generatedShape : shapeLoop)(fields, checks, copy);
    }
    case 'unknown':
    case 'any':
      return def.checks?.length ? byZod(schema) : (v) => v;
    case 'record':
      return compileRecord(schema, def, generatedCode);
    default:
      return byZod(schema);
  }
}

type Fields = readonly (readonly [string, Node])[];

/**
 * A plain object's fields, checked in the shape's order and copied to the output as zod does (a key
 * is kept when its value is defined or the input has it). Where code cannot be generated (an
 * extension's pages and service worker forbid eval): a loop over the fields.
 */
function shapeLoop(fields: Fields, checks: ((value: never) => unknown)[], copy: boolean): Node {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, node] of fields) {
      const x = node(input[key]);
      if (x === FAIL) return FAIL;
      if (copy && (x !== undefined || key in input)) out[key] = x;
    }
    return copy ? (checks.length === 0 ? out : withChecks(checks, out)) : v;
  };
}

/**
 * shapeLoop's work unrolled into generated code,
 * one statement per field with the key as a literal: every object of a shape is then read and
 * built the same way, which a generic loop over [key, check] pairs is not (checking a 50-mutation
 * push request took 0.07 ms that way, 0.04 ms this way). Only the keys go into the code, as JSON
 * string literals; the checks are passed in as functions.
 */
function generatedShape(fields: Fields, checks: ((value: never) => unknown)[], copy: boolean): Node {
  const lines = fields.map(([key], i) => {
    const k = JSON.stringify(key);
    return copy
      ? `x = f[${i}](v[${k}]); if (x === FAIL) return FAIL; if (x !== undefined || ${k} in v) out[${k}] = x;`
      : `if (f[${i}](v[${k}]) === FAIL) return FAIL;`;
  });
  const body = `return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
    ${copy ? 'const out = {};\n    let x;' : ''}
    ${lines.join('\n    ')}
    return ${copy ? 'checks.length === 0 ? out : withChecks(checks, out)' : 'v'};
  };`;
  const make = new Function('f', 'FAIL', 'checks', 'withChecks', body) as (...args: unknown[]) => Node;
  return make(
    fields.map(([, node]) => node),
    FAIL,
    checks,
    withChecks,
  );
}

/**
 * `z.record(z.string()…, value)` on the plain objects JSON.parse makes. zod walks Reflect.ownKeys,
 * which for such an object is Object.keys' order; everything unusual is zod's to decide: symbol or
 * `__proto__` keys, an own `constructor` (zod's plain-object test reads it), another prototype, a
 * key the key schema refuses (zod may retry it as a number) or rewrites, loose records and
 * records over an enum of keys.
 */
function compileRecord(schema: z.ZodType, def: Def, generatedCode: boolean): Node {
  const keyDef = defOf(def.keyType!);
  if (def.mode === 'loose' || keyDef.type !== 'string' || (def.keyType as unknown as { _zod: { values?: unknown } })._zod.values) return byZod(schema);
  const checks = compileChecks(def, 'object');
  if (!checks) return byZod(schema);
  const key = compile(def.keyType!, false, generatedCode);
  const value = compile(def.valueType!, false, generatedCode);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
    const proto = Object.getPrototypeOf(v) as unknown;
    if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(v, 'constructor') || Object.getOwnPropertySymbols(v).length) return FAIL;
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(input)) {
      if (k === '__proto__' || key(k) !== k) return FAIL;
      const parsed = value(input[k]);
      if (parsed === FAIL) return FAIL;
      out[k] = parsed;
    }
    return withChecks(checks, out);
  };
}

const HTTP_PREFIX = /^https?:\/\//i;
const TAB_OR_LINE_BREAK = /[\t\n\r]/;

/**
 * `z.url({ protocol: /^https?$/ })`, as zod checks it: a URL the WHATWG parser takes, written with
 * "http://" or "https://". Accepted only when zod would output it unchanged: already trimmed, and
 * without tabs or line breaks (zod removes those, as the WHATWG parser ignores them); otherwise
 * this defers to zod. Any other url option (hostname, normalize, another protocol) is zod's to check.
 */
function compileHttpUrl(schema: z.ZodType, def: Def): Node {
  if (def.hostname || def.normalize || def.protocol?.source !== '^https?$' || def.protocol.flags !== '') return byZod(schema);
  const checks = compileChecks(def, 'string');
  if (!checks) return byZod(schema);
  return (v) => (typeof v === 'string' && v.trim() === v && !TAB_OR_LINE_BREAK.test(v) && HTTP_PREFIX.test(v) && URL.canParse(v) ? withChecks(checks, v) : FAIL);
}

export interface FastParser {
  /** True only when zod would accept `value` against `schema`; false means "ask zod". */
  passesFastCheck(schema: z.ZodType, value: unknown): boolean;
  /**
   * What zod's parse would output for `value` (unknown keys of plain objects dropped, defaults
   * filled), when the compiled check accepts it; undefined means "ask zod", which decides and
   * words the error.
   */
  fastParse<T>(schema: z.ZodType<T>, value: unknown): { data: T } | undefined;
}

/** `generatedCode`: unroll object shapes into generated functions (Node only; see generatedShape). */
export function createFastParser({ generatedCode }: { generatedCode: boolean }): FastParser {
  const compiled = new WeakMap<z.ZodType, Node>();
  const verdicts = new WeakMap<z.ZodType, Node>();
  const nodeFor = (schema: z.ZodType, cache: WeakMap<z.ZodType, Node>, verdictOnly: boolean): Node => {
    let node = cache.get(schema);
    if (!node) cache.set(schema, (node = compile(schema, verdictOnly, generatedCode)));
    return node;
  };
  return {
    passesFastCheck: (schema, value) => nodeFor(schema, verdicts, true)(value) !== FAIL,
    fastParse: <T>(schema: z.ZodType<T>, value: unknown) => {
      const out = nodeFor(schema, compiled, false)(value);
      return out === FAIL ? undefined : { data: out as T };
    },
  };
}
