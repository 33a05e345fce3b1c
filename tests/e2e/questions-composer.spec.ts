import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, SHOTS_DIR } from './fixtures';
import { tabIdOf } from './helpers';
import { composer, expectAccessible, runNoteCommand, seedTandem } from './questions-helpers';
import { fingerprintOf, overlay, seed, startFromLibrary, step } from './player-kit';

mkdirSync(SHOTS_DIR, { recursive: true });

test('the keyboard command notes a question with the right page, selection and screenshot', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const panel = await sidepanel.openFor();
  const seeded = await seedTandem(panel, []);
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/feed?trk=SECRET-TOKEN#post-3`);
  await expect(page.locator('[data-loaded="true"]')).toBeVisible();
  const title = await page.title();
  // a selection on the page, and the search box focused (focus must come back to it)
  await page.evaluate(() => {
    const h = document.querySelector('h1, h2, p')!;
    const r = document.createRange();
    r.selectNodeContents(h);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  });
  const selected = (await page.evaluate(() => getSelection()!.toString())).replace(/\s+/g, ' ').trim();
  expect(selected.length).toBeGreaterThan(0);
  const tabId = await tabIdOf(background, page);

  await runNoteCommand(background, tabId);
  const c = composer(page);
  await expect(c.dialog).toBeVisible();
  await expect(c.text).toBeFocused();
  await expect(c.dialog).toContainText(title);
  await expect(c.dialog).toContainText(new URL(sites).host + '/kontakto/feed');
  await expect(c.dialog).not.toContainText('SECRET-TOKEN');
  await expect(c.dialog).toContainText(selected.slice(0, 20));
  await expect(c.dialog.getByLabel(/Save a picture of the page/)).toBeChecked();
  await expect(c.dialog.getByLabel(/Keep the full address/)).not.toBeChecked();
  await expect(c.dialog.getByLabel('Goal (optional)')).toBeVisible();
  await expectAccessible(page, 'lotse-composer');
  await page.screenshot({ path: join(SHOTS_DIR, 'questions-composer-en.png') });

  // empty text: a clear message, nothing saved
  await c.save.click();
  await expect(c.dialog.getByRole('alert')).toHaveText('Please write your question first.');
  await c.text.fill('How do I add a hashtag to my post?');
  await c.dialog.getByLabel('Goal (optional)').selectOption({ label: 'Hashtags' });
  await c.save.click();
  await expect(page.locator('lotse-composer').getByRole('status')).toContainText('Question saved.');
  await expect(page.locator('lotse-composer')).toHaveCount(0, { timeout: 8000 });

  const stored = await panel.evaluate(async () => {
    const db = globalThis.lotseTest!.db;
    const [q] = await db.questions.toArray();
    const shot = q?.screenshotId ? await db.screenshots.get(q.screenshotId) : undefined;
    return {
      q,
      shot: shot && { size: shot.blob.size, mime: shot.mime, w: shot.width, h: shot.height, owner: shot.ownerId },
    };
  });
  expect(stored.q).toMatchObject({
    text: 'How do I add a hashtag to my post?',
    goalId: seeded.goalId,
    status: 'agenda',
    meetingId: seeded.meetingIds[0],
    context: { url: `${sites}/kontakto/feed`, pageTitle: title, selectedText: selected },
  });
  expect(stored.shot).toMatchObject({ mime: 'image/webp', w: 1280, h: 800, owner: stored.q!.id });
  expect(stored.shot!.size).toBeGreaterThan(2000);
  expect(await background.evaluate(() => (globalThis.lotseTest!.questionDrafts as () => Promise<number>)())).toBe(0);
});

