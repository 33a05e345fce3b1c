import { browser } from 'wxt/browser';
import { LotseError } from '~/lib/messages';

/**
 * Chrome allows at most 2 captureVisibleTab calls per second per extension: every capture goes through
 * this queue so fast clicking loses no screenshot (it only waits).
 */
const MIN_GAP_MS = 550;
let last = 0;
let chain: Promise<unknown> = Promise.resolve();

export function captureVisibleTab(windowId: number): Promise<Blob> {
  const job = chain.then(async () => {
    const wait = last + MIN_GAP_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    last = Date.now();
    try {
      const dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
      // data URL → Blob stays inside the background; it is never sent through a message.
      return dataUrlToBlob(dataUrl);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      throw new LotseError(/permission|activeTab|all_urls/i.test(msg) ? 'no-permission' : 'unreachable', msg);
    }
  });
  chain = job.catch(() => undefined);
  return job;
}

function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const meta = dataUrl.slice(5, comma);
  const bin = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: meta.split(';')[0] || 'image/png' });
}
