/**
 * Player e2e: the mentee is never stranded — drift, a deleted element ("looks different", never a wrong
 * highlight), "show me where" healing, reloads, a stopped service worker and a browser restart.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect, launchWithExtension, serviceWorkerOf, waitForTestHooks } from './fixtures';
import { stopServiceWorker, tabIdOf } from './helpers';
import {
  expectHighlightOn,
  fingerprintOf,
  locate,
  moveWalkthroughs,
  overlay,
  seed,
  startFromLibrary,
  step,
  type Where,
} from './player-kit';
import { EDIT_PROFILE, playHeadline, seedHeadline } from './player-walkthroughs';
import { SidePanelPage } from './pages/sidepanel';

const ADD_SECTION: Where = { css: 'button', text: 'Add profile section' };
const OPEN_TO: Where = { css: 'button', text: 'Open to' };

test('the headline walkthrough still plays on the drift version of Kontakto', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const page = await context.newPage();
  await seedHeadline(page, background, sites);
  await moveWalkthroughs(background, '/kontakto', '/drift/kontakto');
  await page.goto(`${sites}/drift/kontakto/feed?reset`);
  await startFromLibrary(sidepanel, await tabIdOf(background, page), 'Update your headline', 'Start');
  await page.bringToFront();
  await playHeadline(page, { drift: true });
});

/** "Add a profile section": recorded on the normal profile, where the button exists, with its picture. */
async function seedAddSection(
  page: Page,
  background: Worker,
  sites: string,
): Promise<{ walkthroughId: string; stepIds: string[] }> {
  await page.goto(`${sites}/kontakto/in/me?reset`);
  const fp = await fingerprintOf(page, ADD_SECTION);
  const box = (await locate(page, ADD_SECTION).boundingBox())!;
  const clip = { x: Math.max(0, box.x - 120), y: Math.max(0, box.y - 60), width: 420, height: 160 };
  const png = (await page.screenshot({ clip })).toString('base64');
  const edit = await fingerprintOf(page, EDIT_PROFILE);
  const ids = await seed(background, {
    walkthrough: { title: 'Add a profile section', startUrl: `${sites}/drift/kontakto/in/me`, language: 'en' },
    steps: [
      step('Click “Add profile section”', `${sites}/drift/kontakto/in/me`, { type: 'click' }, fp, {
        screenshot: { base64: png, mime: 'image/png', width: clip.width, height: clip.height },
      }),
      step('Click “Edit profile”', `${sites}/drift/kontakto/in/me`, { type: 'click' }, edit),
    ],
  });
  return ids;
}

