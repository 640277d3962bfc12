/**
 * DOM and text readers shared by every site's extractors. Everything here reads text and attributes
 * through querySelector with specific selectors: extraction runs on every profile view, so nothing
 * walks the whole document or reads markup as a string. Nothing here throws on odd input, except
 * where the DOM itself throws (extractors wrap their whole run in try/catch for that).
 */

export type JsonObject = Record<string, unknown>;

/** Collapses whitespace (including no-break spaces and newlines) and trims; empty → undefined. */
export function clean(value: string | null | undefined): string | undefined {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : undefined;
  return text || undefined;
}

export function textOf(el: Element | null | undefined): string | undefined {
  return clean(el?.textContent);
}

/** Text of the first element matching one of `selectors`, in order, that has any text. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const text = textOf(root.querySelector(selector));
    if (text) return text;
  }
  return undefined;
}

/** `<meta property=…>` (Open Graph) or `<meta name=…>`. `key` is always one of our constants. */
export function metaContent(doc: Document, key: string): string | undefined {
  return clean(doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content'));
}

export function canonicalHref(doc: Document): string | undefined {
  return clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? metaContent(doc, 'og:url');
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON string field, cleaned; anything else (objects, numbers) → undefined. */
export function jsonText(value: unknown): string | undefined {
  return typeof value === 'string' ? clean(value) : undefined;
}

export function hasType(node: JsonObject, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/**
 * Every top-level JSON-LD node (arrays and `@graph` flattened one level). Malformed blocks are
 * skipped: they are page data, and a broken one must not stop the other alternatives.
 */
export function jsonLdNodes(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? data : [data]) {
      if (!isObject(item)) continue;
      const graph = item['@graph'];
      if (Array.isArray(graph)) nodes.push(...graph.filter(isObject));
      else nodes.push(item);
    }
  }
  return nodes;
}

/** `value` when it is at most `max` characters (schema limits: longer means we read the wrong thing). */
export function within(value: string | undefined, max: number): string | undefined {
  return value && value.length <= max ? value : undefined;
}

/**
 * The address of the document being read: `document.URL` in a browser; undefined for detached
 * documents (tests, DOMParser output) and for anything that is not http(s).
 */
export function documentUrl(doc: Document): string | undefined {
  let url: unknown;
  try {
    url = doc.URL;
  } catch {
    return undefined;
  }
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : undefined;
}

/** An absolute URL for `href` resolved against `base`, or undefined (never throws). */
export function resolveHref(href: string | null | undefined, base: string): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** Keys in first-seen order, without duplicates and without `exclude`. */
export function uniqueKeys(keys: ReadonlyArray<string | undefined>, exclude?: string): string[] {
  const out: string[] = [];
  for (const key of keys) if (key && key !== exclude && !out.includes(key)) out.push(key);
  return out;
}
