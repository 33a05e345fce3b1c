/**
 * How the player looks and reads: every overlay state in German and English (screenshots for people to
 * look at), axe-core on the overlay in each state, the larger-text option, the library and the popup.
 */
import type { Page, Worker } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, SHOTS_DIR } from './fixtures';
import { tabIdOf } from './helpers';
import {
  expectHighlightOn,
  fingerprintOf,
  locate,
  overlay,
  seed,
  setLocale,
  startFromLibrary,
  step,
  type Where,
} from './player-kit';
import { LIKE_LENA, ME } from './player-walkthroughs';

const ADD_SECTION: Where = { css: 'button', text: 'Add profile section' };

const TEXT = {
  en: {
    title: 'A tour of Kontakto',
    like: ['Give Lena’s post a like', 'Your mentor’s post is in your feed. Click “Like” under it.'],
    add: ['Click “Add profile section”', ''],
    me: ['Open the “Me” menu', 'Your profile and settings are behind your picture at the top right.'],
    start: 'Start',
    yes: 'Yes, this one',
    point: 'I’ll show Lotse where it is',
    cancel: 'Cancel',
    skip: 'Skip this step',
    pause: 'Pause',
    resume: 'Continue',
    close: 'Close',
  },
  de: {
    title: 'Ein Rundgang durch Kontakto',
    like: [
      'Geben Sie Lenas Beitrag ein „Gefällt mir“',
      'Der Beitrag Ihrer Mentorin steht in Ihrem Feed. Klicken Sie darunter auf „Like“.',
    ],
    add: ['Klicken Sie auf „Add profile section“', ''],
    me: ['Öffnen Sie das Menü „Me“', 'Ihr Profil und Ihre Einstellungen finden Sie oben rechts hinter Ihrem Bild.'],
    start: 'Starten',
    yes: 'Ja, dieses',
    point: 'Ich zeige Lotse, wo es ist',
    cancel: 'Abbrechen',
    skip: 'Diesen Schritt überspringen',
    pause: 'Pause',
    resume: 'Fortsetzen',
    close: 'Schließen',
  },
} as const;

async function seedTour(page: Page, background: Worker, sites: string, locale: 'de' | 'en'): Promise<void> {
  const k = `${sites}/kontakto`;
  await page.goto(`${k}/in/me?reset`);
  const add = await fingerprintOf(page, ADD_SECTION);
  const box = (await locate(page, ADD_SECTION).boundingBox())!;
  const clip = { x: Math.max(0, box.x - 140), y: Math.max(0, box.y - 70), width: 460, height: 180 };
  const png = (await page.screenshot({ clip })).toString('base64');
  await page.goto(`${k}/feed?reset`);
  // only what every "Like" button shares (no position, no context): the player has to ask
  await fingerprintOf(page, LIKE_LENA); // the feed has rendered
  const like = { v: 1 as const, tag: 'button', role: 'button', name: 'Like', text: 'Like' };
  const me = await fingerprintOf(page, ME);
  const t = TEXT[locale];
  await seed(background, {
    walkthrough: { title: t.title, startUrl: `${k}/feed`, language: locale },
    steps: [
      step(t.like[0], `${k}/feed`, { type: 'click' }, like, { explanation: t.like[1] }),
      step(t.add[0], `${k}/feed`, { type: 'click' }, add, {
        screenshot: { base64: png, mime: 'image/png', width: clip.width, height: clip.height },
      }),
      step(t.me[0], `${k}/feed`, { type: 'click' }, me, { explanation: t.me[1] }),
    ],
  });
}