test('Escape cancels without a trace and gives focus back; the full address is kept only when asked (German)', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const panel = await sidepanel.openFor();
  await seedTandem(panel, []);
  await sidepanel.setLocale('de');
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/messaging?thread=c1#latest`);
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.click();
  await expect(search).toBeFocused();
  const tabId = await tabIdOf(background, page);
  const before = await page.evaluate(() => ({
    html: document.documentElement.getAttribute('style') ?? '',
    body: document.body.getAttribute('style') ?? '',
    styles: document.querySelectorAll('style, link[rel=stylesheet]').length,
    scrollY: scrollY,
  }));

  await runNoteCommand(background, tabId);
  const c = composer(page);
  await expect(c.dialog).toBeVisible();
  await expect(c.dialog.getByRole('heading', { name: 'Frage notieren' })).toBeVisible();
  await c.text.fill('Wer kann meine Nachrichten lesen?');
  await expectAccessible(page, 'lotse-composer');
  await page.screenshot({ path: join(SHOTS_DIR, 'questions-composer-de.png') });
  await page.keyboard.press('Escape');
  await expect(page.locator('lotse-composer')).toHaveCount(0);
  await expect(search).toBeFocused();
  // typing in the composer did not reach the page
  await expect(search).toHaveValue('');
  expect(await panel.evaluate(() => globalThis.lotseTest!.db.questions.count())).toBe(0);
  expect(await panel.evaluate(() => globalThis.lotseTest!.db.screenshots.count())).toBe(0);
  expect(await background.evaluate(() => (globalThis.lotseTest!.questionDrafts as () => Promise<number>)())).toBe(0);
  expect(
    await page.evaluate(() => ({
      html: document.documentElement.getAttribute('style') ?? '',
      body: document.body.getAttribute('style') ?? '',
      styles: document.querySelectorAll('style, link[rel=stylesheet]').length,
      scrollY: scrollY,
    })),
  ).toEqual(before);

  // second time: keep the full address, no picture, Ctrl+Enter saves
  await runNoteCommand(background, tabId);
  await expect(c.dialog).toBeVisible();
  await c.dialog.getByLabel(/Vollständige Adresse behalten/).check();
  await expect(c.dialog).toContainText('thread=c1#latest');
  await c.dialog.getByLabel(/Ein Bild der Seite/).uncheck();
  await c.text.fill('Wie antworte ich?');
  await c.text.press('Control+Enter');
  await expect(page.locator('lotse-composer').getByRole('status')).toContainText('Frage gespeichert.');
  const q = await panel.evaluate(async () => (await globalThis.lotseTest!.db.questions.toArray())[0]);
  expect(q).toMatchObject({
    text: 'Wie antworte ich?',
    context: { url: `${sites}/kontakto/messaging?thread=c1#latest` },
  });
  expect(q!.screenshotId).toBeUndefined();
});

