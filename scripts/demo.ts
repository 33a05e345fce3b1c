/**
 * npm run demo: build Lotse, start the practice sites, seed a sample tandem and walkthrough, and open
 * Debian's Chromium with the extension on Kontakto. With a display you get a normal browser window to try
 * it yourself; without one (or with DEMO_HEADLESS=1) it plays the sample end to end headless and writes
 * screenshots to demo-output/.
 *
 * The demo uses the e2e build: the production extension plus test hooks for seeding and host access to
 * the local practice sites (a demo cannot click the toolbar button that grants access in real use).
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSites } from '../tests/fixtures/sites/server';
import { fingerprintOf, overlay, pageAt, seed, step, type Where } from '../tests/e2e/player-kit';
import type { SeedInput } from '../lib/player/seed';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const OUT = resolve('demo-output');
const EXT = resolve(process.env.LOTSE_OUT_DIR ?? '.output', 'chrome-mv3-e2e');
const headless = process.env.DEMO_HEADLESS === '1' || !process.env.DISPLAY;
const say = (s: string) => console.log(`▸ ${s}`);

if (!existsSync(CHROME)) {
  console.error(
    `Chromium was not found at ${CHROME}.\n` +
      `Install Debian's Chromium:   sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or point CHROME_PATH at a Chromium binary. (Branded Google Chrome 137+ ignores --load-extension;\n` +
      `there, load ${EXT} by hand via chrome://extensions → Developer mode → Load unpacked.)`,
  );
  process.exit(1);
}

say('building the extension (wxt build --mode e2e) …');
execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: ['ignore', 'ignore', 'inherit'] });

async function startSitesOnPreferredPort() {
  try {
    return await startSites({ port: Number(process.env.PORT ?? 4300), quiet: true });
  } catch {
    return await startSites({ port: 0, quiet: true });
  }
}
const sites = await startSitesOnPreferredPort();
say(`practice sites: ${sites.origin}/`);

const profile = mkdtempSync(join(tmpdir(), 'lotse-demo-'));
const context: BrowserContext = await chromium.launchPersistentContext(profile, {
  executablePath: CHROME,
  headless,
  viewport: headless ? { width: 1280, height: 800 } : null,
  locale: 'de-DE',
  args: [
    ...(headless ? ['--headless=new'] : []),
    `--disable-extensions-except=${EXT}`,
    `--load-extension=${EXT}`,
    '--lang=de-DE',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
// tsx (esbuild keepNames) wraps functions in __name(); functions we evaluate in pages need it defined.
await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
const sw: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
for (let i = 0; i < 150; i++) {
  if (await sw.evaluate(() => typeof globalThis.lotseTest === 'object').catch(() => false)) break;
  await new Promise((r) => setTimeout(r, 100));
}
const extensionId = new URL(sw.url()).host;

/* ---------- seed: a tandem, goals, questions and the sample walkthrough ---------- */

say('seeding a sample tandem and the walkthrough „Überschrift im Profil ändern“ …');
await sw.evaluate(async () => {
  const t = globalThis.lotseTest!;
  const now = new Date().toISOString();
  // as the first-run screen saves it: the monthly meetings of the programme are planned too
  const saveTandem = t.saveTandem as (input: Record<string, unknown>) => Promise<{ id: string }>;
  const { id: tandemId } = await saveTandem({
    role: 'mentee',
    myName: 'Klaus',
    partnerName: 'Lena',
    programStart: now.slice(0, 10),
    rhythm: { every: 'monthly', durationMinutes: 60, weekday: 4, time: '16:00' },
    confidentialityText: 'Alles, was wir besprechen, bleibt zwischen uns.',
    acknowledged: true,
  });
  const goal = crypto.randomUUID();
  await t.db.goals.bulkPut([
    { id: goal, tandemId, title: 'LinkedIn-Profil pflegen', description: 'Profil aktuell halten und sichtbar sein.', status: 'in-progress', order: 0, createdAt: now, updatedAt: now },
    { id: crypto.randomUUID(), tandemId, title: 'Hashtags verstehen', description: 'Wofür #Hashtags gut sind und wie man sie nutzt.', status: 'open', order: 1, createdAt: now, updatedAt: now },
  ]);
  await t.db.questions.bulkPut([
    { id: crypto.randomUUID(), text: 'Was ist eigentlich ein Hashtag – und wie viele sollte ein Beitrag haben?', status: 'open', context: { pageTitle: 'Kontakto', url: 'http://127.0.0.1/kontakto/feed' }, answer: '', createdAt: now, updatedAt: now },
    { id: crypto.randomUUID(), text: 'Wer sieht meine Überschrift, wenn ich sie ändere?', status: 'open', goalId: goal, context: {}, answer: '', createdAt: now, updatedAt: now },
  ]);
  await t.updateSettings({ onboarded: true, locale: 'auto' });
  (globalThis as Record<string, unknown>).__demoGoal = goal;
});