async function axeOverlay(page: Page, state: string): Promise<void> {
  // @axe-core/playwright types against its own playwright-core copy
  type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];
  const result = await new AxeBuilder({ page: page as unknown as AxePage }).include('lotse-player').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const locale of ['en', 'de'] as const) {
  test(`every overlay state, calm and accessible (${locale})`, async ({ context, background, sites, sidepanel }) => {
    test.setTimeout(120_000);
    const t = TEXT[locale];
    const page = await context.newPage();
    await setLocale(background, locale);
    await seedTour(page, background, sites, locale);
    await startFromLibrary(sidepanel, await tabIdOf(background, page), t.title, t.start);
    await page.bringToFront();
    const ov = overlay(page);
    const shot = (state: string) => page.screenshot({ path: `${SHOTS_DIR}/player-${state}-${locale}.png` });

    // ambiguous: "Is it this one?" with Lena's button first
    await expect(ov.card).toHaveAttribute('data-kind', 'ambiguous', { timeout: 15_000 });
    await expectHighlightOn(page, locate(page, LIKE_LENA));
    await expect(ov.button(t.yes)).toBeFocused();
    await shot('ambiguous');
    await axeOverlay(page, 'ambiguous');
    await ov.button(t.yes).click();

    // step: highlight, soft dimming, the card beside the element
    await ov.expectStep(1, 3, locale);
    await expect(ov.title).toHaveText(t.like[0]);
    await shot('step');
    await axeOverlay(page, 'step');
    await locate(page, LIKE_LENA).click();

    // looking, then looks different with the recorded picture
    await expect(ov.card).toHaveAttribute('data-kind', 'looking');
    await shot('looking');
    await axeOverlay(page, 'looking');
    await expect(ov.card).toHaveAttribute('data-kind', 'looks-different', { timeout: 15_000 });
    await expect(ov.card.locator('canvas')).toBeVisible();
    await shot('looks-different');
    await axeOverlay(page, 'looks-different');

    // show me where
    await ov.button(t.point).click();
    await expect(ov.card).toHaveAttribute('data-kind', 'pointing');
    await locate(page, ME).hover();
    await shot('pointing');
    await ov.button(t.cancel).click();
    await ov.button(t.skip).click();

    // paused, then on to the end
    await ov.expectStep(3, 3, locale);
    await ov.button(t.pause).click();
    await expect(ov.card).toHaveAttribute('data-kind', 'paused');
    await expect(ov.box).toBeHidden();
    await shot('paused');
    await axeOverlay(page, 'paused');
    await expect(
      sidepanel.page.getByRole('button', { name: locale === 'de' ? 'Zum Tab wechseln' : 'Show the tab' }),
    ).toBeVisible();
    await sidepanel.page.screenshot({ path: `${SHOTS_DIR}/player-library-playing-${locale}.png`, fullPage: true });
    await ov.button(t.resume).click();
    await ov.expectStep(3, 3, locale);
    await locate(page, ME).click();
    await expect(ov.card).toHaveAttribute('data-kind', 'finished');
    await shot('finished');
    await axeOverlay(page, 'finished');

    await ov.button(t.close).click();
    await expect(ov.host).toHaveCount(0);
    await expect(
      sidepanel.page.getByText(locale === 'de' ? 'Abgeschlossen' : 'Completed', { exact: true }),
    ).toBeVisible();
    await sidepanel.page.screenshot({ path: `${SHOTS_DIR}/player-library-${locale}.png`, fullPage: true });
  });
}

test('keyboard: the card is reachable with Alt+Shift+L, Escape pauses, the step is announced', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const page = await context.newPage();
  await seedTour(page, background, sites, 'en');
  await startFromLibrary(sidepanel, await tabIdOf(background, page), TEXT.en.title, 'Start');
  await page.bringToFront();
  const ov = overlay(page);
  await expect(ov.card).toHaveAttribute('data-kind', 'ambiguous', { timeout: 15_000 });
  await page.keyboard.press('Enter'); // "Yes, this one" has the focus
  await ov.expectStep(1, 3);
  await expect(page.locator('lotse-player [role=status]')).toHaveText('Step 1 of 3: Give Lena’s post a like');
  // operated by keyboard, the focus stays in the card (on the first usable button: Back is disabled)
  await expect(ov.button('Back')).toBeDisabled();
  await expect(ov.button('Next')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ov.card).toHaveAttribute('data-kind', 'paused');
  await expect(ov.button('Continue')).toBeFocused();
  await page.keyboard.press('Enter');
  await ov.expectStep(1, 3);
  // focus back on the page: the shortcut brings it to the card again
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await expect(ov.card.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Alt+Shift+L');
  await expect(ov.button('Next')).toBeFocused();
  await page.keyboard.press('Enter'); // Next, without doing the step
  await expect(ov.card).toHaveAttribute('data-kind', /^(looking|looks-different)$/);
  await expect(page.locator('lotse-player [role=status]')).toContainText('Looking for “Add profile section”');
});

test('larger text, no dimming, reduced motion, and the popup while guiding', async ({
  context,
  background,
  sites,
  sidepanel,
  popup,
}) => {
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await setLocale(background, 'de');
  await background.evaluate(() => globalThis.lotseTest!.updateSettings({ largeText: true, dimPage: false }));
  await seedTour(page, background, sites, 'de');
  const tabId = await tabIdOf(background, page);
  await startFromLibrary(sidepanel, tabId, TEXT.de.title, 'Starten');
  await page.bringToFront();
  const ov = overlay(page);
  await expect(ov.card).toHaveAttribute('data-kind', 'ambiguous', { timeout: 15_000 });
  await ov.button(TEXT.de.yes).click();
  await ov.expectStep(1, 3, 'de');
  await expect(ov.host).toHaveClass(/lotse-large-text/);
  // the settings: no dimming; the system asks for less motion: no pulse, no sliding
  await expect(ov.box).not.toHaveAttribute('data-dim');
  await expect(ov.box).not.toHaveAttribute('data-pulse');
  expect(await ov.box.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
  expect(await ov.title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(22);
  await page.screenshot({ path: `${SHOTS_DIR}/player-step-large-de.png` });

  const p = await popup.openPopup(`tabId=${tabId}`);
  await expect(p.getByText('Anleitung läuft: „Ein Rundgang durch Kontakto“')).toBeVisible();
  await expect(p.getByText('Schritt 1 von 3')).toBeVisible();
  await p.screenshot({ path: `${SHOTS_DIR}/player-popup-de.png` });
  await p.getByRole('button', { name: 'Anleitung beenden' }).click();
  await expect(ov.host).toHaveCount(0);
});
