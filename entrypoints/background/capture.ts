import { browser } from 'wxt/browser';
import { LotseError } from '~/lib/messages';

/**
 * Chrome allows at most 2 captureVisibleTab calls per second per extension: every capture goes through
 * this queue so fast clicking loses no screenshot (it only waits). Jobs run one at a time, in order.
 */
const MIN_GAP_MS = 550;
/** a capture refused for the quota (e.g. right after a service-worker restart, which forgets `last`) */
const QUOTA_RE = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|quota/i;
let last = 0;
let chain: Promise<unknown> = Promise.resolve();
let pending = 0;

export interface CaptureHooks {
  /**
   * Runs in the job's slot right before the capture (hide in-page UI, measure the page). Returning false
   * skips the capture; the job then resolves undefined.
   */
  before?: () => Promise<boolean> | boolean;
  /** Runs after the capture, also when it failed (show in-page UI again). */
  after?: () => Promise<void> | void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function captureNow(windowId: number): Promise<Blob> {
  for (let attempt = 0; ; attempt++) {
    const wait = last + MIN_GAP_MS - Date.now();
    if (wait > 0) await sleep(wait);
    last = Date.now();
    try {
      // JPEG at high quality is much faster to encode and decode than PNG and loses nothing visible
      // after the crop re-encodes to WebP.
      const dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 92 });
      // data URL → Blob stays inside the background; it is never sent through a message.
      return dataUrlToBlob(dataUrl);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (QUOTA_RE.test(msg) && attempt < 4) {
        await sleep(1000);
        continue;
      }
      throw new LotseError(/permission|activeTab|all_urls/i.test(msg) ? 'no-permission' : 'unreachable', msg);
    }
  }
}

/** Capture the visible tab of a window, queued behind every other capture. */
export function captureVisibleTab(windowId: number): Promise<Blob> {
  return captureQueued(windowId, {}) as Promise<Blob>;
}

/** Capture with hooks around the capture; resolves undefined when `before` declined. */
export function captureQueued(windowId: number | (() => Promise<number | undefined>), hooks: CaptureHooks): Promise<Blob | undefined> {
  pending++;
  const job = chain.then(async () => {
    try {
      const wait = last + MIN_GAP_MS - Date.now();
      if (wait > 0) await sleep(wait);
      const win = typeof windowId === 'number' ? windowId : await windowId();
      if (win === undefined) return undefined;
      if (hooks.before && !(await hooks.before())) {
        await hooks.after?.();
        return undefined;
      }
      try {
        return await captureNow(win);
      } finally {
        await hooks.after?.();
      }
    } finally {
      pending--;
    }
  });
  chain = job.catch(() => undefined);
  return job;
}

/** Resolves when every queued capture has run (used before cleaning up after a recording). */
export async function captureIdle(): Promise<void> {
  while (pending > 0) await chain;
}

function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const meta = dataUrl.slice(5, comma);
  const bin = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: meta.split(';')[0] || 'image/png' });
}
