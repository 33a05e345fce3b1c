import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { startSites } from '../../tests/fixtures/sites/server';
const sites = await startSites({ port: 0, quiet: true });
const b = await build({ stdin: { contents: `
import * as D from './lib/locator/describe'; import * as R from './lib/locator/resolve'; import * as K from './lib/locator/rank';
(globalThis as any).P = { D, R, K };`, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'iife', write: false });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(sites.origin + (process.argv[2] ?? '/kontakto/feed'));
await page.waitForTimeout(1800);
await page.addScriptTag({ content: b.outputFiles[0]!.text });
const out = await page.evaluate(`(() => {
  const P = globalThis.P;
  const els = Array.from(document.querySelectorAll('a[href],button,input')).filter((e) => e.checkVisibility()).slice(0, 60);
  const fps = els.map((e) => P.D.describe(e));
  const t = (f) => { const t0 = performance.now(); for (let k = 0; k < 2; k++) for (const fp of fps) f(fp); return ((performance.now() - t0) / (2 * fps.length)).toFixed(3); };
  const ctx = P.D.createContext();
  const pool = Array.from(document.querySelectorAll('button')).slice(0, 40);
  return {
    all: document.querySelectorAll('*').length,
    resolve: t((fp) => P.R.resolveSync(fp, document, { noFastPath: true })),
    resolveFast: t((fp) => P.R.resolveSync(fp, document, {})),
    roots: t(() => P.R.collectRoots(document)),
    describe40: t(() => { for (const e of pool) P.D.describe(e, { selectors: false, context: ctx }); }),
    describe40nocache: t(() => { for (const e of pool) P.D.describe(e, { selectors: false }); }),
    neighbours40: t(() => { for (const e of pool) P.D.neighboursOf(e); }),
    acc40: t(() => { for (const e of pool) P.D.accessibleName(e, document); }),
    heading40: t(() => { for (const e of pool) P.D.headingOf(e, ctx); }),
    anc40: t(() => { for (const e of pool) P.D.ancestorsOf(e); }),
    land40: t(() => { for (const e of pool) P.D.landmarkOf(e); }),
    rank: t((fp) => P.K.rank(fp, fps)),
  };
})()`);
console.log(out);
const fpsOut = await page.evaluate(`(() => Array.from(document.querySelectorAll('a[href],button,input')).filter((e) => e.checkVisibility()).slice(0, 60).map((e) => globalThis.P.D.describe(e)))()`);
(await import('node:fs')).writeFileSync('/tmp/fps.json', JSON.stringify(fpsOut));
await browser.close(); await sites.close();
