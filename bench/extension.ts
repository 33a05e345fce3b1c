/**
 * Shared by the benches that need Lotse loaded in Chromium: build the e2e mode with production React
 * (what users get, plus the test hooks for seeding) and open a fresh profile with it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

export interface BenchBrowser {
  context: BrowserContext;
  /** the extension's service worker, with its test hooks installed */
  sw: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Build into `outDir` (LOTSE_BENCH + NODE_ENV=production, see wxt.config.ts); returns the extension folder. */
export function buildBenchExtension(root: string, outDir: string): string {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, LOTSE_OUT_DIR: outDir, LOTSE_BENCH: '1', NODE_ENV: 'production' },
  });
  return join(root, outDir, 'chrome-mv3-e2e');
}

/** A new profile with the extension; resolves once the worker's test hook `hook` is there. */
export async function launchBenchBrowser(
  ext: string,
  chromePath: string,
  viewport: { width: number; height: number },
  hook = 'updateSettings',
): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath,
    headless: true,
    viewport,
    args: [
      '--headless=new',
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // the worker may be reported before its script ran: ask from outside until the hook is there
    for (let i = 0; ; i++) {
      const ready = await sw
        .evaluate((name) => typeof (globalThis.lotseTest as Record<string, unknown> | undefined)?.[name] === 'function', hook)
        .catch(() => false);
      if (ready) break;
      if (i > 100) throw new Error('the extension did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    return { context, sw, extensionId: new URL(sw.url()).host, close };
  } catch (e) {
    await close();
    throw e;
  }
}
