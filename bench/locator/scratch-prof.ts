import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { startSites } from '../../tests/fixtures/sites/server';
const sites = await startSites({ port: 0, quiet: true });
const b = await build({ stdin: { contents: `
import * as D from './lib/locator/describe'; import { finder } from '@medv/finder';
import { computeAccessibleName } from 'dom-accessibility-api';
globalThis.P = { D, finder, computeAccessibleName };`, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'iife', write: false });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(sites.origin + (process.argv[2] ?? '/kontakto/feed'));
await page.waitForTimeout(1800);
await page.addScriptTag({ content: b.outputFiles[0]!.text });
const out = await page.evaluate(`(() => {
  const P = globalThis.P;
  const els = Array.from(document.querySelectorAll('a[href],button,input')).slice(0, 150);
  const time = (f) => { const t0 = performance.now(); for (let k = 0; k < 3; k++) for (const e of els) f(e); return ((performance.now() - t0) / (3 * els.length)).toFixed(4); };
  return {
    n: els.length, all: document.querySelectorAll('*').length,
    full: time((e) => P.D.describe(e)),
    noSel: time((e) => P.D.describe(e, { selectors: false })),
    finder: time((e) => { try { P.finder(e, { timeoutMs: 15, maxNumberOfPathChecks: 120, seedMinLength: 2 }); } catch {} }),
    accName: time((e) => P.computeAccessibleName(e)),
    neighbours: time((e) => P.D.neighboursOf(e)),
    scope: time((e) => P.D.scopeOf(e)),
    f20: time((e) => { try { P.finder(e, { timeoutMs: 3, maxNumberOfPathChecks: 20, seedMinLength: 1, optimizedMinLength: 2, className: (c) => !/^(_|css-)/.test(c) }); } catch {} }),
    f20nc: time((e) => { try { P.finder(e, { timeoutMs: 3, maxNumberOfPathChecks: 20, seedMinLength: 1, optimizedMinLength: 2, className: () => false }); } catch {} }),
    sample: els.slice(0, 40).map((e) => { try { return P.finder(e, { timeoutMs: 3, maxNumberOfPathChecks: 20, seedMinLength: 1, optimizedMinLength: 2, className: (c) => !/^(_|css-)/.test(c) }); } catch (x) { return String(x); } }),
    heading: time((e) => P.D.headingOf(e)),
    landmark: time((e) => P.D.landmarkOf(e)),
    anc: time((e) => P.D.ancestorsOf(e)),
    label: time((e) => P.D.labelText(e)),
    acc2: time((e) => P.D.accessibleName(e, document)),
    text: time((e) => P.D.boundedText(e, 240)),
    geometry: time((e) => P.D.geometryOf(e, document)),
  };
})()`);
console.log(out);
await browser.close(); await sites.close();