// Fingerprints are made the way the recorder makes them: the locator's describe() on the live page.
const k = `${sites.origin}/kontakto`;
const rec = await context.newPage();
await rec.goto(`${k}/feed?reset`);
const where: Record<string, Where> = {
  me: { css: 'header.global-nav button', text: 'Me' },
  viewProfile: { css: '[role=menuitem]', text: 'View profile' },
  editProfile: { css: 'a', text: 'Edit profile' },
  save: { css: '[role=dialog] button', text: 'Save' },
};
const fpMe = await fingerprintOf(rec, where.me!);
await rec.getByRole('button', { name: 'Me', exact: true }).click();
const fpView = await fingerprintOf(rec, where.viewProfile!);
await rec.getByRole('menuitem', { name: 'View profile' }).click();
await rec.waitForURL(/\/in\/me$/);
const fpEdit = await fingerprintOf(rec, where.editProfile!);
await rec.getByRole('link', { name: 'Edit profile', exact: true }).click();
const headlineBox = rec.getByRole('textbox', { name: 'Headline', exact: true });
await headlineBox.waitFor();
// mark the field for the lookup only, and take the mark out of its fingerprint
await headlineBox.evaluate((el) => el.setAttribute('data-demo-target', ''));
const fpHeadline = await fingerprintOf(rec, { css: '[data-demo-target]' });
await headlineBox.evaluate((el) => el.removeAttribute('data-demo-target'));
const fpSave = await fingerprintOf(rec, where.save!);
await rec.close();

const goalId = await sw.evaluate(() => (globalThis as Record<string, unknown>).__demoGoal as string);
const sample: SeedInput = {
  walkthrough: {
    title: 'Überschrift im Profil ändern',
    description: 'So ändern Sie die Überschrift unter Ihrem Namen – das Erste, was andere von Ihnen lesen.',
    startUrl: `${k}/feed`,
    language: 'de',
    estimatedMinutes: 3,
    goalId,
  },
  steps: [
    step('Klicken Sie oben rechts auf „Ich“', `${k}/feed`, { type: 'click' }, fpMe, {
      explanation: 'Dort finden Sie alles rund um Ihr eigenes Profil.',
    }),
    step('Klicken Sie auf „Profil anzeigen“', `${k}/feed`, { type: 'click' }, fpView),
    step('Klicken Sie auf „Profil bearbeiten“', `${k}/in/me`, { type: 'click' }, fpEdit),
    step(
      'Geben Sie Ihre neue Überschrift ein',
      `${k}/in/me/edit`,
      { type: 'input', inputType: 'text', keepValue: true, exampleValue: 'Geschäftsführer | Digitalisierung im Mittelstand', sensitive: false },
      fpHeadline,
      { explanation: 'Ein kurzer Satz, der sagt, was Sie tun. Zum Beispiel Ihre Rolle und Ihr Thema.' },
    ),
    step('Klicken Sie auf „Speichern“', `${k}/in/me/edit`, { type: 'click' }, fpSave),
  ],
};
const { walkthroughId } = await seed(sw, sample);
say(`sample walkthrough seeded (${sample.steps.length} steps)`);

