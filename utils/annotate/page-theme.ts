export type Theme = 'light' | 'dark';

/** Relative luminance of an `rgb(a)` colour; undefined when transparent or unparseable. */
function luminance(color: string): number | undefined {
  const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[, /]+([\d.]+))?/.exec(color);
  if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => Number(c) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The page's own theme, so the card matches it: what the site says (LinkedIn's `theme--dark`,
 * GitHub's `data-color-mode`), else how dark the page background actually is, else the OS setting.
 */
export function pageTheme(doc: Document = document): Theme {
  const html = doc.documentElement;
  if (html.classList.contains('theme--dark')) return 'dark';
  if (html.classList.contains('theme--light')) return 'light';
  const mode = html.getAttribute('data-color-mode');
  if (mode === 'dark' || mode === 'light') return mode;
  const view = doc.defaultView;
  for (const el of [doc.body, html]) {
    if (!el || !view) continue;
    const l = luminance(view.getComputedStyle(el).backgroundColor);
    if (l !== undefined) return l < 0.4 ? 'dark' : 'light';
  }
  return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
