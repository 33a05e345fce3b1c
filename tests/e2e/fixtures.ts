/**
 * e2e fixtures: a persistent Chromium context with the built extension (e2e build), the extension id
 * from its service worker, the practice sites on a free port, and page objects for popup and side panel.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSites } from '../fixtures/sites/server';
import { SidePanelPage } from './pages/sidepanel';
import { PopupPage } from './pages/popup';

export const EXTENSION_DIR = resolve(process.env.LOTSE_OUT_DIR ?? '.output', 'chrome-mv3-e2e');
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  userDataDir?: string;
  locale?: string;
}

/** Launch Chromium with the extension. Reusing `userDataDir` simulates closing and reopening the browser. */
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<{ context: BrowserContext; userDataDir: string }> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'lotse-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    locale: opts.locale ?? 'en-US',
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--lang=${opts.locale ?? 'en-US'}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return { context, userDataDir };
}

/** Collects every request (pages, extension pages, service worker) to anything but 127.0.0.1 / the extension. */
export function watchRequestsLeaving(context: BrowserContext): string[] {
  const leaving: string[] = [];
  context.on('request', (req) => {
    const url = req.url();
    if (/^(chrome-extension|data|blob|about):/.test(url)) return;
    if (/^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(url)) return;
    leaving.push(url);
  });
  return leaving;
}

/** The worker may be reported before its script ran: wait until the e2e hooks are installed. */
export async function waitForTestHooks(sw: Worker, hook?: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    // polled from outside: inside a worker that has not run its script yet not even setTimeout exists
    const ready = await sw
      .evaluate(
        (name) =>
          typeof globalThis.lotseTest === 'object' &&
          (!name || typeof (globalThis.lotseTest as unknown as Record<string, unknown>)[name] === 'function'),
        hook,
      )
      .catch(() => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('lotseTest hooks missing: is this the e2e build (wxt build --mode e2e)?');
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
}

export interface Fixtures {
  /** mark first-run setup as done before the test (default true) */
  onboarded: boolean;
  context: BrowserContext;
  userDataDir: string;
  extensionId: string;
  background: Worker;
  /** the practice sites' origin, e.g. http://127.0.0.1:40123 */
  sites: string;
  sidepanel: SidePanelPage;
  popup: PopupPage;
  /** open an extension page (e.g. 'sidepanel.html?tabId=3') in a new tab */
  openExtensionPage: (path: string) => Promise<Page>;
}

export const test = base.extend<Fixtures, { sitesServer: { origin: string; close(): Promise<void> } }>({
  sitesServer: [
    async ({}, use) => {
      const server = await startSites({ port: 0, quiet: true });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  sites: async ({ sitesServer }, use) => {
    await use(sitesServer.origin);
  },
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ userDataDir }, use, testInfo) => {
    const { context } = await launchWithExtension({ userDataDir });
    const leaving = watchRequestsLeaving(context);
    await use(context);
    await context.close();
    // Lotse sends nothing anywhere: every test fails if anything left for a host other than the
    // practice sites (127.0.0.1) or the extension itself.
    if (leaving.length && testInfo.status === testInfo.expectedStatus) {
      throw new Error(`requests left the machine: ${leaving.slice(0, 5).join(', ')}`);
    }
  },
  onboarded: [true, { option: true }],
  background: async ({ context, onboarded }, use) => {
    const sw = await serviceWorkerOf(context);
    // Most tests start with a set-up tandem; first-run tests pass { onboarded: false }.
    if (onboarded) {
      await waitForTestHooks(sw);
      await sw.evaluate(() => globalThis.lotseTest!.updateSettings({ onboarded: true }));
    }
    await use(sw);
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
  sidepanel: async ({ context, extensionId }, use) => {
    await use(new SidePanelPage(context, extensionId));
  },
  popup: async ({ context, extensionId }, use) => {
    await use(new PopupPage(context, extensionId));
  },
});

export const expect = test.expect;

/** Where tests save screenshots for people to look at. */
export const SHOTS_DIR = resolve(process.env.LOTSE_TEST_RESULTS ?? 'test-results', 'screenshots');
