import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startSites } from '../../tests/fixtures/sites/server';
const sites = await startSites({ port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(sites.origin + (process.argv[2] ?? '/kontakto/feed'));
await page.waitForTimeout(1800);
await page.addScriptTag({ content: readFileSync('dist/locator/lotse-locator.js', 'utf8') });
const out = await page.evaluate((sel) => {
  const L = (globalThis as any).LotseLocator;
  const all = Array.from(document.querySelectorAll(sel)); const els = all.filter((e) => /^Like$/.test((e.textContent||'').trim())).slice(0, 2).concat(all.slice(0,1));
  return els.map((e) => { const t0 = performance.now(); const fp = L.describe(e); return { ms: performance.now() - t0, fp }; });
}, process.argv[3] ?? 'button');
console.log(JSON.stringify(out, null, 1));
await browser.close(); await sites.close();