test('a deleted element looks different (never a wrong highlight); "show me where" heals the step', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const page = await context.newPage();
  const { walkthroughId, stepIds } = await seedAddSection(page, background, sites);
  // the drift profile has no "Add profile section" button
  await page.goto(`${sites}/drift/kontakto/in/me?reset`);
  await expect(page.getByRole('button', { name: 'Open to' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add profile section' })).toHaveCount(0);
  await startFromLibrary(sidepanel, await tabIdOf(background, page), 'Add a profile section', 'Start');
  await page.bringToFront();
  const ov = overlay(page);

  await expect(ov.card).toHaveAttribute('data-kind', 'looking');
  await expect(ov.title).toHaveText('Click “Add profile section”');
  await expect(ov.card).toContainText('Looking for “Add profile section” …');
  await expect(ov.box).toBeHidden();
  await expect(ov.card).toHaveAttribute('data-kind', 'looks-different', { timeout: 15_000 });
  await expect(ov.title).toHaveText('This step looks different');
  // nothing on the page is marked, and the recorded picture is shown
  await expect(ov.box).toBeHidden();
  await expect(ov.card.getByRole('img', { name: 'Picture of this step from the recording' })).toBeVisible();
  await expect(ov.button('I’ll show Lotse where it is')).toBeFocused();
  await expect
    .poll(() =>
      background.evaluate(
        (id) => globalThis.lotseTest!.db.stepHealth.where('stepId').equals(id).toArray(),
        stepIds[0]!,
      ),
    )
    .toEqual([
      expect.objectContaining({
        outcome: 'not-found',
        walkthroughId,
        walkthroughVersion: 1,
        url: `${sites}/drift/kontakto/in/me`,
      }),
    ]);

  // show me where: the mentee points at "Open to"; the page must not react to that click
  await ov.button('I’ll show Lotse where it is').click();
  await expect(ov.title).toHaveText('Where is it?');
  const openTo = locate(page, OPEN_TO);
  await openTo.hover();
  await openTo.click();
  await expect(openTo).toHaveAttribute('aria-expanded', 'false');
  await expect(ov.title).toHaveText('Is it this one?');
  await expectHighlightOn(page, openTo);
  await ov.button('Yes, remember it').click();
  await ov.expectStep(1, 2);
  await expectHighlightOn(page, openTo);
  const healed = await background.evaluate((id) => globalThis.lotseTest!.db.steps.get(id), stepIds[0]!);
  expect(healed?.healedTarget).toMatchObject({ tag: 'button', name: 'Open to' });
  const outcomes = await background.evaluate(
    async (id) =>
      (await globalThis.lotseTest!.db.stepHealth.where('stepId').equals(id).sortBy('at')).map((h) => h.outcome),
    stepIds[0]!,
  );
  expect(outcomes).toEqual(['not-found', 'healed']);

  // doing the healed step moves on; the drift "Edit profile" (moved) is found or asked about
  await openTo.click();
  await ov.expectStep(2, 2, 'en', true);
  await expectHighlightOn(page, locate(page, EDIT_PROFILE));

  // next time the healed step is found directly
  await ov.button('Exit').click();
  await expect(ov.card).toHaveAttribute('data-kind', 'toast');
  await page.keyboard.press('Escape'); // close the site's "Open to" menu
  await startFromLibrary(sidepanel, await tabIdOf(background, page), 'Add a profile section', 'Start over');
  await page.bringToFront();
  await ov.expectStep(1, 2);
  await expectHighlightOn(page, openTo);
});

test('skip, note a question and stop from "looks different"', async ({ context, background, sites, sidepanel }) => {
  const page = await context.newPage();
  const { walkthroughId, stepIds } = await seedAddSection(page, background, sites);
  await page.goto(`${sites}/drift/kontakto/in/me?reset`);
  await startFromLibrary(sidepanel, await tabIdOf(background, page), 'Add a profile section', 'Start');
  await page.bringToFront();
  const ov = overlay(page);
  await expect(ov.card).toHaveAttribute('data-kind', 'looks-different', { timeout: 15_000 });
  // the question composer (questions feature) opens for this step; Escape closes it without a trace
  await ov.button('Note a question').click();
  const composer = page.getByRole('dialog', { name: /note a question/i });
  await expect(composer).toBeVisible();
  await expect(composer).toContainText('Add a profile section');
  await page.keyboard.press('Escape');
  await expect(composer).toBeHidden();
  await expect(ov.card).toHaveAttribute('data-kind', 'looks-different');
  await ov.button('Skip this step').click();
  // the moved "Edit profile" of the drift site is found, or asked about (one clear candidate)
  await ov.expectStep(2, 2, 'en', true);
  await expectHighlightOn(page, locate(page, EDIT_PROFILE));
  if ((await ov.card.getAttribute('data-kind')) === 'ambiguous') await ov.button('Yes, this one').click();
  await ov.expectStep(2, 2);
  await ov.button('Back').click();
  await expect(ov.card).toHaveAttribute('data-kind', 'looks-different', { timeout: 15_000 });
  await ov.button('Stop the walkthrough').click();
  await expect(ov.card).toHaveCount(0);
  // the card closes at once; the records reach the database a moment later (none may be lost)
  await expect
    .poll(() =>
      background.evaluate(
        async (id) =>
          (await globalThis.lotseTest!.db.stepHealth.where('stepId').equals(id).sortBy('at')).map((h) => h.outcome),
        stepIds[0]!,
      ),
    )
    .toEqual(['not-found', 'question', 'skipped', 'not-found', 'stopped']);
  // a "yes" on a single candidate is kept as the step's correction, like "show me where"
  const step2 = await background.evaluate((id) => globalThis.lotseTest!.db.steps.get(id), stepIds[1]!);
  expect(step2?.healedTarget === undefined || step2.healedTarget.tag === 'a').toBe(true);
  // stopped at step 1: the library offers a fresh start, the walkthrough is not playing any more
  await expect
    .poll(() => background.evaluate((id) => globalThis.lotseTest!.db.progress.get(id), walkthroughId))
    .toMatchObject({ status: 'paused', stepIndex: 0 });
  expect(await background.evaluate(() => (globalThis.lotseTest!.playerSessions as () => Promise<unknown[]>)())).toEqual(
    [],
  );
});

test('a reload in the middle resumes at the same step; a stopped service worker loses nothing', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const page = await context.newPage();
  await seedHeadline(page, background, sites);
  await startFromLibrary(sidepanel, await tabIdOf(background, page), 'Update your headline', 'Start');
  await page.bringToFront();
  // while it plays, the browser itself injects Lotse into the site's pages (a worker stopped during a
  // page load cannot miss it)
  const registered = () =>
    sidepanel.page.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).flatMap((c) => c.matches ?? []),
    );
  await expect.poll(registered).toEqual([`${sites}/*`]);
  let reloaded = false;
  await playHeadline(page, {
    before: async (k) => {
      if (k === 3) await stopServiceWorker(context, sidepanel.page);
      if (k === 5 && !reloaded) {
        reloaded = true;
        await overlay(page).expectStep(5, 7);
        await page.reload();
        await stopServiceWorker(context, sidepanel.page);
      }
    },
  });
  // finished: registered nowhere any more
  await expect.poll(registered).toEqual([]);
});

