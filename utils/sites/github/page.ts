import { clean, metaContent, textOf } from '../dom';
import type { PageTarget } from '../types';
import { isLogin } from './urls';

/**
 * What a GitHub page is about, from the page itself: a user, an organisation, or neither (a
 * repository, a 404, anything else). No real user or org page was saved (REALDATA §2); the
 * signals are the ones public scrapers use and GitHub has carried for years:
 *
 * - user: `itemtype="http://schema.org/Person"` on the profile's h-card, `.vcard-fullname` /
 *   `.vcard-username` (`itemprop="name"` / `"additionalName"`), `meta[property="profile:username"]`,
 *   `meta[name="hovercard-subject-tag"][content^="user:"]`, `og:type=profile`;
 * - organisation: `itemtype="http://schema.org/Organization"` on the org header, `.orghead`,
 *   `meta[name="hovercard-subject-tag"][content^="organization:"]`,
 *   `meta[name="analytics-location"][content="/<org-login>"]`;
 * - neither: a repository or issue (`og:type=object`, `octolytics-dimension-repository_nwo`),
 *   the 404 page ("Page not found · GitHub").
 *
 * `octolytics-actor-login` names the VIEWER and is never used.
 */

export type GithubPageKind = 'user' | 'org';

const PERSON_SCOPE = '[itemtype="http://schema.org/Person"], [itemtype="https://schema.org/Person"]';
const ORG_SCOPE = '[itemtype="http://schema.org/Organization"], [itemtype="https://schema.org/Organization"]';
const USER_MARKERS = [PERSON_SCOPE, '.vcard-fullname', '.vcard-username', '[itemprop="additionalName"]', '.js-profile-editable-replace'].join(', ');
const ORG_MARKERS = [ORG_SCOPE, '.orghead'].join(', ');

export function isNotFound(doc: Document): boolean {
  return /^page not found\b/i.test(clean(doc.title) ?? '');
}

function isRepository(doc: Document): boolean {
  return metaContent(doc, 'octolytics-dimension-repository_nwo') !== undefined || metaContent(doc, 'og:type') === 'object';
}

/**
 * Page-level meta tags first (they describe the page as a whole and cannot come from a list on
 * it), then the h-card / org header markup, then Open Graph.
 */
export function pageKind(doc: Document): GithubPageKind | undefined {
  if (isNotFound(doc)) return undefined;
  const subject = metaContent(doc, 'hovercard-subject-tag') ?? '';
  if (subject.startsWith('organization:')) return 'org';
  if (subject.startsWith('user:')) return 'user';
  const location = metaContent(doc, 'analytics-location') ?? '';
  if (location === '/<org-login>') return 'org';
  if (location === '/<user-name>') return 'user';
  if (doc.querySelector(USER_MARKERS)) return 'user';
  if (doc.querySelector(ORG_MARKERS)) return 'org';
  if (isRepository(doc)) return undefined;
  if (metaContent(doc, 'og:type') === 'profile' || metaContent(doc, 'profile:username')) return 'user';
  return undefined;
}

/** The login the page says it is about, when it says (`.vcard-username`, `profile:username`, og:url). */
export function pageLogin(doc: Document, kind: GithubPageKind): string | undefined {
  const candidates =
    kind === 'user'
      ? [
          textOf(doc.querySelector('.vcard-username, [itemprop="additionalName"]')),
          metaContent(doc, 'profile:username'),
        ]
      : [];
  const ogUrl = metaContent(doc, 'og:url');
  if (ogUrl) {
    try {
      const url = new URL(ogUrl);
      const parts = url.pathname.split('/').filter(Boolean);
      if (url.hostname === 'github.com' && parts.length === 1) candidates.push(parts[0]);
    } catch {
      // not a URL: no login from it
    }
  }
  return candidates.find((c): c is string => !!c && isLogin(c));
}

/**
 * The GitHub adapter's extra hook: the URL gave `github:<login>` as a 'person'; the page says
 * whether it is a user ('person'), an organisation ('company') or neither (undefined: a 404, a
 * page that is not an account). Also undefined when the page names another login than the
 * target (GitHub's Turbo navigation can show the previous page for a moment). Targets of other
 * sites are returned unchanged. Never throws.
 */
export function refineTarget(doc: Document, target: PageTarget): PageTarget | undefined {
  try {
    if (!target.key.startsWith('github:')) return target;
    const kind = pageKind(doc);
    if (!kind) return undefined;
    const login = pageLogin(doc, kind);
    if (login && `github:${login.toLowerCase()}` !== target.key) return undefined;
    return { ...target, kind: kind === 'org' ? 'company' : 'person' };
  } catch {
    return undefined;
  }
}
