import type { PageTarget } from '../types';

/**
 * Pure GitHub URL detectors (DESIGN §2 "Site adapters", "Identity"), in the manner of
 * refined-github's github-url-detection. No DOM, never throw.
 *
 * A user and an organisation both live at `https://github.com/<login>` (tabs such as
 * `?tab=repositories` allowed): the URL cannot tell them apart, so `pageTarget` answers kind
 * 'person' and `refineTarget` (page.ts) decides from the page. Organisation-only URLs
 * (`/orgs/<org>/people`…) are companies from the URL alone. Key: `github:<login lower-cased>`.
 *
 * A login is 1-39 characters of `[a-z0-9-]`, with no leading or trailing hyphen and no `--`.
 * Reserved top-level paths are GitHub's own pages, not accounts.
 */

/**
 * Top-level paths that are not accounts. After github-url-detection / github-reserved-names
 * (reconstructed from memory, then extended with current product paths), plus HTTP status pages.
 * Entries with characters a login cannot hold (`.`, `_`) are listed for completeness; the login
 * pattern rejects them anyway.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  // HTTP status pages
  ...Array.from({ length: 32 }, (_, i) => String(400 + i)),
  ...Array.from({ length: 12 }, (_, i) => String(500 + i)),
  // github-reserved-names (as remembered)
  'about', 'access', 'account', 'admin', 'advisories', 'anonymous', 'any', 'api', 'apps', 'attributes', 'auth',
  'billing', 'blob', 'blog', 'bounty', 'branches', 'business', 'businesses', 'c', 'cache', 'case-studies',
  'categories', 'central', 'certification', 'changelog', 'cla', 'cloud', 'codereview', 'collection',
  'collections', 'comments', 'commit', 'commits', 'community', 'companies', 'compare', 'contact', 'contributing',
  'cookbook', 'coupons', 'customer', 'customer-stories', 'customers', 'dashboard', 'dashboards', 'design',
  'develop', 'developer', 'diff', 'discover', 'discussions', 'docs', 'downloads', 'downtime', 'editor', 'editors',
  'edu', 'enterprise', 'events', 'explore', 'featured', 'features', 'files', 'fixtures', 'forked', 'garage',
  'ghost', 'gist', 'gists', 'graphs', 'guide', 'guides', 'help', 'help-wanted', 'home', 'hooks', 'hosting',
  'hovercards', 'identity', 'images', 'inbox', 'individual', 'info', 'integration', 'interfaces', 'introduction',
  'invalid-email-address', 'investors', 'issues', 'jobs', 'join', 'journal', 'journals', 'lab', 'labs',
  'languages', 'launch', 'layouts', 'learn', 'legal', 'library', 'linux', 'listings', 'lists', 'login', 'logos',
  'logout', 'mac', 'maintenance', 'malware', 'man', 'marketplace', 'mention', 'mentioned', 'mentioning',
  'mentions', 'migrating', 'milestones', 'mine', 'mirrors', 'mobile', 'navigation', 'network', 'new', 'news',
  'none', 'nonprofit', 'nonprofits', 'notices', 'notifications', 'oauth', 'offer', 'open-source', 'organisations',
  'organizations', 'orgs', 'pages', 'partners', 'payments', 'personal', 'plans', 'plugins', 'popular',
  'popularity', 'posts', 'press', 'pricing', 'professional', 'projects', 'pulls', 'raw', 'readme',
  'recommendations', 'redeem', 'releases', 'render', 'reply', 'repositories', 'resources', 'restore', 'revert',
  'save-net-neutrality', 'saved', 'scraping', 'search', 'security', 'services', 'sessions', 'settings',
  'shareholders', 'shop', 'showcases', 'signin', 'signup', 'site', 'spam', 'sponsors', 'ssh', 'staff', 'starred',
  'stars', 'static', 'status', 'statistics', 'storage', 'store', 'stories', 'styleguide', 'subscriptions',
  'suggest', 'suggestion', 'suggestions', 'support', 'suspended', 'talks', 'teach', 'teacher', 'teachers',
  'teaching', 'team', 'teams', 'ten', 'terms', 'timeline', 'topic', 'topics', 'tos', 'tour', 'train', 'training',
  'translations', 'tree', 'trending', 'updates', 'username', 'users', 'visualization', 'w', 'watching', 'wiki',
  'windows', 'works-with', 'www', 'www0', 'www1', 'www2', 'www3', 'www4', 'www5', 'www6', 'www7', 'www8', 'www9',
  // Current product and site paths (2020-2025)
  'accelerator', 'achievements', 'apps', 'codespaces', 'copilot', 'customer-stories', 'dependabot', 'desktop',
  'education', 'enterprises', 'git-guides', 'github-copilot', 'images', 'import', 'insights', 'integrations',
  'marketplace', 'mcp', 'models', 'new', 'password_reset', 'premium-support', 'readme', 'robots.txt',
  'security', 'sitemap', 'sitemap.xml', 'solutions', 'spark', 'sponsors', 'team', 'trust-center', 'why-github',
  'favicon.ico', 'manifest.json', 'session', 'settings', 'stars', 'watching', 'notifications', 'pulls', 'issues',
]);

const LOGIN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/i;

/** Tabs of an organisation under `/orgs/<org>/…`: the org's own pages. */
const ORG_TABS = new Set(['repositories', 'people', 'teams', 'projects', 'packages', 'discussions', 'sponsoring']);

