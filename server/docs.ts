import { createHash } from 'node:crypto';

/**
 * GET /docs: a self-contained page that renders /openapi.json — no CDN, no dependency. The script
 * builds the page with DOM methods and textContent only (the document is data, never markup), and
 * the Content-Security-Policy admits exactly this inline script by its hash.
 */
const SCRIPT = `
const el = (tag, props = {}, ...kids) => {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) k === 'class' ? (n.className = v) : n.setAttribute(k, v);
  for (const k of kids) if (k != null) n.append(typeof k === 'string' ? document.createTextNode(k) : k);
  return n;
};
const refName = (ref) => ref.split('/').pop();
const schemaText = (s) => JSON.stringify(s, null, 2);
const main = document.getElementById('ops');
fetch('openapi.json').then((r) => r.json()).then((doc) => {
  document.getElementById('title').textContent = doc.info.title + ' · v' + doc.info.version;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const section = el('details', { class: 'op', id: method + path.replace(/[^a-z0-9]+/gi, '-') });
      section.append(el('summary', {}, el('span', { class: 'm ' + method }, method.toUpperCase()), ' ', el('code', {}, path), ' ', el('span', { class: 's' }, op.summary || '')));
      if (op.security && op.security.length) section.append(el('p', { class: 'auth' }, 'Authorization: Bearer <token>'));
      const params = op.parameters || [];
      if (params.length) {
        const t = el('table', {}, el('tr', {}, el('th', {}, 'parameter'), el('th', {}, 'in'), el('th', {}, 'required'), el('th', {}, 'schema')));
        for (const p of params) t.append(el('tr', {}, el('td', {}, el('code', {}, p.name)), el('td', {}, p.in), el('td', {}, p.required ? 'yes' : 'no'), el('td', {}, el('code', {}, schemaText(p.schema)))));
        section.append(t);
      }
      const body = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
      if (body) section.append(el('h4', {}, 'Request body'), el('pre', {}, schemaText(body.schema)));
      section.append(el('h4', {}, 'Responses'));
      for (const [code, res] of Object.entries(op.responses || {})) {
        const json = res.content && res.content['application/json'];
        const d = el('details', {}, el('summary', {}, el('b', {}, code), ' ', res.description || ''));
        if (json) d.append(el('pre', {}, schemaText(json.schema)));
        section.append(d);
      }
      main.append(section);
    }
  }
  const schemas = (doc.components && doc.components.schemas) || {};
  for (const [name, s] of Object.entries(schemas)) main.append(el('details', { class: 'op' }, el('summary', {}, 'schema ', el('code', {}, name)), el('pre', {}, schemaText(s))));
}).catch((e) => { main.textContent = 'Could not load openapi.json: ' + e.message; });
`;

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:16px;color:#1d1d1f}
h1{font-size:20px}.op{border:1px solid #ddd;border-radius:6px;margin:6px 0;padding:6px 10px}
.op>summary{cursor:pointer}.m{display:inline-block;min-width:56px;font-weight:600;border-radius:4px;padding:1px 6px;color:#fff;text-align:center}
.get{background:#2b7bb9}.post{background:#2e8b57}.patch{background:#b8860b}.delete{background:#c0392b}.put{background:#8e44ad}
.s{color:#555}pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:360px;font-size:12px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
td code{white-space:pre-wrap;font-size:12px}.auth{color:#555;font-size:12px}
`;

export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Scoutbook sync API</title><style>${STYLE}</style></head>
<body><h1 id="title">Scoutbook sync API</h1>
<p>Every route, from <a href="openapi.json">openapi.json</a> (OpenAPI 3.1). Errors are <code>{ error: { code, message } }</code>.</p>
<main id="ops"></main><script>${SCRIPT}</script></body></html>`;

const scriptHash = createHash('sha256').update(SCRIPT, 'utf8').digest('base64');

export const DOCS_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};