test('closing and reopening the browser offers "continue at step k" and resumes there', async ({
  userDataDir,
  sites,
}) => {
  const first = await launchWithExtension({ userDataDir });
  let sw = await serviceWorkerOf(first.context);
  // the worker can be reported before its script ran (not even setTimeout exists then): wait from outside
  await waitForTestHooks(sw);
  await sw.evaluate(() => globalThis.lotseTest!.updateSettings({ onboarded: true, locale: 'en' }));
  const page = await first.context.newPage();
  const wid = await seedHeadline(page, sw, sites);
  const panel = new SidePanelPage(first.context, new URL(sw.url()).host);
  await startFromLibrary(panel, await tabIdOf(sw, page), 'Update your headline', 'Start');
  await page.bringToFront();
  await playHeadline(page, {
    before: async (k) => {
      if (k === 5) throw new Stop();
    },
  }).catch((e: unknown) => {
    if (!(e instanceof Stop)) throw e;
  });
  await expect(overlay(page).card).toHaveAttribute('data-kind', 'step');
  await first.context.close();

  const second = await launchWithExtension({ userDataDir });
  try {
    sw = await serviceWorkerOf(second.context);
    await waitForTestHooks(sw);
    const progress = await sw.evaluate((id) => globalThis.lotseTest!.db.progress.get(id), wid);
    expect(progress).toMatchObject({ stepIndex: 4, status: expect.stringMatching(/^(playing|paused)$/) });
    const panel2 = new SidePanelPage(second.context, new URL(sw.url()).host);
    // the mentee's tab is on the practice sites' start page
    const blank = second.context.pages()[0] ?? (await second.context.newPage());
    await blank.goto(`${sites}/`);
    const p = await panel2.openFor(await tabIdOf(sw, blank), 'walkthroughs');
    const row = p.locator('article.pl-item').filter({ hasText: 'Update your headline' });
    await expect(row).toContainText('Step 5 of 7');
    await expect(row.getByRole('button', { name: 'Start over' })).toBeVisible();
    await row.getByRole('button', { name: 'Continue at step 5' }).click();
    // his tab (same site) is reused and opens the page of step 5
    await blank.waitForURL(`${sites}/kontakto/in/me`);
    await blank.bringToFront();
    await playHeadline(blank, { from: 5 });
  } finally {
    await second.context.close();
  }
});

class Stop extends Error {}

test('wandered off to another page: "looks different" offers to go back to the step’s page', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const page = await context.newPage();
  await seedHeadline(page, background, sites);
  await startFromLibrary(sidepanel, await tabIdOf(background, page), 'Update your headline', 'Start');
  await page.bringToFront();
  await playHeadline(page, {
    before: async (k) => {
      if (k !== 5) return;
      throw new Stop();
    },
  }).catch((e: unknown) => {
    if (!(e instanceof Stop)) throw e;
  });
  const ov = overlay(page);
  await ov.expectStep(5, 7);
  // the mentee opens "Jobs" instead of "Edit profile"
  await page.getByRole('link', { name: 'Jobs' }).click();
  await page.waitForURL(/\/kontakto\/jobs$/);
  await expect(ov.card).toHaveAttribute('data-kind', 'looks-different', { timeout: 15_000 });
  await expect(ov.card).toContainText('This step belongs to another page of the website.');
  await expect(ov.button('Go to that page')).toBeFocused();
  await ov.button('Go to that page').click();
  await page.waitForURL(`${sites}/kontakto/in/me`);
  await playHeadline(page, { from: 5 });
});
