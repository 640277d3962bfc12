import { decodeEntities } from './entities';

/**
 * A small, forgiving XML reader for feeds. Real feeds are often not well-formed — unclosed tags,
 * stray `&`, HTML pasted raw, double-escaped CDATA markers — and a strict parser would drop the
 * whole feed for one bad item. This one never throws: it reads what it can. It processes no DTD
 * and expands no custom entities (nothing like a billion-laughs attack can grow here), and it caps
 * depth and node count.
 */
export interface XmlElement {
  /** Qualified name as written, e.g. `content:encoded`. */
  name: string;
  /** The part after any prefix, lower-cased: what feed readers match on. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const MAX_DEPTH = 64;
const MAX_NODES = 200_000;
const NAME = /^[A-Za-z_][\w.:-]*/;

function element(name: string, attrs: Record<string, string> = {}): XmlElement {
  return { name, local: (name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : name).toLowerCase(), attrs, children: [] };
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const name = m[1]!;
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

export function parseXml(input: string): XmlElement {
  const root = element('#document');
  const stack: XmlElement[] = [root];
  let nodes = 0;
  let i = 0;
  const n = input.length;
  const top = () => stack[stack.length - 1]!;
  const pushText = (text: string) => {
    if (text === '') return;
    const children = top().children;
    const last = children[children.length - 1];
    if (typeof last === 'string') children[children.length - 1] = last + text;
    else if (nodes++ < MAX_NODES) children.push(text);
  };

  while (i < n) {
    const lt = input.indexOf('<', i);
    if (lt === -1) {
      pushText(decodeEntities(input.slice(i)));
      break;
    }
    if (lt > i) pushText(decodeEntities(input.slice(i, lt)));
    i = lt;
    if (input.startsWith('<![CDATA[', i)) {
      const end = input.indexOf(']]>', i + 9);
      pushText(input.slice(i + 9, end === -1 ? n : end));
      i = end === -1 ? n : end + 3;
    } else if (input.startsWith('<!--', i)) {
      const end = input.indexOf('-->', i + 4);
      i = end === -1 ? n : end + 3;
    } else if (input.startsWith('<?', i)) {
      const end = input.indexOf('?>', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (input.startsWith('<!', i)) {
      // DOCTYPE (with an internal subset, skipped unread) or another declaration.
      const bracket = input.indexOf('[', i);
      const close = input.indexOf('>', i);
      const end = bracket !== -1 && (close === -1 || bracket < close) ? input.indexOf(']>', bracket) : close;
      i = end === -1 ? n : end + (input[end] === ']' ? 2 : 1);
    } else if (input[i + 1] === '/') {
      const close = input.indexOf('>', i);
      const name = input.slice(i + 2, close === -1 ? n : close).trim();
      i = close === -1 ? n : close + 1;
      // Close up to the matching open element; a stray end tag closes nothing.
      for (let d = stack.length - 1; d > 0; d--) {
        if (stack[d]!.name === name || stack[d]!.name.toLowerCase() === name.toLowerCase()) {
          stack.length = d;
          break;
        }
      }
    } else {
      const name = NAME.exec(input.slice(i + 1, i + 200))?.[0];
      if (!name) {
        pushText('<');
        i += 1;
        continue;
      }
      const close = findTagEnd(input, i + 1 + name.length);
      const inner = input.slice(i + 1 + name.length, close === -1 ? n : close);
      i = close === -1 ? n : input[close] === '>' ? close + 1 : close;
      const selfClosing = inner.trimEnd().endsWith('/');
      const el = element(name, parseAttrs(selfClosing ? inner.trimEnd().slice(0, -1) : inner));
      if (nodes++ < MAX_NODES) top().children.push(el);
      if (!selfClosing && stack.length < MAX_DEPTH) stack.push(el);
    }
  }
  return root;
}

/** The `>` that ends a start tag (skipping quoted attribute values), or the `<` of the next tag when it is unclosed. */
function findTagEnd(input: string, from: number): number {
  let quote: string | undefined;
  const limit = Math.min(input.length, from + 4000);
  for (let j = from; j < limit; j++) {
    const ch = input[j];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return j;
    else if (ch === '<') return j; // an unclosed tag: end it before the next one
  }
  // An unbalanced quote or an endless tag: end at the first '>' after all.
  return input.indexOf('>', from);
}

export function children(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (local === undefined || c.local === local));
}

export function child(el: XmlElement, ...locals: string[]): XmlElement | undefined {
  for (const local of locals) {
    const found = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === local);
    if (found) return found;
  }
  return undefined;
}

/** All text inside, tags dropped. */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  return node.children.map(textOf).join('');
}

function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function escapeText(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The element's content as markup: text children are HTML already when a feed escaped or
 * CDATA-wrapped it; element children (XHTML content, raw HTML) are written back out.
 */
export function innerMarkup(el: XmlElement | undefined): string {
  if (!el) return '';
  const hasElements = el.children.some((c) => typeof c !== 'string');
  if (!hasElements) return el.children.join('');
  return el.children
    .map((c) => {
      if (typeof c === 'string') return escapeText(c);
      const attrs = Object.entries(c.attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
      return `<${c.name}${attrs}>${innerMarkup(c)}</${c.name}>`;
    })
    .join('');
}

/** Elements named `local` anywhere below `el`, not looking inside a match. */
export function findAll(el: XmlElement, locals: ReadonlySet<string>, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (locals.has(c.local)) out.push(c);
    else findAll(c, locals, out);
  }
  return out;
}
