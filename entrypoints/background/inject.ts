import { browser } from 'wxt/browser';
import { LotseError, sendToTab } from '~/lib/messages';

/** The one runtime content script (registration: 'runtime'): injected only where Lotse records or plays. */
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