test('a question noted during a walkthrough is linked to its step; unknown ids are not linked', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const panel = await sidepanel.openFor();
  const s = await seedTandem(panel, []);
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/feed`);
  const tabId = await tabIdOf(background, page);
  // the player opens the composer with openComposer({ walkthroughId, stepId }); this is that message path
  const open = (ctx: object) =>
    background.evaluate(
      async ({ tabId, ctx }) =>
        (globalThis.lotseTest!.noteQuestion as (t: number, c: object) => Promise<boolean>)(tabId, ctx),
      { tabId, ctx },
    );
  expect(await open({ walkthroughId: s.walkthroughId, stepId: s.stepIds[1] })).toBe(true);
  const c = composer(page);
  await expect(c.dialog).toContainText('“Write a post”, step 2: Type your text');
  await c.text.fill('Where does the text go?');
  await c.save.click();
  await expect(page.locator('lotse-composer').getByRole('status')).toBeVisible();
  await expect(page.locator('lotse-composer')).toHaveCount(0, { timeout: 8000 });

  // ids that do not exist (or a step of another walkthrough) are not stored
  await open({ walkthroughId: s.walkthroughId, stepId: crypto.randomUUID() });
  await expect(c.dialog).toContainText('Write a post');
  await expect(c.dialog).not.toContainText('step');
  await c.text.fill('Second');
  await c.save.click();
  await expect(page.locator('lotse-composer')).toHaveCount(0, { timeout: 8000 });
  await open({ walkthroughId: crypto.randomUUID(), stepId: s.stepIds[0] });
  await expect(c.dialog).not.toContainText('Walkthrough');
  await c.text.fill('Third');
  await c.save.click();
  await expect(page.locator('lotse-composer')).toHaveCount(0, { timeout: 8000 });

  const qs = await panel.evaluate(async () =>
    (await globalThis.lotseTest!.db.questions.orderBy('createdAt').toArray()).map((q) => q.context),
  );
  expect(qs[0]).toMatchObject({ walkthroughId: s.walkthroughId, stepId: s.stepIds[1] });
  expect(qs[1]!.walkthroughId).toBe(s.walkthroughId);
  expect(qs[1]!.stepId).toBeUndefined();
  expect(qs[2]!.walkthroughId).toBeUndefined();
  expect(qs[2]!.stepId).toBeUndefined();

  // the question's details in the side panel show the step
  await sidepanel.openFor(tabId, 'questions');
  await panel.getByRole('button', { name: /Where does the text go\?/ }).click();
  await expect(panel.getByText('“Write a post”, step 2: Type your text')).toBeVisible();
});

test('works on the hostile page without restyling it', async ({ context, background, sites, sidepanel }) => {
  const panel = await sidepanel.openFor();
  await seedTandem(panel, []);
  const page = await context.newPage();
  await page.goto(`${sites}/hostile/`);
  const name = page.getByRole('textbox', { name: 'Your name' });
  await name.click();
  const box = async () =>
    page.evaluate(() => {
      const el = document.querySelector('form')!;
      const r = el.getBoundingClientRect();
      return {
        r: [r.x, r.y, r.width, r.height],
        font: getComputedStyle(document.body).fontSize,
        styles: document.styleSheets.length,
      };
    });
  const before = await box();
  const tabId = await tabIdOf(background, page);
  await runNoteCommand(background, tabId);
  const c = composer(page);
  await expect(c.dialog).toBeVisible();
  await expect(c.text).toBeFocused();
  expect(await box()).toEqual(before);
  const dialogBox = await c.dialog.boundingBox();
  expect(dialogBox!.width).toBeGreaterThan(300);
  await page.screenshot({ path: join(SHOTS_DIR, 'questions-composer-hostile-en.png') });
  await c.text.fill('Is this form safe?');
  await c.save.click();
  await expect(page.locator('lotse-composer').getByRole('status')).toContainText('Question saved.');
  const q = await panel.evaluate(async () => (await globalThis.lotseTest!.db.questions.toArray())[0]);
  expect(q).toMatchObject({ text: 'Is this form safe?', context: { url: `${sites}/hostile/` } });
  expect(q!.screenshotId).toBeDefined();
  await expect(page.locator('lotse-composer')).toHaveCount(0, { timeout: 8000 });
  await expect(name).toBeFocused();
  expect(await box()).toEqual(before);
});

test('the popup and the side panel open the composer on their tab', async ({
  context,
  background,
  sites,
  popup,
  sidepanel,
}) => {
  const panel = await sidepanel.openFor();
  await seedTandem(panel, []);
  const page = await context.newPage();
  await page.goto(`${sites}/intranet/login`);
  const tabId = await tabIdOf(background, page);

  const pop = await popup.openPopup(`tabId=${tabId}`);
  await expect(pop.getByText('Tip: on any page, press Alt+Shift+Q.')).toBeVisible();
  await pop.screenshot({ path: join(SHOTS_DIR, 'questions-popup-en.png') });
  await pop.getByRole('button', { name: 'Note a question about this page' }).click();
  const c = composer(page);
  await expect(c.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('lotse-composer')).toHaveCount(0);

  await sidepanel.openFor(tabId, 'questions');
  await panel.getByRole('button', { name: 'Note a question on this page' }).click();
  await expect(c.dialog).toBeVisible();
  await c.text.fill('Where do I find my leave days?');
  await c.save.click();
  await expect(panel.getByRole('button', { name: /Where do I find my leave days\?/ })).toBeVisible();
});

test('the player’s “I have a question” opens the composer linked to the current step', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const panel = await sidepanel.openFor();
  await seedTandem(panel, []);
  const page = await context.newPage();
  const k = `${sites}/kontakto`;
  await page.goto(`${k}/feed?reset`);
  const me = await fingerprintOf(page, { css: 'button.global-nav__me' });
  const { walkthroughId, stepIds } = await seed(background, {
    walkthrough: { title: 'Find your profile', startUrl: `${k}/feed`, language: 'en' },
    steps: [
      step('Open the “Me” menu', `${k}/feed`, { type: 'click' }, me),
      step('Read your profile', `${k}/in/me`, { type: 'tip' }),
    ],
  });
  const tabId = await tabIdOf(background, page);
  await startFromLibrary(sidepanel, tabId, 'Find your profile', 'Start');
  await page.bringToFront();
  const ov = overlay(page);
  await ov.expectStep(1, 2);
  await ov.button('I have a question').click();
  const c = composer(page);
  await expect(c.dialog).toContainText('“Find your profile”, step 1: Open the “Me” menu');
  await c.text.fill('Why is my photo so small?');
  await c.save.click();
  await expect(page.locator('lotse-composer').getByRole('status')).toContainText('Question saved.');
  const q = await panel.evaluate(async () => (await globalThis.lotseTest!.db.questions.toArray())[0]);
  expect(q).toMatchObject({
    text: 'Why is my photo so small?',
    context: { walkthroughId, stepId: stepIds[0], url: `${k}/feed` },
  });
  expect(q!.screenshotId).toBeDefined();
  await expect(page.locator('lotse-composer')).toHaveCount(0, { timeout: 8000 });

  // the keyboard command during the walkthrough links the question to the step on screen as well
  await runNoteCommand(background, tabId);
  await expect(c.dialog).toContainText('“Find your profile”, step 1: Open the “Me” menu');
  await c.text.fill('What is under “Me”?');
  await c.save.click();
  await expect(page.locator('lotse-composer').getByRole('status')).toBeVisible();
  const both = await panel.evaluate(async () =>
    (await globalThis.lotseTest!.db.questions.orderBy('createdAt').toArray()).map((x) => x.context.stepId),
  );
  expect(both).toEqual([stepIds[0], stepIds[0]]);
});