/* ---------- open Kontakto and the side panel ---------- */

const site = context.pages()[0] ?? (await context.newPage());
await site.goto(`${k}/feed?reset`);
const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(u))?.id, `${k}/feed`);
const panel = await context.newPage();
if (headless) await panel.setViewportSize({ width: 420, height: 820 });
await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);

if (!headless) {
  say(`Chromium is open with Lotse on Kontakto (${k}/feed).`);
  say('The second tab is Lotse’s side panel for that tab (opened as a tab; in normal use it sits beside the page).');
  say('Press „Starten“ on „Überschrift im Profil ändern“ and follow the guide. Close the browser to end the demo.');
  await new Promise<void>((r) => context.on('close', () => r()));
  await sites.close();
  process.exit(0);
}

/* ---------- headless: play the sample end to end, with screenshots ---------- */

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const shots: string[] = [];
async function shot(page: Page, name: string) {
  const file = join(OUT, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
  // the page's own transitions (a dialog sliding in) have ended: show what the mentee sees then
  await page
    .waitForFunction('document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity)', undefined, { timeout: 3000 })
    .catch(() => undefined);
  await page.waitForTimeout(100);
  await page.screenshot({ path: file });
  shots.push(file);
}

await panel.locator('article.pl-item').first().waitFor();
await shot(panel, 'sidepanel-library-de');
await panel.locator('article.pl-item').filter({ hasText: sample.walkthrough.title }).getByRole('button').first().click();
const play = await pageAt(context, `${k}/`);
await play.bringToFront();
const ov = overlay(play);
const n = sample.steps.length;

await ov.expectStep(1, n, 'de');
await shot(play, 'step1-me-de');
await play.getByRole('button', { name: 'Me', exact: true }).click();
await ov.expectStep(2, n, 'de');
await shot(play, 'step2-view-profile-de');
await play.getByRole('menuitem', { name: 'View profile' }).click();
await ov.expectStep(3, n, 'de');
await shot(play, 'step3-edit-profile-de');
await play.getByRole('link', { name: 'Edit profile', exact: true }).click();
await ov.expectStep(4, n, 'de');
await shot(play, 'step4-headline-de');
const field = play.getByRole('textbox', { name: 'Headline', exact: true });
await field.fill('Geschäftsführer | Digitalisierung im Mittelstand');
await field.press('Tab');
await ov.expectStep(5, n, 'de');
await shot(play, 'step5-save-de');
await play.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
await ov.card.filter({ hasText: /geschafft|fertig|Fertig|abgeschlossen/i }).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
await shot(play, 'finished-de');

const progress = await sw.evaluate((id) => globalThis.lotseTest!.db.progress.get(id), walkthroughId);
say(`walkthrough finished: progress status = ${progress?.status ?? 'none'}`);

// The other side-panel sections and the popup, in German and English.
for (const locale of ['de', 'en'] as const) {
  await sw.evaluate((l) => globalThis.lotseTest!.updateSettings({ locale: l }), locale);
  for (const section of ['walkthroughs', 'questions', 'meetings', 'settings']) {
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}&section=${section}`);
    await panel.waitForFunction(() => document.getElementById('root')?.childElementCount);
    await panel.waitForTimeout(300);
    await shot(panel, `sidepanel-${section}-${locale}`);
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 560 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForFunction(() => document.getElementById('root')?.childElementCount);
  await popup.waitForTimeout(300);
  await shot(popup, `popup-${locale}`);
  await popup.close();
}

await context.close();
await sites.close();
rmSync(profile, { recursive: true, force: true });
say(`done: the sample walkthrough played end to end. ${shots.length} screenshots in ${OUT}/:`);
for (const s of shots) console.log(`   ${s}`);
process.exit(progress?.status === 'finished' ? 0 : 1);
