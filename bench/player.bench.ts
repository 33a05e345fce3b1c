/**
 * player.stepShowMs: from "the locator found the step's element" to "the card beside it was painted"
 * (performance marks in the content script: the found mark, then a measure one frame after the card was
 * positioned), median over the steps of a walkthrough played on Kontakto by clicking each target.
 * player.idleCpuPct: what the shown overlay costs on a page that mutates its DOM all the time —
 * main-thread busy time (CDP Performance.getMetrics TaskDuration, in thread CPU time so other processes
 * on the machine do not count) over fixed windows, alternately with the step shown and without the
 * player (three rounds each); the difference of the medians, in % of the window.
 * player.libraryFirstContentMs: side panel opened on the walkthrough library with 500 walkthroughs of
 * 8 steps each until its first rows are there (performance mark), median of 7 loads.
 * Headless Chromium with the e2e build (the only difference to production is the test hooks).
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { startSites } from '../tests/fixtures/sites/server';
import { buildBenchExtension, launchBenchBrowser } from './extension';
import type { BenchModule } from './types';

const OUT_DIR = '.output-bench-player';
const WINDOW_MS = 6_000;
const ROUNDS = 3;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

async function locatorSource(root: string): Promise<string> {
  const r = await build({
    entryPoints: [join(root, 'lib/locator/standalone.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

async function describeAll(page: Page, src: string, selectors: string[]): Promise<unknown[]> {
  await page.addScriptTag({ content: src });
  return page.evaluate(
    (sels) =>
      sels.map((s) => {
        const el = document.querySelector(s);
        if (!el) throw new Error(`missing ${s}`);
        return (globalThis as unknown as { LotseLocator: { describe(e: Element): unknown } }).LotseLocator.describe(el);
      }),
    selectors,
  );
}

async function seed(
  sw: Worker,
  title: string,
  startUrl: string,
  steps: { title: string; url: string; target: unknown }[],
): Promise<string> {
  const { walkthroughId } = await sw.evaluate(
    (input) => (globalThis.lotseTest!.seedWalkthrough as (x: unknown) => Promise<{ walkthroughId: string }>)(input),
    {
      walkthrough: { title, startUrl, language: 'en' },
      steps: steps.map((s) => ({ ...s, action: { type: 'click' } })),
    },
  );
  return walkthroughId;
}

async function start(sw: Worker, page: Page, walkthroughId: string): Promise<void> {
  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
  await sw.evaluate(
    ([id, tab]) =>
      (globalThis.lotseTest!.playerStart as (p: unknown) => Promise<unknown>)({
        walkthroughId: id,
        mode: 'start',
        tabId: tab,
      }),
    [walkthroughId, tabId] as const,
  );
}

/** Values from the content script's isolated world (performance entries are per world). */
async function isolatedEval(
  context: BrowserContext,
  page: Page,
  extId: string,
  expression: string,
): Promise<unknown[]> {
  const cdp = await context.newCDPSession(page);
  const contexts: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string } }) =>
    contexts.push(e.context),
  );
  await cdp.send('Runtime.enable');
  const out: unknown[] = [];
  for (const c of contexts.filter((x) => x.origin === `chrome-extension://${extId}`)) {
    try {
      const r = (await cdp.send('Runtime.evaluate', { expression, contextId: c.id, returnByValue: true })) as {
        result: { value?: unknown };
      };
      out.push(r.result.value);
    } catch {
      /* an old document's world */
    }
  }
  await cdp.detach();
  return out;
}

