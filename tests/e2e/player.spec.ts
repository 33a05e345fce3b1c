/**
 * Player e2e: the mentee is guided on the live practice sites, advancing by doing each step himself.
 */
import { test, expect, SHOTS_DIR } from './fixtures';
import { tabIdOf } from './helpers';
import { expectHighlightOn, locate, overlay, startFromLibrary } from './player-kit';
import { EDIT_PROFILE, HEADLINE, LIKE_LENA, ME, SAVE, VIEW_PROFILE, seedHeadline } from './player-walkthroughs';

test('the headline walkthrough plays to the end on Kontakto by doing each step (no Next)', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const page = await context.newPage();
  const wid = await seedHeadline(page, background, sites);
  const tabId = await tabIdOf(background, page);
  await startFromLibrary(sidepanel, tabId, 'Update your headline', 'Start');
  await page.bringToFront();
  const ov = overlay(page);

  // 1: the like button lives in the late-rendered feed, among identical "Like" buttons: the locator
  // may be sure, or ask "Is it this one?" with Lena's button first; either way the right one is marked
  // and doing the step (clicking it) moves on.
  await expect(ov.card).toHaveAttribute('data-kind', /^(step|ambiguous)$/, { timeout: 15_000 });
  await expect(ov.card.locator('.lp-head')).toContainText('Step 1 of 7');
  await expectHighlightOn(page, locate(page, LIKE_LENA));
  await expect(ov.card).toContainText('Give Lena’s post a like');
  await locate(page, LIKE_LENA).click();
  await expect(locate(page, LIKE_LENA)).toHaveAttribute('aria-pressed', 'true');

  // 2, 3: menu, then the SPA route to the profile; the navigate step (4) completes by itself
  await ov.expectStep(2, 7);
  await expectHighlightOn(page, locate(page, ME));
  await locate(page, ME).click();
  await ov.expectStep(3, 7);
  await expectHighlightOn(page, locate(page, VIEW_PROFILE));
  await locate(page, VIEW_PROFILE).click();
  await page.waitForURL(/\/kontakto\/in\/me$/);

  await ov.expectStep(5, 7);
  await expectHighlightOn(page, locate(page, EDIT_PROFILE));
  await locate(page, EDIT_PROFILE).click();

  // 6: the site focuses the headline field; the overlay must not take that focus away
  await ov.expectStep(6, 7);
  await expectHighlightOn(page, locate(page, HEADLINE));
  await expect(locate(page, HEADLINE)).toBeFocused();
  await expect(ov.card).toContainText('Example: Managing Director | Mechanical engineering');
  await locate(page, HEADLINE).fill('Managing Director | Learning Kontakto');
  await page.keyboard.press('Tab');

  await ov.expectStep(7, 7);
  await expectHighlightOn(page, locate(page, SAVE));
  await locate(page, SAVE).click();

  await expect(ov.card).toHaveAttribute('data-kind', 'finished');
  await expect(ov.title).toHaveText('Well done!');
  await expect(page.getByText('Managing Director | Learning Kontakto').first()).toBeVisible();

  // "Well done!" shows at once; the progress is written a moment later
  await expect
    .poll(() => background.evaluate((id) => globalThis.lotseTest!.db.progress.get(id), wid))
    .toMatchObject({ status: 'finished', timesFinished: 1, playedVersion: 1 });
  await page.screenshot({ path: `${SHOTS_DIR}/player-finished-en.png` });
  await ov.button('Close').click();
  await expect(ov.host).toHaveCount(0);
});
