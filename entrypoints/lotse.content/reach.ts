import { browser } from 'wxt/browser';
import { LotseError } from '~/lib/messages';

/** The extension is still there (not reloaded or updated, which orphans this script). */
export function contextAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

/**
 * Run a request to the background again while the answer is 'unreachable': the service worker was
 * stopping or starting (the browser stops it when idle, and may at any moment); the next try wakes a
 * fresh one. Other errors, and an orphaned script, end the tries.
 */
export async function whenReachable<T>(job: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await job();
    } catch (err) {
      if (!(err instanceof LotseError && err.code === 'unreachable' && attempt < attempts && contextAlive())) throw err;
      await new Promise((r) => setTimeout(r, 150 * (attempt + 1)));
    }
  }
}