const MUTATING_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live ticker</title>
<style>body{font:16px system-ui;margin:24px} #ticker span{display:inline-block;width:80px} li{height:18px}</style></head>
<body><h1>Live ticker</h1><p id="ticker"></p><p><button id="go" type="button">Continue</button></p><ul id="feed"></ul>
<script>
const ticker = document.getElementById('ticker'), feed = document.getElementById('feed');
for (let i = 0; i < 20; i++) ticker.appendChild(document.createElement('span'));
let n = 0;
// a busy page: every 50 ms twenty numbers change and the list below grows or shrinks
setInterval(() => {
  n++;
  for (const s of ticker.children) s.textContent = String((n * 7919 + s.textContent.length) % 100000);
  if (n % 40 < 20) { const li = document.createElement('li'); li.textContent = 'Update ' + n; feed.appendChild(li); }
  else feed.lastElementChild && feed.lastElementChild.remove();
  feed.setAttribute('data-n', String(n));
}, 50);
</script></body></html>`;

async function busyMs(cdp: { send(m: string): Promise<unknown> }, ms: number): Promise<number> {
  const read = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const a = await read();
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, ms));
  const b = await read();
  return ((b - a) * 1000 * ms) / (Date.now() - t0);
}

const run: BenchModule = async ({ root, chromePath, log }) => {
  log('building the e2e extension …');
  const ext = buildBenchExtension(root, OUT_DIR);
  const sites = await startSites({ port: 0, quiet: true });
  const { context, sw, extensionId: extId, close } = await launchBenchBrowser(
    ext,
    chromePath,
    { width: 1280, height: 800 },
    'playerStart',
  );
  try {
    await sw.evaluate(() => globalThis.lotseTest!.updateSettings({ onboarded: true, locale: 'en' }));
    const src = await locatorSource(root);

    /* ---- stepShowMs: a tour through Kontakto's navigation, every step done by clicking ---- */
    const page = await context.newPage();
    const k = `${sites.origin}/kontakto`;
    await page.goto(`${k}/feed?reset`);
    await page.bringToFront();
    const nav = ['My Network', 'Jobs', 'Messaging', 'Notifications', 'Home'];
    const key: Record<string, string> = {
      'My Network': 'mynetwork',
      Jobs: 'jobs',
      Messaging: 'messaging',
      Notifications: 'notifications',
      Home: 'feed',
    };
    const sel = (name: string) => `a[data-nav="${key[name]}"]`;
    const fps = await describeAll(page, src, nav.map(sel));
    const rounds = 4;
    const steps = Array.from({ length: nav.length * rounds }, (_, i) => ({
      title: `Open “${nav[i % nav.length]}”`,
      url: `${k}/feed`,
      target: fps[i % nav.length],
    }));
    await start(sw, page, await seed(sw, 'Tour', `${k}/feed`, steps));
    log(`playing ${steps.length} steps on Kontakto …`);
    const card = page.locator('lotse-player .lp-card');
    for (let i = 0; i < steps.length; i++) {
      await card.locator('.lp-head', { hasText: `Step ${i + 1} of ${steps.length}` }).waitFor();
      await page
        .locator(sel(nav[i % nav.length]!))
        .first()
        .click({ delay: 60 });
    }
    await card.and(page.locator('[data-kind="finished"]')).waitFor();
    const measures = (
      await isolatedEval(
        context,
        page,
        extId,
        `performance.getEntriesByName('lotse:player:step-show').map(e => e.duration)`,
      )
    ).flat() as number[];
    if (measures.length < steps.length / 2) throw new Error(`only ${measures.length} step-show measures`);
    const stepShow = round(median(measures), 1);
    log(`step shown: n=${measures.length} median=${stepShow} ms max=${round(Math.max(...measures), 1)} ms`);
    await page.close();

    /* ---- idleCpuPct: the overlay on a page that never stops changing ---- */
    const busy = await context.newPage();
    const url = `${sites.origin}/bench/ticker.html`;
    await busy.route(url, (r) =>
      r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: MUTATING_PAGE }),
    );
    await busy.goto(url);
    await busy.bringToFront();
    const cdp = await context.newCDPSession(busy);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const [go] = await describeAll(busy, src, ['#go']);
    const tickerId = await seed(sw, 'Ticker', url, [
      { title: 'Click “Continue”', url, target: go },
      { title: 'Click “Continue” again', url, target: go },
    ]);
    const overlayCard = busy.locator('lotse-player .lp-card');
    log(
      `measuring main-thread time, ${ROUNDS} × (${WINDOW_MS / 1000} s without, ${WINDOW_MS / 1000} s with the step shown) …`,
    );
    const off: number[] = [];
    const on: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      off.push(await busyMs(cdp, WINDOW_MS));
      await start(sw, busy, tickerId);
      await overlayCard.and(busy.locator('[data-kind="step"]')).waitFor();
      await new Promise((res) => setTimeout(res, 3500)); // the pulse is over: the idle state
      on.push(await busyMs(cdp, WINDOW_MS));
      await overlayCard.getByRole('button', { name: 'Exit' }).click();
      await busy.locator('lotse-player').waitFor({ state: 'detached', timeout: 15_000 });
    }
    const pct = round(Math.max(0, ((median(on) - median(off)) / WINDOW_MS) * 100), 2);
    log(
      `busy ms per ${WINDOW_MS / 1000} s without: ${off.map((x) => round(x, 0)).join(', ')}; with the step shown: ${on.map((x) => round(x, 0)).join(', ')}`,
    );
    /* ---- the library with 500 walkthroughs ---- */
    const panel = await context.newPage();
    const panelUrl = `chrome-extension://${extId}/sidepanel.html?section=walkthroughs`;
    await panel.goto(panelUrl);
    await panel.waitForFunction(() => globalThis.lotseTest !== undefined);
    await panel.evaluate('globalThis.__name = (f) => f'); // tsx wraps functions in __name()
    await panel.evaluate(async (origin) => {
      const db = globalThis.lotseTest!.db;
      const iso = (ms: number) => new Date(ms).toISOString();
      const now = Date.now();
      const ws = Array.from({ length: 500 }, (_, i) => ({
        id: crypto.randomUUID(),
        title: `Walkthrough ${i + 1}`,
        description: 'Step by step on the live site.',
        topic: 'LinkedIn',
        startUrl: `${origin}/kontakto/feed`,
        language: 'en' as const,
        version: 1,
        status: 'ready' as const,
        origin: 'local' as const,
        createdAt: iso(now - i * 1000),
        updatedAt: iso(now - i * 1000),
      }));
      const steps = ws.flatMap((w) =>
        Array.from({ length: 8 }, (_, k) => ({
          id: crypto.randomUUID(),
          walkthroughId: w.id,
          order: k + 1,
          title: `Step ${k + 1}`,
          explanation: '',
          url: w.startUrl,
          action: { type: 'tip' as const },
          blurRects: [],
          createdAt: w.createdAt,
          updatedAt: w.updatedAt,
        })),
      );
      await db.walkthroughs.bulkPut(ws);
      await db.steps.bulkPut(steps);
    }, sites.origin);
    const loads: number[] = [];
    const boot: number[] = [];
    for (let i = 0; i < 8; i++) {
      await panel.goto(panelUrl);
      await panel.waitForFunction(() => performance.getEntriesByName('lotse:walkthroughs:first-content').length > 0);
      if (i === 0) continue; // warm-up
      loads.push(
        await panel.evaluate(() => performance.getEntriesByName('lotse:walkthroughs:first-content')[0]!.startTime),
      );
      boot.push(
        await panel.evaluate(
          () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
        ),
      );
    }
    const lib = Math.round(median(loads));
    log(
      `library first content: ${loads.map((x) => Math.round(x)).join(' / ')} ms (page scripts loaded at ${Math.round(median(boot))} ms)`,
    );

    return {
      'player.libraryFirstContentMs': { value: lib, unit: 'ms (500 walkthroughs)', target: '≤ 300', ok: lib <= 300 },
      'player.stepShowMs': { value: stepShow, unit: 'ms (median)', target: '≤ 100', ok: stepShow <= 100 },
      'player.idleCpuPct': { value: pct, unit: '% main thread', target: '≤ 1', ok: pct <= 1 },
    };
  } finally {
    await close();
    await sites.close();
  }
};
export default run;
