import { isObject, type JsonObject } from '../dom';

/**
 * Maimai pages carry their data as JSON inside <script> elements, not as semantic DOM (REALDATA
 * §2). The shapes below are RECONSTRUCTED from public scrapers, not from a saved page: we look in
 * every place a page of this kind is known to use, and parse each guardedly:
 *
 * - `<script id="__NEXT_DATA__" type="application/json">{…}</script>` and any other
 *   `<script type="application/json">`;
 * - `window.__INITIAL_STATE__ = {…};` (also `__INITIAL_DATA__`, `__PRELOADED_STATE__`, `share_data`,
 *   `pageData`… any state-like name assigned a JSON literal);
 * - `… = JSON.parse("…escaped JSON…")` (the form older Maimai pages use, with `\u0022` escapes).
 *
 * Malformed or truncated JSON is skipped, never fatal. Bounded: huge scripts and more than a few
 * blobs are not read, so a hostile page cannot make extraction slow.
 */

const MAX_SCRIPT_CHARS = 2_000_000;
const MAX_STATES = 12;
const MAX_ATTEMPTS_PER_SCRIPT = 24;
const MAX_WALK_NODES = 50_000;

/** `window.__INITIAL_STATE__ =`, `var share_data =`, `window.pageData =` … followed by `{` or `[`. */
const STATE_ASSIGNMENT = /(?:^|[;\s,(])(?:window\.|self\.|globalThis\.|var\s+|let\s+|const\s+)?([A-Za-z_$][\w$]*)\s*=\s*(?=[{[])/g;
const STATE_NAME = /^(?:__\w+__|\w*(?:data|state|props|info|profile|card|company)\w*)$/i;
const JSON_PARSE_CALL = /JSON\.parse\(\s*/g;

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The JS string literal starting at `start` (a `"` or `'`), unescaped; undefined when it is not
 * one or is unterminated. Handles `\uXXXX`, `\u{…}`, `\xXX` and the one-letter escapes.
 */
export function readJsString(text: string, start: number): string | undefined {
  const quote = text[start];
  if (quote !== '"' && quote !== "'") return undefined;
  const out: string[] = [];
  let runStart = start + 1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === quote) {
      out.push(text.slice(runStart, i));
      return out.join('');
    }
    if (c === '\n' || c === '\r') return undefined;
    if (c !== '\\') continue;
    out.push(text.slice(runStart, i));
    const n = text[i + 1];
    i += 1;
    switch (n) {
      case undefined:
        return undefined;
      case 'n': out.push('\n'); break;
      case 'r': out.push('\r'); break;
      case 't': out.push('\t'); break;
      case 'b': out.push('\b'); break;
      case 'f': out.push('\f'); break;
      case 'v': out.push('\v'); break;
      case '0': out.push('\0'); break;
      case '\n': break; // line continuation
      case 'x': {
        const hex = text.slice(i + 1, i + 3);
        if (!/^[0-9a-f]{2}$/i.test(hex)) return undefined;
        out.push(String.fromCharCode(parseInt(hex, 16)));
        i += 2;
        break;
      }
      case 'u': {
        let hex: string;
        if (text[i + 1] === '{') {
          const close = text.indexOf('}', i + 2);
          hex = close === -1 ? '' : text.slice(i + 2, close);
          if (!/^[0-9a-f]{1,6}$/i.test(hex) || parseInt(hex, 16) > 0x10ffff) return undefined;
          i = close;
        } else {
          hex = text.slice(i + 1, i + 5);
          if (!/^[0-9a-f]{4}$/i.test(hex)) return undefined;
          i += 4;
        }
        out.push(String.fromCodePoint(parseInt(hex, 16)));
        break;
      }
      default:
        out.push(n);
    }
    runStart = i + 1;
  }
  return undefined;
}

/** The balanced `{…}` / `[…]` starting at `start` (JSON strings respected), or undefined. */
function balanced(text: string, start: number): string | undefined {
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, start + MAX_SCRIPT_CHARS);
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
      if (depth < 0) return undefined;
    }
  }
  return undefined;
}

/** Where a state came from; extractors report it as the dated alternative that matched. */
export type StateSource = 'next-data' | 'json-script' | 'json-parse' | 'state-assignment';
export interface State {
  data: JsonObject;
  source: StateSource;
}

function push(into: State[], data: unknown, source: StateSource): void {
  if (isObject(data)) into.push({ data, source });
}

function statesFromScript(text: string, into: State[]): void {
  let attempts = 0;
  for (const match of text.matchAll(JSON_PARSE_CALL)) {
    if (attempts++ >= MAX_ATTEMPTS_PER_SCRIPT || into.length >= MAX_STATES) return;
    const literal = readJsString(text, match.index + match[0].length);
    if (literal !== undefined) push(into, tryJson(literal), 'json-parse');
  }
  for (const match of text.matchAll(STATE_ASSIGNMENT)) {
    if (!STATE_NAME.test(match[1] ?? '')) continue;
    if (attempts++ >= MAX_ATTEMPTS_PER_SCRIPT || into.length >= MAX_STATES) return;
    const json = balanced(text, match.index + match[0].length);
    if (json !== undefined) push(into, tryJson(json), 'state-assignment');
  }
}

/** Every JSON state (object) the page embeds, in document order (see the module comment). */
export function embeddedStates(doc: Document): State[] {
  const states: State[] = [];
  for (const script of doc.querySelectorAll('script')) {
    if (states.length >= MAX_STATES) break;
    if (script.hasAttribute('src')) continue;
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    const text = script.textContent ?? '';
    if (!text.trim() || text.length > MAX_SCRIPT_CHARS) continue;
    if (type === 'application/json') {
      push(states, tryJson(text), script.id === '__NEXT_DATA__' ? 'next-data' : 'json-script');
    } else if (type === '' || type === 'module' || type.includes('javascript')) {
      statesFromScript(text, states);
    }
  }
  return states;
}

/**
 * Keys under which a page keeps the VIEWER (the logged-in user), never the page's subject. Lists
 * (arrays: colleagues, "people you may know", employees) are not walked either: whoever is in a
 * list is somebody else.
 */
const VIEWER_KEYS = /^(?:me|my|mine|self|viewer|visitor|myself|my_?info|my_?profile|current_?user|login_?user|user_?self|session|account|auth)$/i;

export interface Found {
  node: JsonObject;
  source: StateSource;
  /** The object holding `node` (siblings such as `exp[]` may sit beside the profile). */
  parent: JsonObject | undefined;
  /** Number of object properties between the state's root and `node`. */
  depth: number;
}

/**
 * Objects matching `test`, shallowest first, walking object properties only (no arrays, no
 * viewer keys). Several states are walked in document order.
 */
export function findObjects(states: readonly State[], test: (node: JsonObject) => boolean): Found[] {
  const found: Found[] = [];
  const queue: Found[] = states.map(({ data, source }) => ({ node: data, source, parent: undefined, depth: 0 }));
  for (let i = 0; i < queue.length && i < MAX_WALK_NODES; i++) {
    const item = queue[i]!;
    if (test(item.node)) found.push(item);
    for (const [key, value] of Object.entries(item.node)) {
      if (queue.length >= MAX_WALK_NODES) break;
      if (isObject(value) && !VIEWER_KEYS.test(key)) queue.push({ node: value, source: item.source, parent: item.node, depth: item.depth + 1 });
    }
  }
  return found.sort((a, b) => a.depth - b.depth);
}
