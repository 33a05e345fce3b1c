import { browser } from 'wxt/browser';
import { LotseError, sendToTab } from '~/lib/messages';

/**
 * The one runtime content script (registration: 'runtime'): injected only where Lotse records or plays —
 * into the tab, and while a walkthrough plays registered for its sites (see registerForOrigins).
 */
export const CONTENT_SCRIPT_FILE = '/content-scripts/lotse.js';

/** Inject the content script into a tab's top frame unless it is already there. */
export async function ensureContentScript(tabId: number): Promise<void> {
  try {
    await sendToTab(tabId, 'content.ping', {});
    return; // already injected
  } catch {
    /* not there yet */
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/permission|Cannot access/i.test(msg)) throw new LotseError('no-permission', msg);
    if (/chrome:\/\/|extensions gallery|cannot be scripted/i.test(msg)) throw new LotseError('unsupported-page', msg);
    throw new LotseError('unreachable', msg);
  }
}

interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}
interface ScriptingRegistry {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

/** What this worker last registered per registration id (space-separated origins). */
const registered = new Map<string, string>();

/**
 * Keep the content script registered for pages of these origins (`https://site.example`), or none:
 * the browser then injects it into every page load there by itself — without waiting for the service
 * worker, which the browser may stop just while a page loads. Not kept across browser restarts. Needs
 * the site's host permission (asked before recording or playing there); without it, or in a browser
 * without dynamic content scripts, tabs.onUpdated injection alone remains.
 */
export async function registerForOrigins(id: string, origins: readonly string[]): Promise<void> {
  const scripting = browser.scripting as unknown as Partial<ScriptingRegistry> | undefined;
  if (!scripting?.registerContentScripts || !scripting.getRegisteredContentScripts) return;
  // Callers sync on every state change; the registration changes rarely (new worker: checked once).
  const key = [...origins].sort().join(' ');
  if (registered.get(id) === key) return;
  try {
    const there = (await scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
    if (!origins.length) {
      if (there) await scripting.unregisterContentScripts?.({ ids: [id] });
      registered.set(id, key);
      return;
    }
    const script: RegisteredScript = {
      id,
      matches: origins.map((o) => `${o}/*`),
      js: [CONTENT_SCRIPT_FILE.replace(/^\//, '')],
      runAt: 'document_idle',
      persistAcrossSessions: false,
    };
    if (there) await scripting.updateContentScripts?.([script]);
    else await scripting.registerContentScripts([script]);
    registered.set(id, key);
  } catch {
    /* no permission for one of the sites, or the API refused: onUpdated injection remains */
  }
}
