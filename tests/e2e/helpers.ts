import type { BrowserContext, Page, Worker } from '@playwright/test';

/** The Chrome tab id of a page, asked from the extension's service worker by URL. */
export async function tabIdOf(background: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await background.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** Stop the extension's service worker (platform-notes: the next message wakes a fresh one). */
export async function stopServiceWorker(context: BrowserContext, anyExtensionPage: Page): Promise<void> {
  const cdp = await context.newCDPSession(anyExtensionPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