interface Parsed {
  login: string;
  /** The URL alone says organisation (`/orgs/<org>/people`). */
  org: boolean;
}

function parse(input: string | URL): Parsed | undefined {
  let url: URL;
  try {
    url = new URL(typeof input === 'string' ? input : input.href);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname !== 'github.com') return undefined;
  const parts = url.pathname.split('/').slice(1);
  if (parts.at(-1) === '') parts.pop();
  if (parts.some((p) => p === '')) return undefined;

  if (parts.length === 1) {
    const login = parts[0]!;
    return isLogin(login) ? { login, org: false } : undefined;
  }
  if (parts.length === 3 && parts[0] === 'orgs' && ORG_TABS.has(parts[2]!.toLowerCase())) {
    const login = parts[1]!;
    return isLogin(login) ? { login, org: true } : undefined;
  }
  return undefined;
}

/** A valid account name that is not one of GitHub's own top-level paths. */
export function isLogin(name: string): boolean {
  return LOGIN.test(name) && !RESERVED_NAMES.has(name.toLowerCase());
}

/** `github.com/<login>` (user or organisation, the URL cannot tell) or an org-only page. */
export function isProfilePage(url: string | URL): boolean {
  return parse(url) !== undefined;
}

/** Only URLs that are an organisation's by themselves: `github.com/orgs/<org>/people` and the other org tabs. */
export function isOrgPage(url: string | URL): boolean {
  return parse(url)?.org === true;
}

/** `https://github.com/AaronPK?tab=repositories` → `github:aaronpk`. */
export function profileKey(url: string | URL): string | undefined {
  const parsed = parse(url);
  return parsed && `github:${parsed.login.toLowerCase()}`;
}

/**
 * The account the URL names. Kind 'person' for `github.com/<login>` (refine with `refineTarget`
 * once the page is there), 'company' for org-only URLs.
 */
export function pageTarget(url: string | URL): PageTarget | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  const login = parsed.login.toLowerCase();
  return { kind: parsed.org ? 'company' : 'person', key: `github:${login}`, url: `https://github.com/${login}` };
}

/** `/microsoft`, `https://github.com/microsoft` → `github:microsoft` (links on a page). */
export function accountKeyFromHref(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, 'https://github.com/');
  } catch {
    return undefined;
  }
  const parsed = parse(url);
  return parsed && !parsed.org ? `github:${parsed.login.toLowerCase()}` : undefined;
}
