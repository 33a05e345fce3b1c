/**
 * Helpers of the player e2e tests: "record" realistic fingerprints with the real locator (its standalone
 * browser build, bundled here from lib/locator so it is never stale) in a page of the practice sites,
 * seed walkthroughs into the extension's database, and read the overlay (open shadow root in e2e).
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import type { ElementFingerprint, StepAction } from '~/lib/schema';
import type { SeedInput, SeedStep } from '~/lib/player/seed';
import { expect } from './fixtures';

let locatorJs: Promise<string> | undefined;

/** lib/locator/standalone.ts as an IIFE (`globalThis.LotseLocator`). */
export function locatorSource(): Promise<string> {
  locatorJs ??= build({
    entryPoints: [resolve('lib/locator/standalone.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return locatorJs;
}

/** Where an element is: a CSS selector, optionally inside an iframe and/or an open shadow root. */
export interface Where {
  css: string;
  /** an iframe (CSS in the top document) whose document holds the element */
  frame?: string;
  /** an open shadow host (CSS in the document) whose shadow root holds the element */
  shadowHost?: string;
  /** among several matches, the one containing this text */
  text?: string;
}

/** `describe` the element in the page, like the recorder does when the mentor acts on it. */
export async function fingerprintOf(page: Page, where: Where): Promise<ElementFingerprint> {
  const has = await page.evaluate(() => 'LotseLocator' in globalThis);
  if (!has) await page.addScriptTag({ content: await locatorSource() });
  await page.waitForFunction(findIn, where, { timeout: 15_000 });
  return page.evaluate((w) => {
    const el = (globalThis as unknown as { __lotseFind: (w: unknown) => Element | null }).__lotseFind(w)!;
    return (globalThis as unknown as { LotseLocator: { describe(el: Element): unknown } }).LotseLocator.describe(el);
  }, where) as Promise<ElementFingerprint>;
}

/** Runs in the page: finds (and registers a finder for) the element named by `where`. */
function findIn(where: Where): boolean {
  const find = (w: Where): Element | null => {
    let root: Document | ShadowRoot = document;
    if (w.frame) {
      const f = document.querySelector(w.frame) as HTMLIFrameElement | null;
      if (!f?.contentDocument) return null;
      root = f.contentDocument;
    }
    if (w.shadowHost) {
      const host = root.querySelector(w.shadowHost);
      if (!host?.shadowRoot) return null;
      root = host.shadowRoot;
    }
    const all = [...root.querySelectorAll(w.css)];
    return (
      (w.text
        ? all.find(
            (e) => (e.textContent ?? '').includes(w.text!) || (e.getAttribute('aria-label') ?? '').includes(w.text!),
          )
        : all[0]) ?? null
    );
  };
  (globalThis as unknown as { __lotseFind: typeof find }).__lotseFind = find;
  const el = find(where);
  return !!el && el.getClientRects().length > 0;
}

/** Playwright locator for a `Where` (frames and open shadow roots are pierced). */
export function locate(page: Page, w: Where): Locator {
  const scope = w.frame ? page.frameLocator(w.frame) : page;
  const css = w.shadowHost ? `${w.shadowHost} ${w.css}` : w.css;
  const loc = scope.locator(css);
  return w.text ? loc.filter({ hasText: w.text }).first() : loc.first();
}

export async function seed(
  background: Worker,
  input: SeedInput,
): Promise<{ walkthroughId: string; stepIds: string[] }> {
  return background.evaluate(
    (i) =>
      (globalThis.lotseTest!.seedWalkthrough as (x: unknown) => Promise<{ walkthroughId: string; stepIds: string[] }>)(
        i,
      ),
    input,
  );
}

export async function setLocale(background: Worker, locale: 'de' | 'en'): Promise<void> {
  await background.evaluate((l) => globalThis.lotseTest!.updateSettings({ locale: l }), locale);
}

export const step = (
  title: string,
  url: string,
  action: StepAction,
  target?: ElementFingerprint,
  extra: Partial<SeedStep> = {},
): SeedStep => ({
  title,
  url,
  action,
  ...(target ? { target } : {}),
  ...extra,
});

/** The overlay in a page (open shadow root in the e2e build). */
export function overlay(page: Page) {
  const card = page.locator('lotse-player .lp-card');
  return {
    host: page.locator('lotse-player'),
    card,
    title: card.locator('.lp-title'),
    box: page.locator('lotse-player .lp-box:not([data-style="hover"])'),
    button: (name: string | RegExp) => card.getByRole('button', { name }),
    /** `orAsk`: on a changed site the locator may rightly ask "Is it this one?" instead */
    async expectStep(k: number, n: number, locale: 'de' | 'en' = 'en', orAsk = false) {
      await expect(card).toHaveAttribute('data-kind', orAsk ? /^(step|ambiguous)$/ : 'step', { timeout: 15_000 });
      await expect(card.locator('.lp-head')).toContainText(
        locale === 'de' ? `Schritt ${k} von ${n}` : `Step ${k} of ${n}`,
      );
    },
  };
}

/** The highlight sits around the element (the overlay draws it 6 px outside the element's box). */
export async function expectHighlightOn(page: Page, el: Locator): Promise<void> {
  const box = overlay(page).box;
  await expect(box).toBeVisible();
  await expect
    .poll(
      async () => {
        const a = await box.boundingBox();
        const b = await el.boundingBox();
        if (!a || !b) return Infinity;
        return Math.max(
          Math.abs(a.x + 6 - b.x),
          Math.abs(a.y + 6 - b.y),
          Math.abs(a.width - 12 - b.width),
          Math.abs(a.height - 12 - b.height),
        );
      },
      { timeout: 10_000 },
    )
    .toBeLessThanOrEqual(4);
}

/** Open the side panel (as a tab) for a browser tab and press a library button of a walkthrough. */
export async function startFromLibrary(
  sidepanel: { openFor(tabId?: number, section?: string): Promise<Page>; page: Page },
  tabId: number,
  title: string,
  button: string | RegExp,
): Promise<void> {
  const panel = await sidepanel.openFor(tabId, 'walkthroughs');
  const row = panel.locator('article.pl-item').filter({ has: panel.getByRole('heading', { name: title }) });
  await row.getByRole('button', { name: button }).click();
}

/** The tab opened or reused for playing: the page with the given URL prefix. */
export async function pageAt(context: BrowserContext, urlPrefix: string): Promise<Page> {
  for (let i = 0; i < 100; i++) {
    const p = context.pages().find((x) => x.url().startsWith(urlPrefix));
    if (p) return p;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no page at ${urlPrefix}`);
}

/** Recorded on the normal site, played on the changed one: move every address under another prefix. */
export async function moveWalkthroughs(background: Worker, from: string, to: string): Promise<void> {
  await background.evaluate(
    async ([a, b]) => {
      const db = globalThis.lotseTest!.db;
      const rewrite = (u: string) => u.replace(a!, b!);
      await db.transaction('rw', db.walkthroughs, db.steps, async () => {
        await db.walkthroughs.toCollection().modify((w) => void (w.startUrl = rewrite(w.startUrl)));
        await db.steps.toCollection().modify((s) => {
          s.url = rewrite(s.url);
          if (s.action.type === 'navigate') s.action.url = rewrite(s.action.url);
        });
      });
    },
    [from, to],
  );
}
