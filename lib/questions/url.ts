/**
 * Page addresses noted with a question. Query strings and fragments often carry session tokens, search
 * terms or message ids, so they are dropped unless the user explicitly keeps them. User names and
 * passwords in a URL are always dropped.
 */

const MAX_URL = 2000;

/** true for http(s) addresses; other schemes (file:, data:, chrome:) are never linked from the UI */
export function isWebUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Does the address carry a query string or fragment that sanitising would drop? */
export function hasQueryOrFragment(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.search.length > 1 || u.hash.length > 1;
  } catch {
    return false;
  }
}

/**
 * Origin + path (default) or the full address without credentials (`keepQuery`). Returns undefined for
 * anything that is not a parseable URL, and never more than 2000 characters.
 */
export function sanitizeUrl(url: string | undefined, opts: { keepQuery?: boolean } = {}): string | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  u.username = '';
  u.password = '';
  if (!opts.keepQuery) {
    u.search = '';
    u.hash = '';
  }
  const out = u.protocol === 'http:' || u.protocol === 'https:' ? u.href : `${u.protocol}${u.pathname}`;
  return out.length > MAX_URL ? out.slice(0, MAX_URL) : out;
}

/** A short, readable form for lists: host + path, without the scheme and a trailing slash. */
export function displayUrl(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname;
    return `${u.host}${path}${u.search}${u.hash}`;
  } catch {
    return url;
  }
}
