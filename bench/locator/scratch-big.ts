import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startGenServer } from './server';
const gen = await startGenServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(gen.origin + '/feed?n=' + (process.argv[2] ?? '50000'));
console.log(await page.evaluate(readFileSync(process.argv[3] ?? '/tmp/snippet2.js', 'utf8')));
await browser.close(); await gen.close();
