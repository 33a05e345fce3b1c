import { browser } from 'wxt/browser';

/** The optional host permission pattern for one site, e.g. https://www.linkedin.com/* */
export function originPattern(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

/**
 * Ask for access to exactly one site (optional_host_permissions), from a click in an extension page —
 * browsers only show the prompt during a user gesture. Resolves false when refused or impossible.
 */
export async function ensureSiteAccess(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  const perm = { origins: [pattern] };
  if (await browser.permissions.contains(perm)) return true;
  try {
    return await browser.permissions.request(perm);
  } catch {
    return false;
  }
}
