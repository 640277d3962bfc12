import { decodeEntities } from './entities';

/** An `<a>` of the HTML, with where its text sits in the plain text. */
export interface Anchor {
  attrs: Record<string, string>;
  text: string;
  start: number;
  end: number;
}

const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article',
  'blockquote', 'pre', 'hr', 'figure', 'figcaption', 'header', 'footer', 'dd', 'dt', 'td', 'th',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe']);

function attrsOf(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  for (let m = re.exec(source); m; m = re.exec(source)) attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

/** Removes CDATA markers that a feed escaped twice (`&lt;![CDATA[ … ]]&gt;`), which arrive as text. */
export function stripCdataMarkers(s: string): string {
  return s.replace(/<!\[CDATA\[/g, '').replace(/\]\]>/g, '');
}

/**
 * Plain text of an HTML fragment: tags dropped, blocks on their own lines, whitespace collapsed,
 * entities decoded. Anchors are reported with their offsets in that text, so that a caller can
 * look at the characters around a link (36Kr's project-link validation).
 */
export function htmlToText(html: string): { text: string; anchors: Anchor[] } {
  const source = stripCdataMarkers(html);
  let text = '';
  const anchors: Anchor[] = [];
  const open: { attrs: Record<string, string>; start: number }[] = [];
  const append = (raw: string) => {
    const chunk = decodeEntities(raw).replace(/[\s\u00a0\u3000]+/g, ' ');
    if (chunk === ' ' || chunk === '') {
      if (text !== '' && !/[ \n]$/.test(text)) text += ' ';
      return;
    }
    text += /(^|\n| )$/.test(text) ? chunk.replace(/^ /, '') : chunk;
  };
  const newline = () => {
    text = text.replace(/ +$/, '');
    if (text !== '' && !text.endsWith('\n')) text += '\n';
  };
  const re = /<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][\w:-]*)([^>]*)>/g;
  let last = 0;
  let skipping: string | undefined;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (!skipping && m.index > last) append(source.slice(last, m.index));
    last = re.lastIndex;
    const name = m[1]?.toLowerCase();
    if (!name) continue;
    const closing = m[0][1] === '/';
    if (skipping) {
      if (closing && name === skipping) skipping = undefined;
      continue;
    }
    if (SKIP.has(name) && !closing && !m[0].endsWith('/>')) {
      skipping = name;
      continue;
    }
    if (BLOCK.has(name)) newline();
    else if (name === 'a') {
      if (!closing) open.push({ attrs: attrsOf(m[2] ?? ''), start: text.length });
      else {
        const a = open.pop();
        if (a) anchors.push({ attrs: a.attrs, start: a.start, end: text.length, text: text.slice(a.start, text.length) });
      }
    }
  }
  if (!skipping && last < source.length) append(source.slice(last));
  // No trimming here beyond the end: anchor offsets index into this very string.
  return { text: text.trimEnd(), anchors: anchors.filter((a) => a.end <= text.trimEnd().length) };
}

/** Whitespace collapsed to single spaces, trimmed. */
export function oneLine(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** At most `max` characters, cut at a word or sentence boundary when one is near, with an ellipsis. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  const cut = chars.slice(0, max - 1).join('');
  const boundary = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('。'), cut.lastIndexOf('，'), cut.lastIndexOf('. '));
  return `${boundary > max * 0.6 ? cut.slice(0, boundary) : cut}…`;
}
